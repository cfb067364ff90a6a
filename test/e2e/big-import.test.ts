import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type Server } from './server';
import { signIn, type SignedIn } from './signIn';

// The Dữ liệu page's big-file card end to end under `npm start` (local R2 and Workflows in
// wrangler dev): a file goes to storage, the Workflow imports it while the card shows its stage
// and counts, a bad file shows the same error table as the one-request path, and a running
// import is cancelled with nothing counted. Screenshots in both languages at 1280 and 390 px.
let server: Server;
let browser: Browser;
let signedIn: SignedIn;
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';

const HEAD = 'Năm,Mã hình thức,Mã đơn vị,Đối tượng,Số lượng';
const lines = (n: number, year: number) =>
  Array.from({ length: n }, (_, i) => `${year},LDTT,${i % 2 ? 'X1' : 'X2'},individual,1`).join('\n');

beforeAll(async () => {
  server = await startServer({ DEMO: '0' });
  browser = await launchBrowser();
  signedIn = await signIn(browser, server.signInLink);
  const units = await server.api('/api/v1/imports/units?filename=don-vi.csv', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: 'code,name,kind,parent_code\nT,Tỉnh Thử,province,\nX1,Xã Một,commune,T\nX2,Xã Hai,commune,T\n',
  });
  expect(units.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(width: number, lang: 'vi' | 'en'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width, height: 900 },
    reducedMotion: 'reduce',
    storageState: signedIn,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/du-lieu${lang === 'en' ? '?lang=en' : ''}`);
  await page.locator('[data-card=big-import]').waitFor();
  return { page, errors };
}

const total = async () => {
  const res = await server.api('/api/v1/awards/summary');
  return ((await res.json()) as { total: number }).total;
};
const shot = (page: Page, name: string) =>
  page.locator('[data-card=big-import]').screenshot({ path: `${SHOTS}/big-import-${name}.png` });
const stage = (page: Page, s: string) =>
  page.locator(`[data-testid=big-state][data-stage=${s}]`).waitFor({ timeout: 90_000 });

describe('Dữ liệu page: a big file through storage and the Workflow', () => {
  it('imports a file, shows its counts, and keeps the upload in the URL', async () => {
    const { page, errors } = await open(1280, 'vi');
    const before = await total();
    await page.setInputFiles('[data-testid=big-file]', {
      name: 'khen-thuong-lon.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${HEAD}\n${lines(20_000, 2023)}\n`),
    });
    await page.click('text=Tải lên và nhập');
    await stage(page, 'done');
    const card = page.locator('[data-testid=big-state]');
    expect(await card.locator('.stage').textContent()).toMatch(/^Đã nhập xong 20\.000 dòng \(lô số \d+\)$/);
    expect(await card.locator('dl').textContent()).toContain('Dòng đã kiểm tra20.000');
    expect(await total()).toBe(before + 20_000);
    expect(new URL(page.url()).searchParams.get('upload')).toMatch(/^[0-9a-f-]{36}$/);
    await shot(page, 'done-vi-1280');
    // the same link in English and on a phone
    for (const [width, lang] of [
      [390, 'en'],
      [1280, 'en'],
      [390, 'vi'],
    ] as const) {
      const other = await browser.newPage({ viewport: { width, height: 900 }, storageState: signedIn });
      const url = new URL(page.url());
      if (lang === 'en') url.searchParams.set('lang', 'en');
      await other.goto(url.toString());
      await stage(other, 'done');
      if (lang === 'en')
        expect(await other.locator('[data-testid=big-state] .stage').textContent()).toMatch(/^Imported 20,000 rows/);
      await shot(other, `done-${lang}-${width}`);
      await other.close();
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a file with problems: the error table, nothing imported', async () => {
    const { page, errors } = await open(390, 'en');
    const before = await total();
    await page.setInputFiles('[data-testid=big-file]', {
      name: 'loi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${HEAD}\n${lines(3000, 2022)}\n2022,LDTT,X9,individual,1\n`),
    });
    await page.click('text=Upload and import');
    await stage(page, 'invalid');
    expect(await page.locator('[data-testid=big-state] .stage').textContent()).toBe(
      'The file has problems; nothing was imported',
    );
    await page.locator('[data-testid=errors]').waitFor();
    expect(await page.locator('[data-testid=errors]').textContent()).toContain('X9');
    expect(await total()).toBe(before);
    await shot(page, 'invalid-en-390');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cancels a running import: nothing counted, the button off while it cancels', async () => {
    const { page, errors } = await open(1280, 'en');
    const before = await total();
    await page.setInputFiles('[data-testid=big-file]', {
      name: 'lon.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${HEAD}\n${lines(300_000, 2021)}\n`),
    });
    await page.click('text=Upload and import');
    await stage(page, 'reading');
    await shot(page, 'reading-en-1280');
    await page.click('[data-testid=big-cancel]');
    await stage(page, 'cancelled');
    expect(await page.locator('[data-testid=big-state] .stage').textContent()).toBe('Cancelled; nothing was counted');
    await shot(page, 'cancelled-en-1280');
    expect(await total()).toBe(before);
    const consistency = await server.api('/api/v1/imports/consistency');
    expect(consistency.status).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});
