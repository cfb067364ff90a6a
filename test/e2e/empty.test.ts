import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type Server } from './server';
import { signIn } from './signIn';

// `PORT=… DATA_DIR=… DEMO=0 ADMIN_TOKEN=t npm start`: an empty database with a chosen token.
let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ DEMO: '0', ADMIN_TOKEN: 'e2e-token' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('npm start with DEMO=0', () => {
  it('serves an empty database that still has the built-in catalog', async () => {
    const meta = (await (await server.api('/api/v1/meta')).json()) as {
      years: unknown;
      units: unknown[];
      award_types: unknown[];
    };
    expect(meta.years).toBeNull();
    expect(meta.units).toEqual([]);
    expect(meta.award_types).toHaveLength(61);
    const summary = await (await server.api('/api/v1/awards/summary?group_by=year')).json();
    expect(summary).toEqual({ rows: [], total: 0 });
  });

  it('uses ADMIN_TOKEN from the environment for writes', async () => {
    const without = await fetch(`${server.url}/api/v1/imports/awards`, { method: 'POST' });
    expect(without.status).toBe(401);
    expect(((await without.json()) as { error: string }).error).toMatch(/^Sign in required/);
    const wrong = await fetch(`${server.url}/api/v1/imports/awards`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/api/v1/imports/awards`, {
      method: 'POST',
      headers: { authorization: 'Bearer e2e-token' },
    });
    expect(right.status).not.toBe(401);
    expect(server.output()).toContain('e2e-token');
  });

  it('tells the user there is no data instead of showing zeros', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      storageState: await signIn(browser, server.signInLink),
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('text=Không có dữ liệu cho bộ lọc này.');
    // every card says so once it has its answer: KPIs, first half, trend, state and PM awards, shares,
    // top units
    await expect.poll(() => page.locator('text=Không có dữ liệu cho bộ lọc này.').count()).toBe(6);
    await page.screenshot({ path: 'test-results/screenshots/tong-quan-empty-vi-1280x800.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
