import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type Server } from './server';
import { signIn, type SignedIn } from './signIn';
import { importUnits, openDataPage } from './dataPage';

// The Dữ liệu page end to end: a bad file shows its errors, a good one is checked, imported,
// listed and rolled back behind a confirmation; screenshots in both languages and sizes. The
// browser is signed in with the link `npm start` printed: the session cookie authenticates the
// uploads (XMLHttpRequest), commits and rollbacks, no token is typed.
const TOKEN = 'e2e-data-token';
let server: Server;
let browser: Browser;
let signedIn: SignedIn;

const HEAD = 'Năm,Mã hình thức,Mã đơn vị,Đối tượng,Số lượng,Tên người/tập thể được khen';
const BAD =
  `${HEAD}\n2024,LDTT,X1,individual,2,Nguyễn Thị ` +
  `Hoa\n2024,LDTT,X9,individual,1,Trần Văn ` +
  `Nam\n2024,LDTT,X1,collective,1,Tổ 3\n`;
const GOOD = `${HEAD}\n2024,LDTT,X1,individual,2,Nguyễn Thị Hoa\n2024,CSTD_CS,X2,individual,1,"Lê Minh, Ánh"\n`;

beforeAll(async () => {
  server = await startServer({ DEMO: '0', ADMIN_TOKEN: TOKEN });
  browser = await launchBrowser();
  signedIn = await signIn(browser, server.signInLink);
  await importUnits(
    server,
    'code,name,kind,parent_code\nT,Tỉnh Thử,province,\nX1,Xã Một,commune,T\nX2,Xã Hai,commune,T\n',
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (width: number, height: number, lang: 'vi' | 'en') =>
  openDataPage({ server, browser, signedIn }, width, height, lang);

const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('Dữ liệu page', () => {
  it('shows the errors of a bad file, then imports, lists and rolls back a good one', async () => {
    const { page, errors } = await open(1280, 800, 'vi');
    await page.waitForSelector('text=Lịch sử nhập');
    await page.selectOption('[data-testid=dataset]', 'awards');

    await page.setInputFiles('[data-testid=file]', file('khen-thuong-loi.csv', BAD));
    await page.waitForSelector('text=Xem trước 3 dòng đầu');
    await page.click('text=Kiểm tra (chưa ghi)');
    const table = page.locator('[data-testid=errors]');
    await table.waitFor();
    expect(await table.locator('h3').textContent()).toBe('2 lỗi; không dòng nào được nhập');
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('2');
    expect(rows[0]).toContain('unit_code');
    expect(rows[0]).toContain("không có đơn vị nào tên hoặc mã 'X9' vào năm 2024");
    expect(rows[1]).toContain("'Lao động tiên tiến' chỉ dành cho cá nhân, không dành cho tập thể");
    expect(rows[1]).toContain('recipient_kind');
    await page.screenshot({ path: 'test-results/screenshots/du-lieu-errors-vi-1280x800.png', fullPage: true });

    // the good file arrives by drag and drop
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'khen-thuong-2024.csv', { type: 'text/csv' }));
      return dt;
    }, GOOD);
    await page.dispatchEvent('.drop', 'dragover', { dataTransfer });
    await page.dispatchEvent('.drop', 'drop', { dataTransfer });
    await page.waitForSelector('text=Xem trước 2 dòng đầu');
    await page.click('text=Kiểm tra (chưa ghi)');
    await page.waitForSelector('text=Tệp hợp lệ: 2 dòng');
    await page.click('text=Nhập vào hệ thống');
    await page.waitForSelector('text=Đã nhập 2 dòng (lô số 2).');
    // the footer's data version follows the import without a reload
    await page.waitForSelector('text=phiên bản dữ liệu 3');
    const row = page.locator('[data-testid=history] tr[data-batch="2"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('khen-thuong-2024.csv');
    expect(await row.getAttribute('data-status')).toBe('committed');
    const total = async () => ((await (await server.api('/api/v1/awards/summary')).json()) as { total: number }).total;
    expect(await total()).toBe(3);
    await page.screenshot({ path: 'test-results/screenshots/du-lieu-imported-vi-1280x800.png', fullPage: true });

    await row.locator('button', { hasText: 'Hoàn tác' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Hoàn tác lô số 2 (Khen thưởng, 2 dòng)?');
    await page.screenshot({ path: 'test-results/screenshots/du-lieu-confirm-vi-1280x800.png' });
    await dialog.locator('button.danger').click();
    await page.waitForSelector('text=Đã hoàn tác lô số 2.');
    await page.waitForSelector('[data-testid=history] tr[data-batch="2"][data-status=rolled_back]');
    await page.waitForSelector('text=phiên bản dữ liệu 4');
    expect(await total()).toBe(0);
    expect(errors).toEqual([]);
    // npm run check:consistency against this server: the cube equals the raw rows after it all
    const out = execFileSync('npm', ['run', '--silent', 'check:consistency'], {
      env: { ...process.env, URL: server.url, ADMIN_TOKEN: TOKEN },
      encoding: 'utf8',
    });
    expect(out).toContain('consistent: the award cube equals the raw committed awards');
    await page.close();
  });

  it.each([
    [1280, 800, 'en'],
    [390, 844, 'vi'],
    [390, 844, 'en'],
  ] as const)('fits %ix%i in %s with the error table open', async (width, height, lang) => {
    const { page, errors } = await open(width, height, lang);
    await page.setInputFiles('[data-testid=file]', file('bad.csv', BAD));
    await page.click('[data-testid=file] >> xpath=ancestor::section//button[1]');
    await page.locator('[data-testid=errors]').waitFor();
    await page.waitForSelector('[data-testid=history] tbody tr');
    await page.screenshot({ path: `test-results/screenshots/du-lieu-${lang}-${width}x${height}.png`, fullPage: true });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        // inside a horizontally scrolling box (wide tables) is fine
        .filter((e) => {
          for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
            if (getComputedStyle(p).overflowX !== 'visible') return false;
          return true;
        })
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className}`),
    );
    expect(wide).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Dữ liệu page, a file sent in parts', () => {
  it('checks every part, reports rows of the whole file, imports the parts as one batch', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      storageState: signedIn,
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // parts of 120 bytes instead of 50 MB, so that a small file goes in several parts
    await page.addInitScript(() => sessionStorage.setItem('thidua-part-bytes', '120'));
    await page.goto(`${server.url}/du-lieu`);
    await page.selectOption('[data-testid=dataset]', 'awards');

    const lines = Array.from({ length: 12 }, (_, i) => `2023,LDTT,X${(i % 2) + 1},individual,1,"Người ${i + 1}"`);
    const bad = [...lines];
    bad[1] = '2023,LDTT,X7,individual,1,Sai';
    bad[10] = '2023,LDTT,X1,individual,0,Sai';
    await page.setInputFiles('[data-testid=file]', file('nhieu-phan-loi.csv', `${HEAD}\n${bad.join('\n')}\n`));
    await page.click('text=Kiểm tra (chưa ghi)');
    const table = page.locator('[data-testid=errors]');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^3Mã đơn vịunit_code/); // the CSV's own line and header
    expect(rows[1]).toMatch(/^12Số lượngquantity/);

    await page.setInputFiles('[data-testid=file]', file('nhieu-phan.csv', `${HEAD}\n${lines.join('\n')}\n`));
    await page.click('text=Kiểm tra (chưa ghi)');
    await page.waitForSelector('text=Tệp hợp lệ: 12 dòng');
    await page.click('text=Nhập vào hệ thống');
    await page.waitForSelector('text=/Đã nhập 12 dòng/');
    const list = (await (await server.api('/api/v1/imports')).json()) as {
      batches: { id: number; rows: number; status: string; filename: string }[];
    };
    expect(list.batches[0]).toMatchObject({ rows: 12, status: 'committed', filename: 'nhieu-phan.csv' });
    const summary = (await (await server.api('/api/v1/awards/summary?from=2023&to=2023')).json()) as { total: number };
    expect(summary.total).toBe(12);
    const check = (await (await server.api('/api/v1/imports/consistency')).json()) as { ok: boolean };
    expect(check.ok).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
