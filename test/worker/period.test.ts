import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { award as a, dataset, load, resetDatabase, summary } from './helpers';
import { consistency, csv, rollback, snapshot, upload } from './importHelpers';
import type { AwardRecord } from '../../scripts/demo/types';

// Summary `months`: awards counted by the year and month of their decision date. Every expected
// figure is a GROUP BY over the raw awards, so the cube's decision month is checked against them.

const d = (decision_date: string) => ({ decision_date });
const AWARDS: AwardRecord[] = [
  // 2023's year-end awards: December 2023, January 2024 and June 2024 (central awards)
  a(2023, 'LDTT', 'C1', 'individual', 10, d('2023-12-20')),
  a(2023, 'BK_TINH', 'C2', 'individual', 4, d('2024-01-15')),
  a(2023, 'BK_TTG', 'D1', 'individual', 2, d('2024-06-30')),
  a(2023, 'GK_XA', 'C2', 'household', 3),
  a(2024, 'GK_HUYEN', 'C1', 'individual', 6, d('2024-03-01')),
  a(2024, 'GK_HUYEN', 'C2', 'collective', 5, d('2024-07-01')),
  a(2024, 'LDTT', 'C1', 'individual', 12, d('2024-12-28')),
  a(2024, 'BK_TINH', 'A', 'individual', 7, d('2025-01-10')),
  a(2024, 'HC_LD_3', 'A', 'collective', 1, d('2025-09-02')),
  // a decision dated before its award year is not placed in any period: counted as undated
  a(2024, 'LDTT', 'C2', 'individual', 2, d('2019-05-05')),
  a(2024, 'LDTT', 'C2', 'individual', 8),
  a(2025, 'GK_HUYEN', 'C1', 'individual', 9, d('2025-02-14')),
  a(2025, 'GK_HUYEN', 'D1', 'individual', 4, d('2025-06-01')),
  a(2025, 'BK_TINH', 'Q', 'individual', 3, d('2025-05-05')),
  a(2025, 'LDTT', 'C1', 'individual', 1),
];

const UNITS = [
  { code: 'P', name: 'Tỉnh P', kind: 'province' as const },
  { code: 'D1', name: 'Huyện D1', kind: 'district' as const, parent_code: 'P' },
  { code: 'C1', name: 'Xã C1', kind: 'commune' as const, parent_code: 'D1' },
  { code: 'C2', name: 'Xã C2', kind: 'commune' as const, parent_code: 'D1' },
  { code: 'A', name: 'Sở A', kind: 'agency' as const, parent_code: 'P' },
  { code: 'Q', name: 'Tỉnh Q', kind: 'province' as const },
];

// The rule of the API written as plain SQL over raw awards: the decision's year and month, for
// decisions in the award's year or the two after it.
const DECIDED = `CAST(substr(a.decision_date, 1, 4) AS INTEGER)`;
const PLACED = `a.decision_date IS NOT NULL AND ${DECIDED} - a.year BETWEEN 0 AND 2`;
const COUNTED = `a.batch_id IN (SELECT id FROM import_batches WHERE status = 'committed')`;
const IN_UNIT =
  'a.unit_id IN (SELECT c.unit_id FROM unit_closure c JOIN units u ON u.id = c.ancestor_id WHERE u.code = ?)';

async function rawByYear(first: number, last: number, unit?: string) {
  const { results } = await env.DB.prepare(
    `SELECT ${DECIDED} AS year, SUM(a.quantity) AS count FROM awards a
     WHERE ${COUNTED} AND ${PLACED} AND CAST(substr(a.decision_date, 6, 2) AS INTEGER) BETWEEN ? AND ?
       ${unit ? `AND ${IN_UNIT}` : ''}
     GROUP BY 1 ORDER BY 1`,
  )
    .bind(first, last, ...(unit ? [unit] : []))
    .all<{ year: number; count: number }>();
  return results;
}

async function rawUndated(unit?: string) {
  const { results } = await env.DB.prepare(
    `SELECT a.year AS year, SUM(a.quantity) AS count FROM awards a WHERE ${COUNTED} AND NOT (${PLACED})
       ${unit ? `AND ${IN_UNIT}` : ''} GROUP BY 1 ORDER BY 1`,
  )
    .bind(...(unit ? [unit] : []))
    .all<{ year: number; count: number }>();
  return results;
}

beforeAll(async () => {
  await resetDatabase();
  await load(dataset(AWARDS, { units: UNITS }));
});

