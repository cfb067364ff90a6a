import * as XLSX from '@e965/xlsx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type Server } from './server';
import { signIn, type SignedIn } from './signIn';
import { importUnits, openDataPage } from './dataPage';

// The acceptance trial of award lists as analysts have them: "Danh sách cá nhân đạt danh hiệu
// Lao động tiên tiến năm 2024", 30 names, title rows, STT, Họ và tên, Chức vụ, Đơn vị công tác,
// Giới tính, a Tổng cộng line; units written as people write them, one ambiguous (two communes
// called Xã Thụy Hải), one misspelt. Imported through the Dữ liệu page as a new user would:
// the year, award, kind and decision read from the title and confirmed, the errors read grouped,
// the file fixed, the classes suggested from Chức vụ confirmed, then imported. SHOTS (a
// directory) keeps the screenshots.
const TOKEN = 'e2e-list-token';
const SHOTS = process.env.SHOTS ?? 'test-results/screenshots';
let server: Server;
let browser: Browser;
let signedIn: SignedIn;

const UNITS = [
  'code,name,kind,parent_code,valid_to',
  'TB,Tỉnh Thái Bình,province,,',
  'TT,Huyện Thái Thụy,district,TB,',
  'TT-TX,Xã Thụy Xuân,commune,TT,',
  'TT-TH,Xã Thụy Hải,commune,TT,',
  'DH,Huyện Đông Hưng,district,TB,',
  'DH-TH,Xã Thụy Hải,commune,DH,',
  'DH-DL,Xã Đông La,commune,DH,',
].join('\n');

const WRITTEN = ['UBND xã Thụy Xuân', 'Xã Thụy Xuân', 'xã thụy xuân', 'Ủy ban nhân dân xã Đông La', 'Xã Đông La'];
const POSITIONS = ['Giáo viên', 'Nông dân', 'Chủ tịch UBND xã', 'Công nhân', 'Chuyên viên', 'Trưởng phòng Tư pháp'];

