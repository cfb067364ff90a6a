import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './signIn';
import {
  apiJson,
  demoSession,
  DESKTOP,
  horizontalOverflow,
  openPage,
  PHONE,
  seriousA11yViolations,
  settled,
  SHOTS,
  signedInPage,
  viCount,
} from './pages';

// The Báo cáo page as a new user meets it: the forms 0601-0603 for Thái Bình 2024 and for the
// new Hưng Yên's whole 2025 (old Thái Bình's first half included), previewed like the printed
// form with the API's numbers, downloaded as Excel, printed to PDF, and the year-end report
// as a Word document whose figures are the summary API's.
const session = demoSession();

type Form = {
  title: string;
  header: { reporting_unit: string; period: string; place_date: string };
  columns: { no: number }[];
  rows: { code: string; label: string; cells: (number | null)[] }[];
};

/** The preview's body rows as displayed: label, code, then the cells. */
const previewRows = (page: Page) =>
  page.$$eval('[data-card="report-form"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())),
  );

const expected = (form: Form) =>
  form.rows.map((r) => [r.label, r.code, ...r.cells.map((v) => (v === null ? '' : viCount(v)))]);

describe('the Báo cáo page', () => {
  it('is in the navigation and shows every form for Thái Bình 2024 with the API numbers', async () => {
    const { page, errors } = await openPage(session, `${session.server.url}/`);
    await page.click('nav a:has-text("Báo cáo")');
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/bao-cao');
    for (const form of ['0601', '0602', '0603']) {
      await page.goto(`${session.server.url}/bao-cao?unit=TB&year=2024&form=${form}`);
      await settled(page);
      const api = await apiJson<Form>(
        session.server,
        `/api/v1/reports/${form}?unit=TB&year=2024&as_of=2024-12-31&lang=vi`,
      );
      expect(await previewRows(page)).toEqual(expected(api));
      expect(await page.textContent('[data-testid="reporting-unit"]')).toBe('Tỉnh Thái Bình');
      const paper = (await page.textContent('[data-card="report-form"] article'))!;
      for (const s of [
        `Biểu số ${form}`,
        'Thông tư số 02/2023/TT-BNV',
        'Năm 2024',
        'Bộ Nội vụ',
        'NGƯỜI LẬP BIỂU',
        'THỦ TRƯỞNG ĐƠN VỊ',
      ])
        expect(paper).toContain(s);
      expect(paper).toMatch(/Thái Bình, ngày \d{2} tháng \d{2} năm \d{4}/);
      // the numbering row: A, B, 1, 2, …
      const numbers = await page.$$eval('[data-card="report-form"] thead tr.numbers th', (ths) =>
        ths.map((th) => th.textContent!.trim()),
      );
      expect(numbers).toEqual(['A', 'B', ...api.columns.map((c) => String(c.no))]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("counts the new Hưng Yên's whole 2025, with old Thái Bình's first half", async () => {
    const { page } = await openPage(session, `${session.server.url}/bao-cao?unit=HY-2025&year=2025&form=0603`);
    const whole = await apiJson<Form>(
      session.server,
      '/api/v1/reports/0603?unit=HY-2025&year=2025&as_of=2025-12-31&lang=vi',
    );
    const recorded = await apiJson<Form>(session.server, '/api/v1/reports/0603?unit=HY-2025&year=2025&lang=vi');
    const tb = await apiJson<Form>(session.server, '/api/v1/reports/0603?unit=TB&year=2025&lang=vi');
    const oldHy = await apiJson<Form>(session.server, '/api/v1/reports/0603?unit=HY&year=2025&lang=vi');
    const sum = (f: Form) => f.rows[0].cells.reduce<number>((s, v) => s + (v ?? 0), 0);
    // the whole year is the new province's second half plus the first half of old Thái Bình
    // and old Hưng Yên, which it was made from
    expect(sum(tb)).toBeGreaterThan(0);
    expect(sum(whole)).toBeCloseTo(sum(recorded) + sum(tb) + sum(oldHy), 6);
    expect(await page.textContent('[data-testid="reporting-unit"]')).toBe('Tỉnh Hưng Yên');
    expect(await previewRows(page)).toEqual(expected(whole));
    expect(await page.textContent('[data-card="report-form"] article')).toContain(
      'Năm 2025 (theo địa giới hành chính ngày 31/12/2025)',
    );
    // "Như ghi nhận" shows the second half only
    await page.check('input[name="report-bounds"] >> nth=1');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('bounds')).toBe('recorded');
    expect(await previewRows(page)).toEqual(expected(recorded));
    await page.close();
  });

  it('downloads the form as Excel laid out like the printed form, with whole numbers as #,##0', async () => {
    const page = await signedInPage(session, { viewport: DESKTOP, reducedMotion: 'reduce', acceptDownloads: true });
    await page.goto(`${session.server.url}/bao-cao?unit=TB&year=2024&form=0602`);
    await settled(page);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-card="report-form"] a[data-format=xlsx]'),
    ]);
    expect(file.suggestedFilename()).toBe('thidua-bieu-0602-TB-2024.xlsx');
    const wb = XLSX.read(readFileSync(await file.path()), { cellNF: true });
    const sheet = wb.Sheets['0602'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, blankrows: true });
    expect(rows[0][0]).toBe('Biểu số 0602');
    expect(rows[0][2]).toBe('Đơn vị báo cáo: Tỉnh Thái Bình');
    expect(rows[3][0]).toBe('SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC');
    expect(rows[8].slice(0, 3)).toEqual(['A', 'B', '1']);
    const api = await apiJson<Form>(session.server, '/api/v1/reports/0602?unit=TB&year=2024&as_of=2024-12-31');
    expect(rows[9]).toEqual(['Tổng số', '01', ...api.rows[0].cells]);
    const numeric = Object.entries(sheet).filter(
      ([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).t === 'n',
    ) as [string, XLSX.CellObject][];
    expect(numeric.length).toBeGreaterThan(0);
    for (const [, c] of numeric) expect(c.z).toBe(Number.isInteger(c.v) ? '#,##0' : '#,##0.0#');
    await page.close();
  });

  it('downloads the year-end report as a Word document whose totals are the summary API', async () => {
    const page = await signedInPage(session, { viewport: DESKTOP, reducedMotion: 'reduce', acceptDownloads: true });
    await page.goto(`${session.server.url}/bao-cao?unit=HY-2025&year=2025`);
    await settled(page);
    const summary = await apiJson<{ rows: { year: number; count: number }[] }>(
      session.server,
      '/api/v1/awards/summary?unit=HY-2025&from=2024&to=2025&as_of=2025-12-31&group_by=year',
    );
    const byYear = Object.fromEntries(summary.rows.map((r) => [r.year, r.count]));
    expect(await page.textContent('[data-testid="year-end-total"]')).toBe(viCount(byYear[2025]));
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-card="year-end"] a[data-format=docx]'),
    ]);
    expect(file.suggestedFilename()).toBe('thidua-bao-cao-tong-ket-HY-2025-2025.docx');
    const doc = strFromU8(unzipSync(new Uint8Array(readFileSync(await file.path())))['word/document.xml']);
    const text = [...doc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    for (const s of [
      'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
    ])
      expect(text).toContain(s);
    const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
    expect(
      text.some((p) =>
        p.includes(`có ${nf.format(byYear[2025])} lượt khen thưởng (năm 2024: ${nf.format(byYear[2024])})`),
      ),
    ).toBe(true);
    await page.close();
  });

  it('prints the form alone, wide forms on A4 landscape, 0601 on portrait', async () => {
    for (const [form, size] of [
      ['0602', [842, 595]],
      ['0601', [595, 842]],
    ] as const) {
      const page = await signedInPage(session, { viewport: DESKTOP, reducedMotion: 'reduce' });
      await page.goto(`${session.server.url}/bao-cao?unit=HY-2025&year=2025&form=${form}`);
      await settled(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('.controls')).toBe(false);
      expect(await page.isVisible('[data-card="year-end"]')).toBe(false);
      expect(await page.isVisible('main h1')).toBe(false);
      const pdf = await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        path: `${SHOTS}/bao-cao-${form}.pdf`,
      });
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
        (m) => [Math.round(+m[1]), Math.round(+m[2])],
      );
      expect(boxes.length).toBeGreaterThan(0);
      for (const [w, h] of boxes) {
        expect(Math.abs(w - size[0])).toBeLessThanOrEqual(2);
        expect(Math.abs(h - size[1])).toBeLessThanOrEqual(2);
      }
      await page.close();
    }
  });

  it('is photographed in both languages on a laptop and a phone, no overflow, no serious axe violations', async () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const viewport of [DESKTOP, PHONE]) {
        const { page, errors } = await openPage(
          session,
          `${session.server.url}/bao-cao?unit=HY-2025&year=2025&form=0602${lang === 'en' ? '&lang=en' : ''}`,
          viewport,
        );
        if (lang === 'en') expect(await page.textContent('main h1')).toBe('Reports');
        await page.screenshot({
          path: `${SHOTS}/bao-cao-${lang}-${viewport.width}x${viewport.height}.png`,
          fullPage: true,
        });
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  });
});

