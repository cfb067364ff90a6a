import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { demoSession, DESKTOP, PHONE, SHOTS, signedInPage } from './pages';

// The downloads of a card: CSV and Excel from the API with the card's query, and the chart as a
// PNG at a fixed export size whatever the window.
const session = demoSession();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const TIERS = {
  state: ['Cấp Nhà nước', 'State'],
  government: ['Thủ tướng Chính phủ', 'Prime Minister'],
  ministry_province: ['Cấp bộ, ngành, tỉnh', 'Ministry / province'],
  grassroots: ['Cấp cơ sở', 'Grassroots'],
} as const;

/** The trend card's table as the screen shows it: a row per year, a column per level, the total. */
async function trendTable(lang: 0 | 1) {
  const api = (await (
    await session.server.api('/api/v1/awards/summary?unit=TB&from=2015&to=2024&group_by=year,tier')
  ).json()) as { rows: { year: number; tier: keyof typeof TIERS; count: number }[] };
  const tiers = (Object.keys(TIERS) as (keyof typeof TIERS)[]).filter((t) => api.rows.some((r) => r.tier === t));
  const years = [...new Set(api.rows.map((r) => r.year))].sort((a, b) => a - b);
  const count = (y: number, t: string) => api.rows.find((r) => r.year === y && r.tier === t)?.count ?? 0;
  return {
    header: [lang ? 'Year' : 'Năm', ...tiers.map((t) => TIERS[t][lang]), lang ? 'Total' : 'Tổng cộng'],
    rows: years.map((y) => [y, ...tiers.map((t) => count(y, t)), tiers.reduce((a, t) => a + count(y, t), 0)]),
  };
}