describe('GET /api/v1/awards/summary?months=…', () => {
  it.each([
    ['1-6', 1, 6],
    ['7-12', 7, 12],
    ['1-9', 1, 9],
    ['6', 6, 6],
  ])('months=%s counts by decision year as a GROUP BY over the raw awards does', async (months, first, last) => {
    const { status, body } = await summary(`group_by=year&months=${months}`);
    expect(status).toBe(200);
    const raw = await rawByYear(first, last);
    expect(raw.length).toBeGreaterThan(0);
    expect(body.rows).toEqual(raw);
    expect(body.undated).toEqual(await rawUndated());
  });

  it('knows the hand-counted first halves: January and June decisions of the year before are in', async () => {
    const { body } = await summary('group_by=year&months=1-6');
    expect(body.rows).toEqual([
      { year: 2024, count: 4 + 2 + 6 },
      { year: 2025, count: 7 + 9 + 4 + 3 },
    ]);
    expect(body.undated).toEqual([
      { year: 2023, count: 3 },
      { year: 2024, count: 10 },
      { year: 2025, count: 1 },
    ]);
  });

  it('takes from and to as decision years, and counts undated awards of those award years', async () => {
    const { body } = await summary('group_by=year&months=1-12&from=2025&to=2025');
    expect(body.rows).toEqual([{ year: 2025, count: 7 + 1 + 9 + 4 + 3 }]);
    expect(body.undated).toEqual([{ year: 2025, count: 1 }]);
  });

  it('says how far the decisions reach (latest_decision), whatever months are asked, within the units', async () => {
    expect((await summary('months=1-6&from=2025&to=2025')).body.latest_decision).toBe('2025-09');
    expect((await summary('months=1-6&from=2025&to=2025&unit=D1')).body.latest_decision).toBe('2025-06');
    expect((await summary('months=1-6&from=2024&to=2024&unit=C2')).body.latest_decision).toBe('2024-07');
    expect((await summary('months=1-6&from=2030&to=2030')).body).toMatchObject({ rows: [{ count: 0 }], total: 0 });
    expect((await summary('months=1-6&from=2030&to=2030')).body.latest_decision).toBeNull();
  });

  it('keeps unit subtrees and tiers apart like the yearly summary', async () => {
    const { body } = await summary('group_by=year&months=1-6&unit=D1');
    expect(body.rows).toEqual(await rawByYear(1, 6, 'D1'));
    expect(body.undated).toEqual(await rawUndated('D1'));
    const byTier = await summary('group_by=year,tier&months=1-6&unit=P&from=2025&to=2025');
    expect(byTier.body.rows).toEqual([
      { year: 2025, tier: 'grassroots', count: 13 },
      { year: 2025, tier: 'ministry_province', count: 7 },
    ]);
    const children = await summary('group_by=unit&months=1-6&unit=D1&from=2024&to=2024');
    expect(children.body.rows).toEqual([
      { unit: 'C1', count: 6 },
      { unit: 'C2', count: 4 },
      { unit: 'D1', count: 2 },
    ]);
  });

  it('answers without undated when months is not asked (the yearly summary is unchanged)', async () => {
    const { body } = await summary('group_by=year');
    expect(body).not.toHaveProperty('undated');
    expect(body.total).toBe(AWARDS.reduce((s, r) => s + (r.quantity ?? 1), 0));
  });

  it.each([
    ['months=0-6', 'months are 1 to 12'],
    ['months=1-13', 'months are 1 to 12'],
    ['months=7-3', 'the first month must not be after the last'],
    ['months=h1', 'expected a month or a range of months'],
    ['months=1-6&group_by=gender', 'cannot be combined with gender'],
    ['months=1-6&award=LDTT', 'cannot be combined with award'],
  ])('refuses %s with a clear error naming months', async (query, message) => {
    const { status, body } = await summary(query);
    expect(status).toBe(400);
    expect(body.parameter).toBe('months');
    expect(body.error).toContain(message);
    expect(body.error_vi).toMatch(/^months: /);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });
});

describe('the decision month in the cube', () => {
  it("migration 0012's fill of cuboid 10 gives what a full rebuild gives", async () => {
    const cuboid10 = () =>
      env.DB.prepare(
        `SELECT unit_id, year, decision_month, tier, category, recipient_kind, n FROM award_cube WHERE cuboid = 10
         ORDER BY 1, 2, 3, 4, 5, 6`,
      ).all();
    const rebuilt = (await cuboid10()).results;
    expect(rebuilt.length).toBeGreaterThan(0);
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0012_'));
    const fill = migration!.queries.filter((q) => q.includes('INSERT INTO award_cube'));
    expect(fill).toHaveLength(1);
    await env.DB.prepare('DELETE FROM award_cube WHERE cuboid = 10').run();
    await env.DB.prepare(fill[0]).run();
    expect((await cuboid10()).results).toEqual(rebuilt);
  });

  it('imports committed at once keep cuboid 10 equal to the raw awards, and rollback undoes them', async () => {
    const before = await snapshot();
    const file = (day: string, n: number) =>
      csv([
        'year,award_code,unit_code,recipient_kind,quantity,decision_date',
        `2025,GK_HUYEN,C1,individual,${n},${day}`,
        `2025,GK_HUYEN,C2,individual,${n + 1},`,
        `2024,BK_TINH,A,individual,${n + 2},15/01/2025`,
      ]);
    const answers = await Promise.all([
      upload('awards', file('2025-03-03', 5)),
      upload('awards', file('20/08/2025', 6)),
    ]);
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(await consistency()).toMatchObject({ ok: true });
    const { body } = await summary('group_by=year&months=1-6');
    expect(body.rows).toEqual(await rawByYear(1, 6));
    expect(body.undated).toEqual(await rawUndated());
    await Promise.all(answers.map((r) => rollback(r.body.batch!.id!)));
    expect(await consistency()).toMatchObject({ ok: true });
    const after = await snapshot();
    expect(after.summary).toEqual(before.summary);
    expect((await summary('group_by=year&months=1-6')).body.rows).toEqual(await rawByYear(1, 6));
  });
});
