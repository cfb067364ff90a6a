import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGeography } from '../../worker/queries/geography';
import { buildPlan } from '../../worker/plan/plan';
import { load, resetDatabase } from './helpers';
import { REORG } from './reorg-fixture';

beforeAll(async () => {
  await resetDatabase();
  await load(REORG);
});

const geography = () => loadGeography(env.DB, { rowsRead: 0 });
const codes = (geo: Awaited<ReturnType<typeof geography>>, ids: number[]) =>
  ids.map((id) => geo.units.get(id)!.code).sort();

describe('the read plan', () => {
  it('reads whole subtrees when every unit in them lands on the same label', async () => {
    const geo = await geography();
    const plan = buildPlan(geo, { byUnit: true, byCluster: false, from: 0, to: 9999 });
    // top-level units only: one key lookup each
    expect(
      codes(
        geo,
        plan.map((e) => e.unitId),
      ),
    ).toEqual(['PA', 'PB', 'PN']);
    expect(plan.every((e) => e.weight === 1)).toBe(true);
  });

  it('reads a merged province as one subtree and goes down only where a split needs it', async () => {
    const geo = await geography();
    const plan = buildPlan(geo, {
      unit: geo.unitByCode.get('PN'),
      byUnit: true,
      byCluster: false,
      asOf: '2025-07-01',
      from: 0,
      to: 9999,
    });
    const read = new Set(
      codes(
        geo,
        plan.map((e) => e.unitId),
      ),
    );
    // PB maps wholly onto PN: its subtree is one read; PA's district is split, so its communes are read
    expect(read.has('PB')).toBe(true);
    expect([...read].sort()).toEqual(['DA', 'N1', 'N2', 'PA', 'PB', 'PN', 'X1', 'X2', 'X3', 'Y']);
  });

  it('applies a unit scope to every label, whatever the request asks', async () => {
    const geo = await geography();
    const pb = geo.unitByCode.get('PB')!.id;
    const plan = buildPlan(geo, { byUnit: true, byCluster: false, from: 0, to: 9999, recordedInUnitIds: [pb] });
    expect(plan).toEqual([{ unitId: pb, weight: 1, unit: 'PB', cluster: null, yearFrom: 0, yearTo: 9999 }]);
    const cluster = buildPlan(geo, { byUnit: false, byCluster: true, from: 0, to: 9999, recordedInUnitIds: [pb] });
    expect(
      codes(
        geo,
        cluster.map((e) => e.unitId),
      ),
    ).toEqual(['PB']);
  });
});