async function openOverview(viewport: { width: number; height: number }, extra = '') {
  const page = await signedInPage(session, { viewport, reducedMotion: 'reduce', acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${session.server.url}/?unit=TB&from=2015&to=2024${extra}`);
  await page.waitForSelector('[data-card=trend] canvas');
  await page.waitForSelector('[data-card=trend] [data-format=png]');
  return { page, errors };
}

describe('downloads on a chart card', () => {
  it('saves the chart as a PNG at 2x (1-4x) of the fixed export size, on a laptop and on a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, errors } = await openOverview(viewport);
      const [two] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-card=trend] [data-format=png]'),
      ]);
      expect(two.suggestedFilename()).toBe('thidua-trend-2x.png');
      expect(pngSize(readFileSync(await two.path()))).toEqual({ width: 2400, height: 1350 });
      await page.selectOption('[data-card=trend] .downloads select', '3');
      const [three] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-card=trend] [data-format=png]'),
      ]);
      const bytes = readFileSync(await three.path());
      expect(pngSize(bytes)).toEqual({ width: 3600, height: 2025 });
      if (viewport === DESKTOP) await three.saveAs(`${SHOTS}/export-trend-3x.png`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('downloads the same rows as CSV and Excel through the API, with the page filters', async () => {
    const { page } = await openOverview(DESKTOP);
    const href = await page.getAttribute('[data-card=trend] a[data-format=csv]', 'href');
    const params = new URL(href!, session.server.url).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      unit: 'TB',
      from: '2015',
      to: '2024',
      group_by: 'year,tier',
      format: 'csv',
      lang: 'vi',
    });
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-card=trend] a[data-format=csv]'),
    ]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    // the card's table, headed in Vietnamese, whole numbers without separators or decimals
    const expected = await trendTable(0);
    expect(lines[0]).toEqual(expected.header);
    expect(lines.slice(1)).toEqual(expected.rows.map((r) => r.map(String)));
    expect(expected.rows.length).toBe(10);
    const xlsx = await page.getAttribute('[data-card=trend] a[data-format=xlsx]', 'href');
    const res = await session.server.api(xlsx!);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await page.close();
  });

  for (const [lang, extra] of [
    [0, ''],
    [1, '&lang=en'],
  ] as const) {
    const language = lang ? 'English' : 'Vietnamese';
    it(`saves an Excel file that reads back with ${language} headers, #,##0, filters in words`, async () => {
      const { page, errors } = await openOverview(DESKTOP, extra);
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-card=trend] a[data-format=xlsx]'),
      ]);
      expect(file.suggestedFilename()).toMatch(/^thidua-khen-thuong-\d{8}\.xlsx$/);
      const wb = XLSX.read(readFileSync(await file.path()), { cellNF: true });
      const [data, filters] = lang ? ['Data', 'Filters'] : ['Số liệu', 'Bộ lọc'];
      expect(wb.SheetNames).toEqual([data, filters]);
      const sheet = wb.Sheets[data];
      const expected = await trendTable(lang);
      expect(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 })).toEqual([expected.header, ...expected.rows]);
      // every count is a number cell formatted #,##0 (26839 shows as 26,839 / 26.839, never "26,839.")
      const range = XLSX.utils.decode_range(sheet['!ref']!);
      for (let r = 1; r <= range.e.r; r++)
        for (let c = 1; c <= range.e.c; c++) {
          const cell = sheet[XLSX.utils.encode_cell({ r, c })];
          expect(cell.t).toBe('n');
          expect(cell.z).toBe('#,##0');
        }
      const words = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[filters], { header: 1 });
      expect(words).toContainEqual(lang ? ['Area', 'Tỉnh Thái Bình'] : ['Địa bàn', 'Tỉnh Thái Bình']);
      expect(words).toContainEqual(lang ? ['Years', '2015–2024'] : ['Năm', '2015–2024']);
      expect(words.map((w) => w[0])).not.toContain('unit');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("saves the shares card and the cluster ranks as their tables on screen, in the page's language", async () => {
    const { page, errors } = await openOverview(DESKTOP);
    await page.waitForSelector('[data-card=shares] a[data-format=xlsx]');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-card=shares] a[data-format=xlsx]'),
    ]);
    const wb = XLSX.read(readFileSync(await file.path()), { cellNF: true });
    const sheet = wb.Sheets['Số liệu'];
    const api = (await (await session.server.api('/api/v1/awards/indicators?unit=TB&from=2015&to=2024')).json()) as {
      rows: Record<string, number | null>[];
    };
    const fields = ['year', 'individual', 'direct_share', 'leader_share', 'women_share', 'ethnic_minority_share'];
    const read = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(read[0]).toEqual([
      'Năm',
      'Cá nhân',
      'Tỷ lệ lao động trực tiếp',
      'Tỷ lệ lãnh đạo, quản lý',
      'Tỷ lệ nữ',
      'Tỷ lệ dân tộc thiểu số',
    ]);
    expect(read.slice(1)).toEqual(api.rows.map((r) => fields.map((f) => r[f] ?? undefined)));
    expect([sheet.B2.z, sheet.C2.z]).toEqual(['#,##0', '0.0%']);

    const meta = (await (await session.server.api('/api/v1/meta')).json()) as { clusters: { code: string }[] };
    const cluster = meta.clusters[0].code;
    await page.goto(`${session.server.url}/cum-khoi?cluster=${cluster}&from=2023&to=2024&lang=en`);
    await page.waitForSelector('[data-card=ranks] a[data-format=csv]');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-card=ranks] a[data-format=csv]'),
    ]);
    const rows = Papa.parse<string[]>(readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual([
      'Unit code',
      'Unit',
      'Rank 2023',
      'Score 2023',
      'Proposed award 2023',
      'Rank 2024',
      'Score 2024',
      'Proposed award 2024',
    ]);
    const results = (await (
      await session.server.api(`/api/v1/movements/results?cluster=${cluster}&from=2023&to=2024`)
    ).json()) as { rows: { year: number; unit: string; rank: number }[] };
    // a row per member, each year's rank where it was ranked
    const members = [...new Set(results.rows.map((r) => r.unit))];
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(members.sort());
    for (const r of results.rows) {
      const row = rows.find((x) => x[0] === r.unit)!;
      expect(row[r.year === 2023 ? 2 : 5]).toBe(String(r.rank));
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