describe('who may use the Báo cáo page', () => {
  async function as(role: string, scope?: string) {
    const json = { 'content-type': 'application/json' };
    const made = await session.server.api('/api/v1/users', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        email: `${role}.${scope ?? 'all'}@bao-cao.vn`,
        role,
        ...(scope ? { scope_unit: scope } : {}),
      }),
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: number };
    const link = await session.server.api('/api/v1/auth/sign-in-links', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ user_id: id }),
    });
    const { url } = (await link.json()) as { url: string };
    return signedInPage(
      { browser: session.browser, signedIn: await signIn(session.browser, url) },
      { viewport: DESKTOP, reducedMotion: 'reduce' },
    );
  }

  it('a viewer has no Báo cáo in the navigation, and the page says which role it needs', async () => {
    const page = await as('viewer');
    await page.goto(`${session.server.url}/`);
    await settled(page);
    expect(await page.locator('nav a', { hasText: 'Báo cáo' }).count()).toBe(0);
    await page.goto(`${session.server.url}/bao-cao`);
    await page.waitForSelector('[data-testid=page-denied]');
    expect(await page.textContent('[data-testid=page-denied]')).toContain('Phân tích viên');
    await page.close();
  });

  it("an analyst scoped to a district gets their district's form by default", async () => {
    const page = await as('analyst', 'TB-TT');
    await page.goto(`${session.server.url}/bao-cao?year=2024&form=0603`);
    await settled(page);
    expect(await page.textContent('[data-testid="reporting-unit"]')).toBe('Huyện Thái Thụy');
    const api = await apiJson<Form>(
      session.server,
      '/api/v1/reports/0603?unit=TB-TT&year=2024&as_of=2024-12-31&lang=vi',
    );
    expect(await previewRows(page)).toEqual(expected(api));
    expect(await page.textContent('[data-card="report-form"] article')).toContain(
      'Đơn vị nhận báo cáo: Tỉnh Thái Bình',
    );
    await page.close();
  });
});

