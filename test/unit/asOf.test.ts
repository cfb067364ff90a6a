import { describe, expect, it } from 'vitest';
import type { Geography, GeoUnit } from '../../worker/queries/geography';
import { existsOn, landingUnitOn, mapUnitOn } from '../../worker/plan/asOf';

// A province P with a district D (abolished on 30/06/2025) of two communes A and B, merged on
// 01/07/2025 into the new communes N1 (all of A, 40 % of B) and N2 (60 % of B), both under P.
function geography(): Geography {
  const list: Omit<GeoUnit, 'children'>[] = [
    { id: 1, code: 'P', name: 'P', parentId: null, validFrom: null, validTo: null },
    { id: 2, code: 'D', name: 'D', parentId: 1, validFrom: null, validTo: '2025-06-30' },
    { id: 3, code: 'A', name: 'A', parentId: 2, validFrom: null, validTo: '2025-06-30' },
    { id: 4, code: 'B', name: 'B', parentId: 2, validFrom: null, validTo: '2025-06-30' },
    { id: 5, code: 'N1', name: 'N1', parentId: 1, validFrom: '2025-07-01', validTo: null },
    { id: 6, code: 'N2', name: 'N2', parentId: 1, validFrom: '2025-07-01', validTo: null },
  ];
  const units = new Map(
    list.map((u) => [u.id, { ...u, children: list.filter((c) => c.parentId === u.id).map((c) => c.id) }]),
  );
  const edges = [
    { from: 3, to: 5, share: 1 },
    { from: 4, to: 5, share: 0.4 },
    { from: 4, to: 6, share: 0.6 },
  ];
  const group = (key: 'from' | 'to', other: 'from' | 'to') => {
    const m = new Map<number, { unitId: number; share: number }[]>();
    for (const e of edges) m.set(e[key], [...(m.get(e[key]) ?? []), { unitId: e[other], share: e.share }]);
    return m;
  };
  return {
    key: 'test',
    units,
    unitByCode: new Map([...units.values()].map((u) => [u.code, u])),
    roots: [1],
    successors: group('from', 'to'),
    predecessors: group('to', 'from'),
    clusterByCode: new Map(),
    clusterCode: new Map(),
    members: [],
    movementByCode: new Map(),
    movementCode: new Map(),
    names: { unit: new Map(), cluster: new Map(), movement: new Map(), award: new Map() },
    awardCodes: new Set(),
  };
}

const round = (m: Map<number, number>) => Object.fromEntries([...m].map(([k, v]) => [k, Math.round(v * 1e6) / 1e6]));

describe('as_of mapping along the lineage', () => {
  const geo = geography();

  it('knows which units existed on a date (valid_to is the last day)', () => {
    expect(existsOn(geo.units.get(2)!, '2025-06-30')).toBe(true);
    expect(existsOn(geo.units.get(2)!, '2025-07-01')).toBe(false);
    expect(existsOn(geo.units.get(5)!, '2025-06-30')).toBe(false);
  });

  it('sends an ended unit forward by share and a later one back in proportion to what it received', () => {
    expect(round(mapUnitOn(geo, 4, '2026-01-01'))).toEqual({ 5: 0.4, 6: 0.6 });
    expect(round(mapUnitOn(geo, 3, '2026-01-01'))).toEqual({ 5: 1 });
    // N1 received 1 from A and 0.4 from B: back in 2024 it is 1/1.4 of A and 0.4/1.4 of B
    expect(round(mapUnitOn(geo, 5, '2024-01-01'))).toEqual({ 3: 0.714286, 4: 0.285714 });
    // a unit that existed on the date stays where it is
    expect(round(mapUnitOn(geo, 1, '2024-01-01'))).toEqual({ 1: 1 });
  });

  it('shows an abolished district through the lowest unit of the date that holds all of its area', () => {
    expect(landingUnitOn(geo, 2, '2026-01-01')?.code).toBe('P');
    expect(landingUnitOn(geo, 3, '2026-01-01')?.code).toBe('N1');
  });
});
