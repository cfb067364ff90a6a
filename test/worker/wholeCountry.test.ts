import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../worker/plan/plan';
import { ROOT_UNIT_ID } from '../../worker/queries/cube/root';
import { loadGeography } from '../../worker/queries/geography';
import { api } from './auth';
import { load, resetDatabase, summary } from './helpers';
import { upload } from './importHelpers';
import { REORG } from './reorg-fixture';

// The whole database is one subtree of the cube (a virtual root, unit id 0): a read that names
// no unit costs one key per output row, whatever the number of top-level units.

beforeAll(async () => {
  await resetDatabase();
  await load(REORG);
});

const geography = () => loadGeography(env.DB, { rowsRead: 0 });
const rawTotal = async () => (await env.DB.prepare('SELECT SUM(quantity) AS n FROM awards').first<{ n: number }>())!.n;

describe('the whole database as one subtree', () => {
  it('puts every unit under the virtual root in the closure, and the root in no units row', async () => {
    const { units, rooted } = (await env.DB.prepare(
      `SELECT (SELECT COUNT(*) FROM units) AS units,
              (SELECT COUNT(*) FROM unit_closure WHERE ancestor_id = ${ROOT_UNIT_ID}) AS rooted`,
    ).first<{ units: number; rooted: number }>())!;
    expect(units).toBe(10);
    expect(rooted).toBe(units);
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM units WHERE id = ${ROOT_UNIT_ID}`).first<{
      n: number;
    }>();
    expect(row!.n).toBe(0);
  });

  it('plans a read of no unit as one key of the root, as recorded and under as_of', async () => {
    const geo = await geography();
    const recorded = buildPlan(geo, { byUnit: false, byCluster: false, from: 0, to: 9999 });
    expect(recorded).toEqual([
      { unitId: ROOT_UNIT_ID, weight: 1, unit: '*', cluster: null, yearFrom: 0, yearTo: 9999 },
    ]);
    const today = buildPlan(geo, { byUnit: false, byCluster: false, asOf: '2025-07-01', from: 0, to: 9999 });
    expect(today.map((e) => e.unitId)).toEqual([ROOT_UNIT_ID]);
    // by unit, the top-level units are the output: read each of them, not the root
    const byUnit = buildPlan(geo, { byUnit: true, byCluster: false, from: 0, to: 9999 });
    expect(byUnit.some((e) => e.unitId === ROOT_UNIT_ID)).toBe(false);
  });

  it('answers the whole country with one cube row per output row, equal to the raw awards', async () => {
    // 30 more top-level units with awards in 2022 and 2023: per province that would be 60 keys
    const provinces = Array.from({ length: 30 }, (_, i) => `Q${i + 1}`);
    const units = `code,name,kind,parent_code\n${provinces.map((q) => `${q},Tỉnh ${q},province,`).join('\n')}\n`;
    expect((await upload('units', units)).status).toBe(201);
    const rows = provinces.flatMap((q) => [`2022,LDTT,${q},individual,1`, `2023,LDTT,${q},individual,2`]);
    const awards = `year,award_code,unit_code,recipient_kind,quantity\n${rows.join('\n')}\n`;
    expect((await upload('awards', awards, 'text/csv', '?filename=q.csv')).status).toBe(201);
    const total = await rawTotal();
    await summary(''); // the unit tree, once per isolate and data version
    const years = 'group_by=year&from=2022&to=2023';
    const whole = await summary(years);
    expect(whole.status).toBe(200);
    expect(whole.body.rows).toEqual([
      { year: 2022, count: 30 },
      { year: 2023, count: 60 + 20 + 5 + 2 + 7 },
    ]);
    // the same two keys and overhead as one province's two years
    const one = await summary(`${years}&unit=Q1`);
    expect(one.body.rows).toEqual([
      { year: 2022, count: 1 },
      { year: 2023, count: 2 },
    ]);
    expect(whole.rowsRead).toBeLessThanOrEqual(one.rowsRead);
    const today = await summary(`${years}&as_of=2025-07-01`);
    expect(today.body.total).toBe(whole.body.total);
    expect(today.rowsRead).toBeLessThanOrEqual(one.rowsRead);
    const all = await summary('group_by=year');
    expect(all.body.total).toBe(total);
    const byUnit = await summary('group_by=unit');
    expect(byUnit.body.total).toBe(total);
    expect(byUnit.body.rows).toHaveLength(33);
  });

  it('keeps new units under the root when units are imported while the whole country is read', async () => {
    const before = await rawTotal();
    const csv = 'code,name,kind,parent_code\nPZ,Tỉnh Z,province,\nPZ-1,Xã Z1,commune,PZ\n';
    const [imported, ...reads] = await Promise.all([
      upload('units', csv),
      ...Array.from({ length: 6 }, () => summary('group_by=year')),
    ]);
    expect(imported.status).toBe(201);
    for (const r of reads) expect(r.body.total).toBe(before);
    const awards = 'year,award_code,unit_code,recipient_kind,quantity\n2024,LDTT,PZ-1,individual,5\n';
    const [added, ...during] = await Promise.all([
      upload('awards', awards, 'text/csv', '?filename=z.csv'),
      ...Array.from({ length: 6 }, () => summary('group_by=year')),
    ]);
    expect(added.status).toBe(201);
    // a reader sees the batch wholly or not at all
    for (const r of during) expect([before, before + 5]).toContain(r.body.total);
    const after = await summary('group_by=year');
    expect(after.body.total).toBe(before + 5);
    const rooted = await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM unit_closure WHERE ancestor_id = ${ROOT_UNIT_ID} AND unit_id IN
         (SELECT id FROM units WHERE code IN ('PZ', 'PZ-1'))`,
    ).first<{ n: number }>();
    expect(rooted!.n).toBe(2);
    const check = (await (await api('http://local/api/v1/imports/consistency')).json()) as { ok: boolean };
    expect(check.ok).toBe(true);
  });
});