describe('printing Tổng quan on A4 portrait', () => {
  it('names the area, years and filters, and redraws the charts at the width of the paper', async () => {
    const page = await signedInPage(session, { viewport: DESKTOP, reducedMotion: 'reduce' });
    await page.goto(`${session.server.url}/?unit=TB&from=2018&to=2025`);
    await settled(page);
    const onScreen = await page.$$eval('.chart canvas', (cs) => cs.map((c) => c.getBoundingClientRect().width));
    expect(Math.max(...onScreen)).toBeGreaterThan(1000);
    // what the charts measure when the browser starts printing (Chromium's PDF printer fires
    // beforeprint and afterprint like the print dialog)
    await page.evaluate(() => {
      const w = window as unknown as { printed: number[][] };
      w.printed = [];
      addEventListener('beforeprint', () =>
        w.printed.push([...document.querySelectorAll('.chart canvas')].map((c) => c.getBoundingClientRect().width)),
      );
    });
    await page.pdf({ format: 'A4', printBackground: true, path: `${SHOTS}/tong-quan-a4-portrait-filtered.pdf` });
    const printed = await page.evaluate(() => (window as unknown as { printed: number[][] }).printed);
    expect(printed.length).toBe(1);
    expect(printed[0].length).toBe(onScreen.length);
    for (const w of printed[0]) expect(w).toBeLessThanOrEqual(640);
    // back on screen, the charts fill their cards again
    expect(await page.$$eval('.chart canvas', (cs) => cs.map((c) => c.getBoundingClientRect().width))).toEqual(
      onScreen,
    );
    // the printout names the area and the years (the filter bar is not printed)
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('[data-testid="print-scope"]')).toBe(true);
    expect(await page.isVisible('.filterbar')).toBe(false);
    const scope = (await page.textContent('[data-testid="print-scope"]'))!;
    expect(scope).toContain('Tỉnh Thái Bình');
    expect(scope).toContain('2018–2025');
    await page.close();
  });
});
