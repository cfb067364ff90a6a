import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Server } from './server';
import type { SignedIn } from './signIn';

// What the Dữ liệu page tests share: the units their lists name, imported through the API first,
// and the page opened signed in, in one language, with its page errors collected.

export async function importUnits(server: Server, csv: string) {
  const res = await server.api('/api/v1/imports/units?filename=don-vi.csv', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  expect(res.status).toBe(201);
}

export async function openDataPage(
  at: { server: Server; browser: Browser; signedIn: SignedIn },
  width: number,
  height: number,
  lang: 'vi' | 'en',
): Promise<{ page: Page; errors: string[] }> {
  const page = await at.browser.newPage({
    viewport: { width, height },
    reducedMotion: 'reduce',
    storageState: at.signedIn,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${at.server.url}/du-lieu${lang === 'en' ? '?lang=en' : ''}`);
  await page.locator('[data-testid=dataset]').waitFor();
  return { page, errors };
}