function list(fixed: boolean): Buffer {
  const people = Array.from({ length: 30 }, (_, i) => [
    i + 1,
    `Người Thứ ${i + 1}`,
    POSITIONS[i % POSITIONS.length],
    WRITTEN[i % WRITTEN.length],
    i % 2 ? 'Nam' : 'Nữ',
  ]);
  // row 7 names a commune two districts have; row 19 misspells one
  people[6][3] = fixed ? 'TT-TH' : 'Xã Thụy Hải';
  people[18][3] = fixed ? 'Xã Thụy Xuân' : 'Xã Thụy Suân';
  const rows = [
    ['UBND HUYỆN THÁI THỤY', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2024'],
    ['(Kèm theo Quyết định số 456/QĐ-UBND ngày 20/12/2024)'],
    [],
    ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Giới tính'],
    ...people,
    ['Tổng cộng: 30 người'],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 1, c: 4 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, 'Danh sách');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

const open = (width: number, height: number, lang: 'vi' | 'en') =>
  openDataPage({ server, browser, signedIn }, width, height, lang);

// The list's fields come from its title rows, shaded for the analyst to confirm: nothing typed
async function fillList(page: Page) {
  await page.locator('[data-testid=lf-from-title]').waitFor();
  const value = (id: string) => page.locator(`[data-testid=${id}]`).inputValue();
  expect(await value('lf-year')).toBe('2024');
  expect(await value('lf-award')).toBe('Lao động tiên tiến');
  expect(await value('lf-kind')).toBe('individual');
  expect(await value('lf-no')).toBe('456/QĐ-UBND');
  expect(await value('lf-date')).toBe('20/12/2024');
  expect(await page.locator('.list-fields .guessed').count()).toBe(5);
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

describe('a 30-name list from a decision, through the Dữ liệu page', () => {
  it('is checked, fixed, confirmed and imported, counting its 30 people', async () => {
    const started = Date.now();
    const { page, errors } = await open(1280, 800, 'vi');
    await page.selectOption('[data-testid=dataset]', 'awards');
    await page.setInputFiles('[data-testid=file]', {
      name: 'danh-sach-LDTT-2024.xlsx',
      mimeType: XLSX_TYPE,
      buffer: list(false),
    });
    await fillList(page);
    await page.click('text=Kiểm tra (chưa ghi)');
    const table = page.locator('[data-testid=errors]');
    await table.waitFor();
    expect(await table.locator('h3').textContent()).toBe('2 lỗi; không dòng nào được nhập');
    const groups = await table.locator('[data-testid=error-groups] li').allTextContents();
    expect(groups).toHaveLength(2);
    // the file's own header, its value, and the spreadsheet's row (five rows above the data)
    expect(groups.join('\n')).toMatch(
      /Đơn vị công tác\s*:\s*‘Xã Thụy Hải’\s*trong 1 dòng.*trùng tên 2 đơn vị.*: 12\b/s,
    );
    expect(groups.join('\n')).toMatch(/Đơn vị công tác\s*:\s*‘Xã Thụy Suân’\s*trong 1 dòng.*có phải:.*: 24\b/s);
    await shot(page, 'list-errors-vi-1280');

    // the codes of the two communes called Xã Thụy Hải, looked up without diacritics
    await page.fill('[data-testid=codes-search]', 'thuy hai');
    const codes = await page.locator('[data-testid=codes] li').allTextContents();
    expect(codes).toHaveLength(2);
    expect(codes.join('\n')).toMatch(/TT-TH\s*Xã Thụy Hải · Huyện Thái Thụy/);
    expect(codes.join('\n')).toMatch(/DH-TH\s*Xã Thụy Hải · Huyện Đông Hưng/);
    await page.locator('[data-testid=codes] button', { hasText: 'TT-TH' }).click();
    await page.waitForSelector('text=đã sao chép TT-TH');

    // the analyst writes the code the message names for the shared name, fixes the typo, checks again
    await page.setInputFiles('[data-testid=file]', {
      name: 'danh-sach-LDTT-2024.xlsx',
      mimeType: XLSX_TYPE,
      buffer: list(true),
    });
    await page.click('text=Kiểm tra (chưa ghi)');
    await page.waitForSelector('text=Tệp hợp lệ: 30 dòng');
    const suggestions = page.locator('[data-testid=class-suggestions] tbody tr');
    expect(await suggestions.count()).toBe(6);
    expect(await page.locator('[data-testid=class-suggestions]').textContent()).toContain(
      'Công nhân, nông dân, người lao động trực tiếp',
    );
    await page.check('[data-testid=apply-class]');
    await shot(page, 'list-checked-vi-1280');
    await page.click('text=Nhập vào hệ thống');
    await page.waitForSelector('text=/Đã nhập 30 dòng/');
    const seconds = (Date.now() - started) / 1000;
    console.log(`acceptance flow in Chromium: ${seconds.toFixed(1)} s`);
    const came = page.locator('[data-testid=breakdown] tbody tr');
    await came.first().waitFor();
    expect(await came.allTextContents()).toEqual([
      expect.stringMatching(/^Xã Thụy Xuân\s*TT-TX\s*Lao động tiên tiến\s*LDTT\s*18$/),
      expect.stringMatching(/^Xã Đông La\s*DH-DL\s*Lao động tiên tiến\s*LDTT\s*11$/),
      expect.stringMatching(/^Xã Thụy Hải\s*TT-TH\s*Lao động tiên tiến\s*LDTT\s*1$/),
    ]);
    await shot(page, 'list-imported-vi-1280');

    const get = async (q: string) =>
      ((await (await server.api(`/api/v1/awards/summary?${q}`)).json()) as {
        rows: Record<string, string | number>[];
        total: number;
      }) ?? { rows: [] };
    expect((await get('from=2024&to=2024')).total).toBe(30);
    const byUnit = Object.fromEntries(
      (await get('from=2024&to=2024&group_by=unit&unit=TB')).rows.map((r) => [r.unit, r.count]),
    );
    expect(byUnit).toEqual({ TT: 19, DH: 11 });
    const byClass = Object.fromEntries(
      (await get('from=2024&to=2024&group_by=class')).rows.map((r) => [String(r.class), r.count]),
    );
    // Giáo viên, Nông dân, Công nhân: 15; Chủ tịch UBND xã, Trưởng phòng: 10; Chuyên viên: none
    expect(byClass).toEqual({ TRUC_TIEP: 15, LD_KHAC: 10, null: 5 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    [1280, 800, 'en'],
    [390, 844, 'vi'],
    [390, 844, 'en'],
  ] as const)('shows the grouped errors and the list fields at %ix%i in %s', async (width, height, lang) => {
    const { page, errors } = await open(width, height, lang);
    await page.selectOption('[data-testid=dataset]', 'awards');
    await page.setInputFiles('[data-testid=file]', { name: 'ds.xlsx', mimeType: XLSX_TYPE, buffer: list(false) });
    await fillList(page);
    await page.click('[data-testid=file] >> xpath=ancestor::section//button[1]');
    await page.locator('[data-testid=error-groups]').waitFor();
    await shot(page, `list-errors-${lang}-${width}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
