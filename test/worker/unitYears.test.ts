import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSummaryParams } from '../../worker/plan/resolveSummaryParams';
import { ALL } from '../../worker/plan/scope';
import { awardsSummary } from '../../worker/queries/awardsSummary';
import { loadGeography } from '../../worker/queries/geography';
import { summaryQuery } from '../../worker/validation/summaryQuery';
import { api } from './auth';
import { bumpDataVersion, load, resetDatabase } from './helpers';
import { consistency, rollback, upload } from './importHelpers';
import { REORG } from './reorg-fixture';

// Cuboid 0 packed by unit (cube_unit_years): one row per unit with its years in JSON, kept by
// triggers on award_cube and award_cube_today. Every answer that may read it must equal the same
// read key by key, on the recorded units and on today's (as_of), after the demo loader, imports,
// a rollback, a change of the geography and the migration's fill.

const QUERIES = [
  '',
  'group_by=year',
  'group_by=unit',
  'group_by=unit,year',
  'group_by=unit&from=2016&to=2025',
  'group_by=unit,year&unit=PA&from=2012&to=2024',
  'group_by=unit&unit=DA&from=2020&to=2023',
  'group_by=unit&unit=PN&as_of=2025-07-01',
  'group_by=unit,year&unit=PN&from=2012&to=2024&as_of=2025-07-01',
  'group_by=unit&as_of=2026-01-01',
  'group_by=unit&unit=PA&from=2008&to=2024&as_of=2020-06-01',
  'group_by=year&unit=DA&from=2000&to=2030',
];

async function answer(query: string, o: { packed?: boolean; today?: boolean }) {
  const geo = await loadGeography(env.DB, { rowsRead: 0 });
  const params = resolveSummaryParams(geo, summaryQuery.parse(Object.fromEntries(new URLSearchParams(query))), ALL);
  const cost = { rowsRead: 0 };
  const res = await awardsSummary(env.DB, cost, geo, { ...params, ...o });
  return { ...res, rowsRead: cost.rowsRead };
}

/** Each query the same packed and key by key, through award_cube_today and through the plan. */
async function expectSameEverywhere() {
  for (const q of QUERIES)
    for (const today of [true, false]) {
      const packed = await answer(q, { today });
      const keys = await answer(q, { today, packed: false });
      expect(packed.rows, `${q} today=${today}`).toEqual(keys.rows);
      expect(packed.total).toBe(keys.total);
    }
}

const awardsCsv = (rows: string[]) => `year,award_code,unit_code,recipient_kind,quantity\n${rows.join('\n')}\n`;
const packedRows = async (source: number) =>
  (
    await env.DB.prepare('SELECT COUNT(*) AS n FROM cube_unit_years WHERE source = ?')
      .bind(source)
      .first<{ n: number }>()
  )?.n ?? 0;

beforeAll(async () => {
  await resetDatabase();
  await load(REORG);
});

describe('cuboid 0 packed by unit', () => {
  it('is written with the cube and award_cube_today, and checked by the consistency check', async () => {
    expect(await packedRows(0)).toBeGreaterThan(0);
    const check = await consistency();
    expect(check).toMatchObject({
      ok: true,
      unit_years: [
        { source: 'cube', mismatched_years: 0 },
        { source: 'today', mismatched_years: 0 },
      ],
    });
    await expectSameEverywhere();
    // award_cube_today is filled on the first as_of read after the load
    expect(await packedRows(1)).toBeGreaterThan(0);
  });

  it('reads fewer rows by unit over many years, and the API answers the same', async () => {
    const dense: string[] = [];
    for (let year = 2012; year <= 2024; year++)
      for (const unit of ['X1', 'X2']) dense.push(`${year},LDTT,${unit},individual,${(year % 5) + 1}`);
    const imported = await upload('awards', awardsCsv(dense));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    for (const q of ['group_by=unit,year&unit=DA&from=2012&to=2024', 'group_by=unit&unit=DA&from=2012&to=2024']) {
      const packed = await answer(q, {});
      const keys = await answer(q, { packed: false });
      expect(packed.rows, q).toEqual(keys.rows);
      expect(packed.rowsRead, q).toBeLessThan(keys.rowsRead);
      const res = await api(`http://local/api/v1/awards/summary?${q}`);
      expect(((await res.json()) as { rows: unknown }).rows).toEqual(keys.rows);
    }
  });

  it('follows imports over many years, their rollback and a new geography', async () => {
    const rows: string[] = [];
    const unitOf = (year: number) => (year < 2020 ? 'X3' : year < 2025 ? 'Y' : 'N1');
    for (let year = 1945; year <= 2026; year += 3)
      rows.push(`${year},LDTT,${unitOf(year)},individual,${(year % 7) + 1}`);
    rows.push('2024,TTLDTT,DA,collective,2', '2025,LDTT,N2,individual,3', '2026,LDTT,PN,individual,1');
    const first = await upload('awards', awardsCsv(rows));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await upload('awards', awardsCsv(['2016,LDTT,X1,individual,5', '2023,LDTT,X2,individual,4']));
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    await expectSameEverywhere();
    expect(await consistency()).toMatchObject({ ok: true });
    expect((await rollback(first.body.batch!.id!)).status).toBe(200);
    await expectSameEverywhere();
    expect(await consistency()).toMatchObject({ ok: true });
    // a new unit under PA: award_cube_today is rebuilt from scratch, and its packed rows with it
    const units = await upload('units', 'code,name,kind,parent_code\nX9,Xã Mới,commune,PA\n');
    expect(units.status, JSON.stringify(units.body)).toBe(201);
    await expectSameEverywhere();
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('finds a wrong packed year in the consistency check', async () => {
    const unit = await env.DB.prepare('SELECT unit_id, years FROM cube_unit_years WHERE source = 0 LIMIT 1').first<{
      unit_id: number;
      years: string;
    }>();
    const year = Object.keys(JSON.parse(unit!.years))[0];
    await env.DB.prepare(
      `UPDATE cube_unit_years SET years = json_set(years, '$."' || ? || '"', json_extract(years, '$."' || ? || '"') + 1)
       WHERE source = 0 AND unit_id = ?`,
    )
      .bind(year, year, unit!.unit_id)
      .run();
    const bad = (await (await api('http://local/api/v1/imports/consistency')).json()) as {
      ok: boolean;
      unit_years: { source: string; mismatched_years: number }[];
    };
    expect(bad.ok).toBe(false);
    expect(bad.unit_years).toEqual([
      { source: 'cube', mismatched_years: 1 },
      { source: 'today', mismatched_years: 0 },
    ]);
    await env.DB.prepare('UPDATE cube_unit_years SET years = ? WHERE source = 0 AND unit_id = ?')
      .bind(unit!.years, unit!.unit_id)
      .run();
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('is filled for existing cubes by its migration', async () => {
    await env.DB.prepare('DELETE FROM cube_unit_years').run();
    await bumpDataVersion();
    expect(await consistency()).toMatchObject({ ok: false });
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0024_'))!;
    // the two INSERT ... SELECT at its end (each query begins with drizzle's breakpoint comment)
    const fills = migration.queries.filter((q) =>
      /INSERT INTO cube_unit_years \(source, unit_id, years\)\s+SELECT/.test(q),
    );
    expect(fills).toHaveLength(2);
    await env.DB.batch(fills.map((q) => env.DB.prepare(q)));
    await bumpDataVersion();
    expect(await consistency()).toMatchObject({ ok: true });
    await expectSameEverywhere();
  });
});
