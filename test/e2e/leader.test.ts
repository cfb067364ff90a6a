import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent } from '../../dashboard/src/lib/format';
import { closedLabel, isClosedDimension, MISSING_LABEL } from '../../worker/domain/dimensions';
import {
  apiJson,
  cardTable,
  DESKTOP,
  demoSession,
  openPage,
  PHONE,
  SHOTS,
  settled,
  signedInPage,
  viCount,
} from './pages';

// The leader's view: the small tiers a leader cites first are readable (and written on the PNG),
// and a unit's own awards are said apart instead of being ranked among its children.
const demo = demoSession();

type Rows<T> = { rows: T[]; total: number };
const api = <T>(path: string) => apiJson<T>(demo.server, path);

/** Every text drawn on any canvas since the page opened (value labels are drawn, not in the DOM). */
async function recordCanvasText(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { drawn: string[] };
    w.drawn = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      w.drawn.push(String(text));
      return fill.call(this, text, ...rest);
    };
  });
}
const drawn = (page: Page) => page.evaluate(() => (window as unknown as { drawn: string[] }).drawn.splice(0));

describe('state-level and Prime Minister awards on their own chart', () => {
  it('Thái Bình 2012-2024: the table equals the API, every bar has its number, also in the PNG', async () => {
    const q = 'unit=TB&to=2024';
    const api2 = await api<Rows<{ year: number; tier: string; count: number }>>(
      `/api/v1/awards/summary?group_by=year,tier&tier=state,government&${q}`,
    );
    const years = [...new Set(api2.rows.map((r) => r.year))].sort();
    const cell = (y: number, t: string) => api2.rows.find((r) => r.year === y && r.tier === t)?.count ?? 0;
    expect(years.at(-1)).toBe(2024);
    for (const viewport of [DESKTOP, PHONE]) {
      for (const lang of ['vi', 'en'] as const) {
        const page = await signedInPage(demo, { viewport, reducedMotion: 'reduce' });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await recordCanvasText(page);
        await page.goto(`${demo.server.url}/?${q}${lang === 'en' ? '&lang=en' : ''}`);
        await settled(page);
        const table = await cardTable(page, 'high-tiers');
        const fmt = (n: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);
        expect(table).toEqual(years.map((y) => [String(y), fmt(cell(y, 'state')), fmt(cell(y, 'government'))]));
        const summary = await page.textContent('[data-card="high-tiers"] .summary');
        expect(summary).toBe(
          lang === 'vi'
            ? `Năm 2024: ${cell(2024, 'state')} khen thưởng cấp Nhà nước, ` +
                `${cell(2024, 'government')} của Thủ tướng Chính phủ.`
            : `2024: ${cell(2024, 'state')} state-level awards, ${cell(2024, 'government')} from the Prime Minister.`,
        );
        const onScreen = await drawn(page);
        // the built-in events: listed under the chart, drawn on it (by name, or by number on a phone)
        const events =
          lang === 'vi'
            ? ['Luật Thi đua, khen thưởng 2022 có hiệu lực (01/01/2024)']
            : ['Law on Emulation and Commendation 2022 in force (01/01/2024)'];
        expect(await page.textContent('[data-card="high-tiers"] [data-events]')).toContain(`(1) ${events[0]}`);
        expect(onScreen).toContain(viewport === DESKTOP ? events[0] : '(1)');
        for (const y of years) for (const t of ['state', 'government']) expect(onScreen).toContain(fmt(cell(y, t)));
        if (viewport === DESKTOP && lang === 'vi') {
          const [png] = await Promise.all([
            page.waitForEvent('download'),
            page.click('[data-card="high-tiers"] [data-format=png]'),
          ]);
          await png.saveAs(`${SHOTS}/export-high-tiers-2x.png`);
          const inPng = await drawn(page);
          for (const y of years) for (const t of ['state', 'government']) expect(inPng).toContain(fmt(cell(y, t)));
        }
        const shot = `${SHOTS}/high-tiers-tb-2024-${lang}-${viewport.width}.png`;
        await page.locator('[data-card="high-tiers"]').screenshot({ path: shot });
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  });

  it('a tier filter outside the two leaves the card empty instead of showing them anyway', async () => {
    const { page, errors } = await openPage(demo, `${demo.server.url}/?unit=TB&to=2024&tier=grassroots`);
    await expect.poll(() => page.textContent('[data-card="high-tiers"]')).toContain('Không có dữ liệu cho bộ lọc này.');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a unit's own awards apart from its children", () => {
  it('the demo has own awards on the new province and on a district, none on old Thái Bình in 2024', async () => {
    const own = async (unit: string, year: number) =>
      (
        await api<Rows<{ unit: string; count: number }>>(
          `/api/v1/awards/summary?group_by=unit&unit=${unit}&from=${year}&to=${year}`,
        )
      ).rows.find((r) => r.unit === unit)?.count;
    expect(await own('HY-2025', 2025)).toBeGreaterThan(0);
    expect(await own('TB-TT', 2024)).toBeGreaterThan(0);
    expect(await own('TB', 2024)).toBeUndefined();
  });

  for (const { unit, year, name, asOf } of [
    // the new province is joined with its predecessors by default (its first day as as_of)
    { unit: 'HY-2025', year: 2025, name: 'Tỉnh Hưng Yên (từ 01/07/2025)', asOf: '&as_of=2025-07-01' },
    { unit: 'TB', year: 2024, name: 'Tỉnh Thái Bình (đến 30/06/2025)', asOf: '' },
    { unit: 'TB-TT', year: 2024, name: 'Huyện Thái Thụy (đến 30/06/2025)', asOf: '' },
  ]) {
    it(`${name} ${year}: children ranked without the shared dates, the own count apart`, async () => {
      const byUnit = await api<Rows<{ unit: string; count: number }>>(
        `/api/v1/awards/summary?group_by=unit&unit=${unit}&from=${year}&to=${year}${asOf}`,
      );
      // the API lists the unit's own row only where it has awards recorded directly on it
      const own = byUnit.rows.find((r) => r.unit === unit);
      const children = byUnit.rows.filter((r) => r.unit !== unit).sort((a, b) => b.count - a.count);
      for (const viewport of [DESKTOP, PHONE]) {
        const { page, errors } = await openPage(demo, `${demo.server.url}/?unit=${unit}&to=${year}`, viewport);
        const table = await cardTable(page, 'top-units');
        expect(table.map((r) => r[1])).toEqual(children.slice(0, 10).map((r) => viCount(r.count)));
        const pct = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
        expect(table.map((r) => r[2])).toEqual(
          children.slice(0, 10).map((r) => `${pct.format((r.count / byUnit.total) * 100)}%`),
        );
        for (const [head] of table) expect(head).not.toMatch(/\((từ|đến) \d\d\/\d\d\/\d{4}\)/);
        if (own)
          expect(await page.textContent('[data-card="top-units"] [data-own]')).toContain(
            `Khen thưởng ghi trực tiếp cho ${name}: ${viCount(own.count)}`,
          );
        else expect(await page.locator('[data-card="top-units"] [data-own]').count()).toBe(0);
        await page.locator('[data-card="top-units"]').screenshot({
          path: `${SHOTS}/top-units-${unit}-${year}-vi-${viewport.width}.png`,
        });
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }
});

describe('a unit that began in 2025 is compared with its predecessors by default', () => {
  it('the new Hưng Yên 2025 against its predecessors in 2024, said in words; as recorded on request', async () => {
    const joined = await api<Rows<{ year: number; count: number }>>(
      '/api/v1/awards/summary?group_by=year&unit=HY-2025&as_of=2025-07-01',
    );
    const by = (y: number) => joined.rows.find((r) => r.year === y)!.count;
    expect(by(2024)).toBeGreaterThan(0);
    const { page, errors } = await openPage(demo, `${demo.server.url}/?unit=HY-2025`);
    await expect.poll(() => page.textContent('[data-kpi="kpiTotal"] .value')).toBe(viCount(by(2025)));
    expect(await page.textContent('[data-kpi="kpiTotal"] .change')).toContain(`so với năm 2024 (${viCount(by(2024))})`);
    const note = await page.textContent('[data-lineage]');
    expect(note).toContain('Tỉnh Hưng Yên (từ 01/07/2025) bắt đầu từ 01/07/2025');
    expect(note).toContain('Tỉnh Thái Bình (đến 30/06/2025)');
    expect(await page.isChecked('input[type="radio"][name="bounds"] >> nth=1')).toBe(true);
    // the new communes carry split communes' shares: the table rounds them and marks them ≈
    const mapped = await api<Rows<{ unit: string; count: number }>>(
      '/api/v1/awards/summary?group_by=unit&unit=HY-2025&from=2025&to=2025&as_of=2025-07-01',
    );
    const children = mapped.rows.filter((r) => r.unit !== 'HY-2025').sort((a, b) => b.count - a.count);
    expect(children.some((r) => !Number.isInteger(r.count))).toBe(true);
    const table = await cardTable(page, 'top-units');
    expect(table.map((r) => r[1])).toEqual(children.slice(0, 10).map((r) => viCount(r.count)));
    for (const [, count] of table) expect(count).toMatch(/^≈?\d{1,3}(\.\d{3})*$/);
    await page.screenshot({ path: `${SHOTS}/tong-quan-hy-2025-joined-vi-1280.png`, fullPage: true });

    // "Như ghi nhận" asks for the figures as recorded: a single year, nothing to compare with
    await page.check('input[type="radio"][name="bounds"] >> nth=0');
    await expect.poll(() => new URL(page.url()).searchParams.get('bounds')).toBe('recorded');
    await expect.poll(() => page.textContent('[data-kpi="kpiTotal"] .change')).toContain('chưa có số liệu năm trước');
    expect(await page.locator('[data-lineage]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a unit that always existed is shown as recorded, without the note or a choice to follow it', async () => {
    // Thái Bình ended on 30/06/2025 and its area went to the new Hưng Yên: it can be followed
    const { page, errors } = await openPage(demo, `${demo.server.url}/?unit=TB&to=2024`);
    expect(await page.locator('[data-lineage]').count()).toBe(0);
    expect(await page.locator('input[type="radio"][name="bounds"]').count()).toBe(3);
    // Thanh Hóa was not merged (the demo has no awards of it): recorded or today's boundaries only
    await page.goto(`${demo.server.url}/?unit=TH&to=2024`);
    await page.locator('.kpi[role="status"]').filter({ hasText: 'Không có dữ liệu cho bộ lọc này.' }).waitFor();
    expect(await page.locator('[data-lineage]').count()).toBe(0);
    expect(await page.locator('input[type="radio"][name="bounds"]').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Cụm, khối for a leader', () => {
  it("opens on the user's cluster with one picker; the first in every cluster for a chosen year", async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, errors } = await openPage(demo, `${demo.server.url}/cum-khoi?unit=TB`, viewport);
      // Thái Bình was a member of the Red River Delta cluster (not the first in the catalog)
      expect(await page.inputValue('.picker select')).toBe('CUM-DBSH');
      // one cluster picker: the filter bar leaves its own out here (and has it on the other pages)
      expect(await page.locator('.filterbar label:has-text("Cụm, khối thi đua")').count()).toBe(0);
      for (const year of [2025, 2024]) {
        if (year === 2024) {
          await page.selectOption('[data-card="leaders"] select', '2024');
          await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2024');
          await settled(page);
        }
        const leaders = await api<{ rows: { cluster: string; unit: string; score: number; proposed_award: string }[] }>(
          `/api/v1/movements/leaders?year=${year}`,
        );
        const meta = await api<{ clusters: { code: string; name: string }[]; units: { code: string; name: string }[] }>(
          '/api/v1/meta',
        );
        const table = await cardTable(page, 'leaders');
        expect(table).toHaveLength(meta.clusters.length);
        const score = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
        for (const l of leaders.rows) {
          const name = meta.clusters.find((c) => c.code === l.cluster)!.name;
          const unit = meta.units.find((u) => u.code === l.unit)!.name;
          const row = table.find((r) => r[0] === name)!;
          expect(row[2].startsWith(unit), `${name}: ${row[2]}`).toBe(true);
          expect(row[3]).toBe(score.format(l.score));
        }
        for (const c of meta.clusters.filter((c) => !leaders.rows.some((l) => l.cluster === c.code)))
          expect(table.find((r) => r[0] === c.name)![2]).toBe('chưa có kết quả');
      }
      await page
        .locator('[data-card="leaders"]')
        .screenshot({ path: `${SHOTS}/leaders-2024-vi-${viewport.width}.png` });
      await page.click('nav a:has-text("Tổng quan")');
      await settled(page);
      if (viewport === DESKTOP)
        expect(await page.locator('.filterbar label:has-text("Cụm, khối thi đua")').count()).toBe(1);
      await page.goBack();
      await settled(page);
      // a cluster's name opens it below
      await page.click('[data-card="leaders"] button:has-text("Cụm thi đua các tỉnh Bắc Trung Bộ")');
      await expect.poll(() => new URL(page.url()).searchParams.get('cluster')).toBe('CUM-BTB');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('highlights the chosen unit in the bump chart, in one colour in both languages, named on it', async () => {
    const colours: string[] = [];
    for (const lang of ['vi', 'en']) {
      const page = await signedInPage(demo, { viewport: DESKTOP, reducedMotion: 'reduce' });
      await recordCanvasText(page);
      await page.addInitScript(() => {
        // the stroke colour in effect when each line's name is written
        const w = window as unknown as { named: Record<string, string> };
        w.named = {};
        const fill = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
          if (this.font.startsWith('bold')) w.named[String(text)] = String(this.fillStyle);
          return fill.call(this, text, ...rest);
        };
      });
      await page.goto(`${demo.server.url}/cum-khoi?unit=HY-2025${lang === 'en' ? '&lang=en' : ''}`);
      await settled(page);
      expect(await page.inputValue('[data-card="ranks"] .focus select')).toBe('HY-2025');
      const named = await page.evaluate(() => (window as unknown as { named: Record<string, string> }).named);
      expect(Object.keys(named)).toEqual(['Tỉnh Hưng Yên']);
      colours.push(named['Tỉnh Hưng Yên']);
      // the other members still on the chart in the last year are named too
      const results = await api<{ rows: { year: number; unit: string }[] }>(
        '/api/v1/movements/results?cluster=CUM-DBSH',
      );
      const last = Math.max(...results.rows.map((r) => r.year));
      const onChart = await drawn(page);
      const meta = await api<{ units: { code: string; name: string; valid_from?: string; valid_to?: string }[] }>(
        '/api/v1/meta',
      );
      for (const r of results.rows.filter((x) => x.year === last))
        expect(onChart).toContain(meta.units.find((u) => u.code === r.unit)!.name);
      await page.locator('[data-card="ranks"]').screenshot({ path: `${SHOTS}/ranks-hy-2025-${lang}-1280.png` });
      // another member from the card's list: the URL keeps it
      await page.selectOption('[data-card="ranks"] .focus select', 'QN');
      await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBe('QN');
      await page.close();
    }
    expect(colours[0]).toMatch(/^#[0-9a-f]{6}$/i);
    expect(colours[1]).toBe(colours[0]);
  });
});

describe('Phong trào: one small chart per movement', () => {
  it('Thái Bình 2012-2024: a panel per movement with its total and peak, the table equal to the API', async () => {
    const s = await api<Rows<{ year: number; movement: string | null; count: number }>>(
      '/api/v1/awards/summary?group_by=year,movement&unit=TB&to=2024',
    );
    const rows = s.rows.filter((r) => r.movement);
    const codes = [...new Set(rows.map((r) => r.movement!))];
    const years = [...new Set(rows.map((r) => r.year))].sort();
    const total = (m: string) => rows.filter((r) => r.movement === m).reduce((a, r) => a + r.count, 0);
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, errors } = await openPage(demo, `${demo.server.url}/phong-trao?unit=TB&to=2024`, viewport);
      expect(await page.locator('[data-card="movement-panels"] figure canvas').count()).toBe(codes.length);
      for (const m of codes) {
        const peak = Math.max(...rows.filter((r) => r.movement === m).map((r) => r.count));
        expect(await page.textContent(`[data-movement="${m}"] figcaption span`)).toBe(
          `Tổng ${viCount(total(m))} · cao nhất ${viCount(peak)} một năm`,
        );
      }
      const table = await cardTable(page, 'movement-panels');
      // largest movement first
      expect(table.map((r) => r.at(-1))).toEqual(
        [...codes].sort((a, b) => total(b) - total(a)).map((m) => viCount(total(m))),
      );
      for (const r of table) expect(r.length).toBe(years.length + 2);
      await page.locator('[data-card="movement-panels"]').screenshot({
        path: `${SHOTS}/movement-panels-tb-vi-${viewport.width}.png`,
      });
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

// The proof the issue asks for: each changed card for Thái Bình 2024 and the new Hưng Yên 2025,
// in both languages on a laptop and a phone, with a target and an editor's note set, written to
// SHOTS16 as card-unit-year-lang-width.png to be looked at; and every card's table equal to the
// answer of the API query the card itself names (its CSV link, read as JSON).
const SHOTS16 = process.env.SHOTS16 ?? `${SHOTS}/leader16`;
const PROOF_NOTE = { vi: 'Hội nghị điển hình tiên tiến', en: 'Conference of exemplary collectives' };
type Lang = 'vi' | 'en';

/** The card's own query, from its CSV link, answered as JSON. */
async function cardAnswer<T>(page: Page, card: string): Promise<{ query: URLSearchParams; answer: T }> {
  const href = await page.getAttribute(`[data-card="${card}"] a[data-format=csv]`, 'href');
  const url = new URL(href!, demo.server.url);
  url.searchParams.delete('format');
  url.searchParams.delete('lang');
  return { query: url.searchParams, answer: await api<T>(`${url.pathname}?${url.searchParams}`) };
}

async function headers(page: Page, card: string) {
  return page.$$eval(`[data-card="${card}"] thead th`, (ths) => ths.map((th) => th.textContent!.trim()));
}

/** A year series card (rows: year, one column per value, total, maybe the target): equal to its API answer. */
async function expectYearSeries(page: Page, card: string, dim: string, lang: Lang) {
  const { answer } = await cardAnswer<Rows<Record<string, string | number | null>>>(page, card);
  const heads = await headers(page, card);
  const table = await cardTable(page, card);
  const rows = answer.rows.filter((r) => card !== 'movements' || r[dim] !== null);
  const years = [...new Set(rows.map((r) => r.year as number))].sort((a, b) => a - b);
  expect(table.map((r) => r[0])).toEqual(years.map(String));
  const values = [...new Set(rows.map((r) => r[dim] as string | null))];
  for (const row of table) {
    const of = rows.filter((r) => r.year === Number(row[0]));
    const count = (v: string | null) => of.find((r) => r[dim] === v)?.count as number | undefined;
    const cells = row.slice(1, 1 + values.length);
    if (isClosedDimension(dim)) {
      // each column named by its value: the cell is that value's count
      for (const [i, cell] of cells.entries()) {
        const v = values.find((x) => (x === null ? MISSING_LABEL[lang] : closedLabel(dim, x, lang)) === heads[i + 1]);
        expect(v, `${card} ${heads[i + 1]}`).not.toBeUndefined();
        expect(cell, `${card} ${row[0]} ${heads[i + 1]}`).toBe(formatCount(count(v!) ?? 0, lang));
      }
    } else expect([...cells].sort()).toEqual(values.map((v) => formatCount(count(v) ?? 0, lang)).sort());
    // the state/PM card has no total: its two tiers are not all awards
    const total = of.reduce((s, r) => s + (r.count as number), 0);
    if (card !== 'high-tiers') expect(row[1 + values.length], `${card} ${row[0]} total`).toBe(formatCount(total, lang));
    else expect(row).toHaveLength(1 + values.length);
  }
}

async function expectShares(page: Page, lang: Lang) {
  type Ind = Record<'individual' | 'direct_share' | 'leader_share' | 'women_share' | 'ethnic_minority_share', number>;
  const { answer } = await cardAnswer<{ rows: (Ind & { year: number })[] }>(page, 'shares');
  const table = await cardTable(page, 'shares');
  const shown = answer.rows.filter((r) => table.some((t) => t[0] === String(r.year)));
  expect(shown.length).toBeGreaterThan(1);
  for (const r of shown)
    expect(table.find((t) => t[0] === String(r.year))!.slice(1, 6)).toEqual([
      formatCount(r.individual, lang),
      ...(['direct_share', 'leader_share', 'women_share', 'ethnic_minority_share'] as const).map((k) =>
        formatPercent(r[k], lang),
      ),
    ]);
}

/** The ranks' table: each member's rank (score) in each year, as /movements/results answers. */
async function expectRanks(page: Page, lang: Lang) {
  type Result = { unit: string; year: number; rank: number; score: number | null };
  const { answer } = await cardAnswer<{ rows: Result[] }>(page, 'ranks');
  const meta = await api<{ units: { code: string; name: string; valid_from?: string; valid_to?: string }[] }>(
    '/api/v1/meta',
  );
  const heads = await headers(page, 'ranks');
  const table = await cardTable(page, 'ranks');
  expect(answer.rows.length).toBeGreaterThan(0);
  const score = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  for (const r of answer.rows) {
    const name = meta.units.find((u) => u.code === r.unit)!.name;
    // the name, with the date it ended or began in brackets (two units may share a name)
    const u = meta.units.find((x) => x.code === r.unit)!;
    const date = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
    const words = lang === 'vi' ? { until: 'đến', since: 'từ' } : { until: 'until', since: 'from' };
    const head = u.valid_to
      ? `${name} (${words.until} ${date(u.valid_to)})`
      : u.valid_from
        ? `${name} (${words.since} ${date(u.valid_from)})`
        : name;
    const rows = table.filter((t) => t[0] === head);
    expect(rows, `${head} in the ranks' table`).toHaveLength(1);
    const cell = rows[0][heads.indexOf(String(r.year))];
    expect(cell, `${name} ${r.year}`).toMatch(
      new RegExp(`^${r.rank}${r.score === null ? '' : ` \\(${score.format(r.score).replace('.', '\\.')}\\)`}`),
    );
  }
}

describe('the proof of issue 16: every changed card, Thái Bình 2024 and the new Hưng Yên 2025', () => {
  it('sets a target for each case and a note for every chart', async () => {
    const csv =
      'Chỉ tiêu;Năm;Đơn vị;Giá trị\n' +
      'Tổng số khen thưởng;2024;TB;24.000\nTỷ lệ lao động trực tiếp;2024;TB;76%\n' +
      'Tổng số khen thưởng;2025;HY-2025;30.000\nTỷ lệ lao động trực tiếp;2025;HY-2025;70%\n';
    const put = await demo.server.api('/api/v1/targets', {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(put.status).toBe(200);
    const note = await demo.server.api('/api/v1/annotations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2022-03-15', text_vi: PROOF_NOTE.vi, text_en: PROOF_NOTE.en }),
    });
    expect(note.status).toBe(201);
  });

  const CASES = [
    { unit: 'TB', year: 2024, slug: 'tb-2024' },
    { unit: 'HY-2025', year: 2025, slug: 'hy-2025' },
  ] as const;
  const PAGES16 = [
    ['/', ['kpis', 'half-year', 'trend', 'high-tiers', 'shares', 'top-units']],
    ['/cum-khoi', ['leaders', 'ranks']],
    ['/phong-trao', ['movement-panels', 'movements']],
    ['/dia-ban', ['area-units']],
  ] as const;

  for (const c of CASES)
    it(`${c.slug}: each card photographed, vi and en, 1280 and 390 px; the tables equal the API`, async () => {
      mkdirSync(SHOTS16, { recursive: true });
      for (const viewport of [DESKTOP, PHONE])
        for (const lang of ['vi', 'en'] as const)
          for (const [path, cards] of PAGES16) {
            const q = `unit=${c.unit}&to=${c.year}${path === '/cum-khoi' ? `&year=${c.year}` : ''}`;
            const url = `${demo.server.url}${path}?${q}${lang === 'en' ? '&lang=en' : ''}`;
            const { page, errors } = await openPage(demo, url, viewport);
            if (path === '/') {
              await expectYearSeries(page, 'trend', 'tier', lang);
              await expectYearSeries(page, 'high-tiers', 'tier', lang);
              await expectShares(page, lang);
              // the new province against its predecessors by default: its first day as the boundaries
              const { query } = await cardAnswer(page, 'trend');
              expect(query.get('as_of')).toBe(c.unit === 'HY-2025' ? '2025-07-01' : null);
              // the target on the trend's table, the note and the events listed under it
              expect((await cardTable(page, 'trend')).find((r) => r[0] === String(c.year))!.at(-1)).toMatch(
                lang === 'vi' ? /^≥ .* · (Đạt|Chưa đạt)$/ : /^≥ .* · (Met|Not met)$/,
              );
              for (const card of ['trend', 'high-tiers', 'shares'])
                expect(await page.textContent(`[data-card="${card}"] [data-notes]`)).toContain(PROOF_NOTE[lang]);
            }
            if (path === '/phong-trao') await expectYearSeries(page, 'movements', 'movement', lang);
            if (path === '/cum-khoi') await expectRanks(page, lang);
            for (const card of ['ranks', 'movements', 'movement-panels'].filter((x) =>
              (cards as readonly string[]).includes(x),
            ))
              expect(await page.textContent(`[data-card="${card}"] [data-notes]`), card).toContain(PROOF_NOTE[lang]);
            for (const card of cards) {
              const box = card === 'kpis' ? page.locator('.kpis') : page.locator(`[data-card="${card}"]`);
              await box.screenshot({ path: `${SHOTS16}/${card}-${c.slug}-${lang}-${viewport.width}.png` });
            }
            expect(errors, url).toEqual([]);
            await page.close();
          }
    }, 400_000);
});
