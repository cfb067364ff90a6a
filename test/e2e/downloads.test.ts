import { readFileSync } from 'node:fs';
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

async function openOverview(viewport: { width: number; height: number }) {
  const page = await signedInPage(session, { viewport, reducedMotion: 'reduce', acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${session.server.url}/?unit=TB&from=2015&to=2024`);
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
    expect(lines[0]).toEqual(['year', 'tier', 'tier_name', 'count']);
    const api = (await (
      await session.server.api('/api/v1/awards/summary?unit=TB&from=2015&to=2024&group_by=year,tier')
    ).json()) as {
      rows: { year: number; tier: string; count: number }[];
    };
    expect(lines.slice(1)).toEqual(
      api.rows.map((r) => [String(r.year), r.tier, expect.stringMatching(/^Cấp|^Thủ tướng/), String(r.count)]),
    );
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
});
