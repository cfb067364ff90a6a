import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSummaryParams } from '../../worker/plan/resolveSummaryParams';
import { ALL } from '../../worker/plan/scope';
import { awardsSummary } from '../../worker/queries/awardsSummary';
import { blockCode, YEAR_BLOCKS, yearBlocks } from '../../worker/queries/cube/dimensions';
import { canUseBlocks } from '../../worker/queries/cube/years';
import { loadGeography } from '../../worker/queries/geography';
import { summaryQuery } from '../../worker/validation/summaryQuery';
import { api } from './auth';
import { bumpDataVersion, load, resetDatabase } from './helpers';
import { consistency, rollback, upload } from './importHelpers';
import { REORG } from './reorg-fixture';

// Cuboid 0 summed over aligned blocks of 2, 4, 8 and 16 years (YEAR_BLOCKS): a read by unit over
// a span of years takes a few blocks per unit instead of every year. Every answer that may use
// them must equal the same read year by year, on the recorded units and on today's (as_of), after
// the demo loader, imports, a rollback and the migration that fills the blocks.

const decode = (code: number) => {
  const level = Math.floor(code / 10_000);
  const start = code % 10_000;
  return Array.from({ length: 1 << level }, (_, i) => start + i);
};

describe('yearBlocks', () => {
  it('tiles every span of years exactly once, with at most a few tiles', () => {
    for (let from = 1940; from <= 2040; from++)
      for (let to = from; to <= 2040; to++) {
        const { years, blocks } = yearBlocks(from, to);
        const covered = [...years, ...blocks.flatMap(decode)].sort((a, b) => a - b);
        const want = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((y) => y >= 1945);
        expect(covered, `${from}-${to}`).toEqual(want);
        // beyond 32 years, one 16-year block per further 16 years
        expect(years.length + blocks.length, `${from}-${to}`).toBeLessThanOrEqual(8 + Math.ceil((to - from) / 16));
      }
  });

  it('gives 2012-2024 as 2012-2015, 2016-2023 and 2024', () => {
    expect(yearBlocks(2012, 2024)).toEqual({ years: [2024], blocks: [blockCode(2, 2012), blockCode(3, 2016)] });
    expect(yearBlocks(2024, 2024)).toEqual({ years: [2024], blocks: [] });
  });

  it('are read only for a bounded span of cuboid 0 with at most a third as many tiles as years', () => {
    const span = (yearFrom: number, yearTo: number) => [{ yearFrom, yearTo }];
    expect(canUseBlocks(0, true, span(2012, 2024))).toBe(true);
    expect(canUseBlocks(0, true, span(2016, 2025))).toBe(true);
    // 2020-2023 and 2024: two probes a unit for five years cost more than the range scan
    expect(canUseBlocks(0, true, span(2020, 2024))).toBe(false);
    // no bounds (0-9999): every empty block of 1945-2100 would be probed for every unit
    expect(canUseBlocks(0, true, span(0, 9999))).toBe(false);
    expect(canUseBlocks(0, true, span(2012, 2012))).toBe(false);
    expect(canUseBlocks(0, true, [...span(2012, 2024), ...span(2012, 2020)])).toBe(false);
    expect(canUseBlocks(5, true, span(2012, 2024))).toBe(false);
    expect(canUseBlocks(0, false, span(2012, 2024))).toBe(false);
  });
});

const QUERIES = [
  'group_by=unit',
  'group_by=unit&from=2016&to=2025',
  'group_by=unit&unit=PA&from=2012&to=2024',
  'group_by=unit&unit=DA&from=2020&to=2023',
  'group_by=unit&unit=PN&as_of=2025-07-01',
  'group_by=unit&unit=PN&from=2012&to=2024&as_of=2025-07-01',
  'group_by=unit&from=1945&to=2100&as_of=2026-01-01',
  'group_by=unit&unit=PA&from=2008&to=2024&as_of=2020-06-01',
  'unit=DA&from=2000&to=2030',
  'from=2010&to=2025',
];

async function answer(query: string, o: { yearBlocks?: boolean; today?: boolean }) {
  const geo = await loadGeography(env.DB, { rowsRead: 0 });
  const params = resolveSummaryParams(geo, summaryQuery.parse(Object.fromEntries(new URLSearchParams(query))), ALL);
  const cost = { rowsRead: 0 };
  const res = await awardsSummary(env.DB, cost, geo, { ...params, ...o });
  return { ...res, rowsRead: cost.rowsRead };
}

