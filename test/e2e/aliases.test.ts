import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type Server } from './server';
import { signIn, type SignedIn } from './signIn';
import { importUnits, openDataPage } from './dataPage';

// Unit names resolved once on the Dữ liệu page: a list writes "Xã Thụy Hải" (two districts have
// one) in three rows and misspells "Xã Thụy Suân" in two. The page shows each distinct name once
// with its candidates; the analyst picks, presses Ghi nhớ, the same file checks again and passes,
// and is imported; the remembered names are listed and one is removed. SHOTS keeps screenshots.
const TOKEN = 'e2e-alias-token';
const SHOTS = process.env.SHOTS ?? 'test-results/screenshots';
let server: Server;
let browser: Browser;
let signedIn: SignedIn;

const UNITS = [
  'code,name,kind,parent_code',
  'TB,Tỉnh Thái Bình,province,',
  'TT,Huyện Thái Thụy,district,TB',
  'TT-TX,Xã Thụy Xuân,commune,TT',
  'TT-TH,Xã Thụy Hải,commune,TT',
  'DH,Huyện Đông Hưng,district,TB',
  'DH-TH,Xã Thụy Hải,commune,DH',
].join('\n');

const LIST = [
  'Năm,Danh hiệu,Đơn vị công tác,Đối tượng,Họ và tên',
  '2024,Lao động tiên tiến,Xã Thụy Hải,Cá nhân,Nguyễn Văn An',
  '2024,Lao động tiên tiến,Xã Thụy Suân,Cá nhân,Trần Thị Bình',
  '2024,Lao động tiên tiến,UBND xã Thụy Hải,Cá nhân,Lê Văn Cường',
  '2024,Lao động tiên tiến,Xã Thụy Suân,Cá nhân,Phạm Thị Dung',
  '2024,Lao động tiên tiến,xã thụy hải,Cá nhân,Hoàng Văn Em',
].join('\n');

beforeAll(async () => {
  server = await startServer({ DEMO: '0', ADMIN_TOKEN: TOKEN });
  browser = await launchBrowser();
  signedIn = await signIn(browser, server.signInLink);
  await importUnits(server, UNITS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(width: number, height: number, lang: 'vi' | 'en'): Promise<{ page: Page; errors: string[] }> {
  const opened = await openDataPage({ server, browser, signedIn }, width, height, lang);
  await opened.page.selectOption('[data-testid=dataset]', 'awards');
  return opened;
}

const file = { name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST) };
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const total = async (unit: string) =>
  ((await (await server.api(`/api/v1/awards/summary?from=2024&to=2024&unit=${unit}`)).json()) as { total: number })
    .total;

describe('unit names resolved once on the Dữ liệu page', () => {
  it('picks each name once, remembers it, checks again, imports, lists and removes the aliases', async () => {
    const { page, errors } = await open(1280, 800, 'vi');
    await page.setInputFiles('[data-testid=file]', file);
    await page.click('text=Kiểm tra (chưa ghi)');
    const picker = page.locator('[data-testid=name-picker]');
    await picker.waitFor();
    // three spellings of one name are one choice
    expect(await picker.locator('h4').textContent()).toBe('Chọn đơn vị cho 2 tên chưa xác định');
    const names = picker.locator('[data-testid=pick-name]');
    const texts = await names.allTextContents();
    expect(texts.map((t) => t.match(/‘([^’]+)’/)?.[1])).toEqual(['Xã Thụy Hải', 'Xã Thụy Suân']);
    expect(texts[0]).toMatch(/trong 3 dòng\s*Cũng viết là: ‘UBND xã Thụy Hải’, ‘xã thụy hải’/);
    expect(texts[1]).toContain('trong 2 dòng');
    const options = await names.nth(0).locator('option').allTextContents();
    expect(options).toEqual([
      '— chưa chọn —',
      'TT-TH (Xã Thụy Hải, Huyện Thái Thụy)',
      'DH-TH (Xã Thụy Hải, Huyện Đông Hưng)',
      'Đơn vị khác (nhập mã)…',
    ]);
    expect(await page.locator('[data-testid=alias]').count()).toBe(0);
    await shot(page, 'aliases-pick-vi-1280');

    await names.nth(0).locator('[data-testid=pick-unit]').selectOption('DH-TH');
    // nothing chosen for the second yet: remembering one leaves it an error
    await page.click('[data-testid=remember]');
    await page.locator('[data-testid=alias]').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=pick-name]').length === 1);
    expect(await picker.locator('[data-testid=pick-name]').textContent()).toContain('‘Xã Thụy Suân’');
    // a unit the candidates do not offer, by its code
    await picker.locator('[data-testid=pick-unit]').selectOption('*');
    await picker.locator('[data-testid=pick-code]').fill('TT-TX');
    await page.click('[data-testid=remember]');
    await page.waitForSelector('text=Tệp hợp lệ: 5 dòng');
    const listed = await page.locator('[data-testid=alias]').allTextContents();
    expect(listed).toHaveLength(2);
    expect(listed.join('\n')).toMatch(/‘Xã Thụy Suân’ → TT-TX Xã Thụy Xuân/);
    await shot(page, 'aliases-passed-vi-1280');

    await page.click('text=Nhập vào hệ thống');
    await page.waitForSelector('text=Đã nhập 5 dòng');
    expect(await total('DH-TH')).toBe(3);
    expect(await total('TT-TX')).toBe(2);
    expect(await total('TT-TH')).toBe(0);

    // the audit log has each one
    const audit = (await (await server.api('/api/v1/audit?limit=50')).json()) as { entries: { action: string }[] };
    expect(audit.entries.filter((e) => e.action === 'alias_create')).toHaveLength(2);

    // removed: the list and the API agree, and the audit log has it
    await page.click('button[aria-label="Xoá tên gọi ‘Xã Thụy Suân’"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=alias]').length === 1);
    const left = (await (await server.api('/api/v1/imports/aliases')).json()) as { aliases: { alias: string }[] };
    expect(left.aliases.map((a) => a.alias)).toEqual(['Xã Thụy Hải']);
    const after = (await (await server.api('/api/v1/audit?limit=50')).json()) as { entries: { action: string }[] };
    expect(after.entries.filter((e) => e.action === 'alias_delete')).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    [1280, 800, 'en'],
    [390, 844, 'vi'],
    [390, 844, 'en'],
  ] as const)('shows the picker and the list at %i px (%s)', async (width, height, lang) => {
    const { page, errors } = await open(width, height, lang);
    // 'Xã Thụy Suân' is unknown again since its alias was removed (another file: that one is in)
    const next = `${LIST}\n2024,Lao động tiên tiến,Xã Thụy Suân,Cá nhân,Vũ Thị Giang`;
    await page.setInputFiles('[data-testid=file]', { ...file, buffer: Buffer.from(next) });
    await page.click(lang === 'vi' ? 'text=Kiểm tra (chưa ghi)' : 'text=Check (dry run)');
    const picker = page.locator('[data-testid=name-picker]');
    await picker.waitFor();
    expect(await picker.locator('h4').textContent()).toBe(
      lang === 'vi' ? 'Chọn đơn vị cho 1 tên chưa xác định' : 'Choose the unit for 1 unresolved name(s)',
    );
    expect(await page.locator('[data-testid=alias]').count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, `aliases-pick-${lang}-${width}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