/** Each query the same with and without blocks, through award_cube_today and through the plan. */
async function expectSameEverywhere() {
  for (const q of QUERIES)
    for (const today of [true, false]) {
      const blocks = await answer(q, { today });
      const years = await answer(q, { today, yearBlocks: false });
      expect(blocks.rows, `${q} today=${today}`).toEqual(years.rows);
      expect(blocks.total).toBe(years.total);
    }
}

const awardsCsv = (rows: string[]) => `year,award_code,unit_code,recipient_kind,quantity\n${rows.join('\n')}\n`;

beforeAll(async () => {
  await resetDatabase();
  await load(REORG);
});

describe('cuboid 0 by year blocks', () => {
  it('is written by the demo loader and checked by the consistency check', async () => {
    const blocks = await env.DB.prepare(`SELECT COUNT(*) AS n, MIN(year) AS lo FROM award_cube WHERE cuboid = ?`)
      .bind(YEAR_BLOCKS.id)
      .first<{ n: number; lo: number }>();
    expect(blocks!.n).toBeGreaterThan(0);
    expect(blocks!.lo).toBeGreaterThanOrEqual(10_000);
    expect(await consistency()).toMatchObject({ ok: true });
    await expectSameEverywhere();
  });

  it('reads fewer rows for a span of years, and the same answer through the API', async () => {
    // every year 2012-2024 at DA's communes: 3 tiles per unit instead of 13 years
    const dense: string[] = [];
    for (let year = 2012; year <= 2024; year++)
      for (const unit of ['X1', 'X2']) dense.push(`${year},LDTT,${unit},individual,${(year % 5) + 1}`);
    const imported = await upload('awards', awardsCsv(dense));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const blocks = await answer('group_by=unit&unit=DA&from=2012&to=2024', {});
    const years = await answer('group_by=unit&unit=DA&from=2012&to=2024', { yearBlocks: false });
    expect(blocks.rows).toEqual(years.rows);
    expect(blocks.rowsRead).toBeLessThan(years.rowsRead);
    const res = await api('http://local/api/v1/awards/summary?group_by=unit&unit=DA&from=2012&to=2024');
    expect(((await res.json()) as { rows: unknown }).rows).toEqual(years.rows);
  });

  it('follows imports over many years and their rollback', async () => {
    const rows: string[] = [];
    const unitOf = (year: number) => (year < 2020 ? 'X3' : year < 2025 ? 'Y' : 'N1');
    for (let year = 1945; year <= 2026; year += 3)
      rows.push(`${year},LDTT,${unitOf(year)},individual,${(year % 7) + 1}`);
    rows.push('2024,TTLDTT,DA,collective,2', '2025,LDTT,N2,individual,3', '2026,LDTT,PN,individual,1');
    const first = await upload('awards', awardsCsv(rows));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await upload('awards', awardsCsv(['2016,LDTT,X1,individual,5', '2023,LDTT,X2,individual,4']));
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(await consistency()).toMatchObject({ ok: true });
    await expectSameEverywhere();
    expect((await rollback(first.body.batch!.id!)).status).toBe(200);
    expect(await consistency()).toMatchObject({ ok: true });
    await expectSameEverywhere();
  });

  it('finds a wrong block key in the consistency check', async () => {
    const bump = (d: number) =>
      env.DB.prepare(
        `UPDATE award_cube SET n = n + ? WHERE rowid = (SELECT MIN(rowid) FROM award_cube WHERE cuboid = ?)`,
      )
        .bind(d, YEAR_BLOCKS.id)
        .run();
    await bump(1);
    const bad = (await (await api('http://local/api/v1/imports/consistency')).json()) as {
      ok: boolean;
      cuboids: { id: number; mismatched_keys: number }[];
    };
    expect(bad.ok).toBe(false);
    expect(bad.cuboids.find((c) => c.id === YEAR_BLOCKS.id)?.mismatched_keys).toBe(1);
    await bump(-1);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('is filled for an existing cube by its migration', async () => {
    await env.DB.prepare('DELETE FROM award_cube WHERE cuboid = ?').bind(YEAR_BLOCKS.id).run();
    await bumpDataVersion();
    expect(await consistency()).toMatchObject({ ok: false });
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0024_'))!;
    await env.DB.batch(migration.queries.map((q) => env.DB.prepare(q)));
    await bumpDataVersion();
    expect(await consistency()).toMatchObject({ ok: true });
    await expectSameEverywhere();
  });
});
