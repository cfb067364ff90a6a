import { beforeAll, describe, expect, it } from 'vitest';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person } from './people';
import { REORG } from './reorg-fixture';

// A scope on a unit the 2025 reorganisation abolished (district DA): the scope covers awards
// recorded inside DA's subtree (X1, X2, X3, Y and DA itself: 50 of the fixture's 100), shown on
// the units they were recorded on or, under as_of, on today's province (or, with unit=DA, on the
// new communes). It does not follow the
// lineage forward: awards recorded on the new communes N1, N2 (38) stay outside, because a new
// commune can also take in areas that were never DA's (decision recorded in docs/access.md).

let da: Person;

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(REORG);
  da = await person('viewer', { unit: 'DA' }, '-reorg');
});

async function body<T>(path: string): Promise<T> {
  const res = await as(da, path);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
}
type Summary = { rows: { count: number; unit?: string; year?: number }[]; total: number };

describe('a scope on an abolished district', () => {
  it('counts the awards recorded in its subtree, on the units they were recorded on', async () => {
    const s = await body<Summary>('/api/v1/awards/summary?group_by=year');
    expect(s.total).toBe(50);
    expect(Object.fromEntries(s.rows.map((r) => [r.year, r.count]))).toEqual({
      2019: 4,
      2021: 6,
      2023: 34,
      2024: 5,
      2025: 1,
    });
  });

  it('under as_of shows the same awards on today’s province, and nothing recorded on the new units', async () => {
    const s = await body<Summary>('/api/v1/awards/summary?group_by=unit&as_of=2025-07-01');
    expect(s.rows).toEqual([{ unit: 'PN', count: 50 }]);
    expect((await body<Summary>('/api/v1/awards/summary?group_by=year&as_of=2025-07-01')).total).toBe(50);
    // asked for by name, the district shows its area as the communes of the date
    const own = await body<Summary>('/api/v1/awards/summary?group_by=unit&unit=DA&as_of=2025-07-01');
    expect(Object.fromEntries(own.rows.map((r) => [r.unit, r.count]))).toEqual({ N1: 27.5, N2: 22.5 });
    // the successor units themselves are outside the scope: asking for them is refused, not answered with zeros
    for (const unit of ['N1', 'N2', 'PN'])
      expect((await as(da, `/api/v1/awards/summary?unit=${unit}&as_of=2025-07-01`)).status).toBe(403);
  });

  it('its catalog names its units, their ancestors, and the successors with theirs (for as_of labels)', async () => {
    const meta = await body<{ units: { code: string }[]; unit_lineage: { from_code: string; to_code: string }[] }>(
      '/api/v1/meta',
    );
    expect(meta.units.map((u) => u.code).sort()).toEqual(['DA', 'N1', 'N2', 'PA', 'PN', 'X1', 'X2', 'X3', 'Y']);
    expect(meta.unit_lineage.every((l) => ['DA', 'X1', 'X2', 'X3', 'Y'].includes(l.from_code))).toBe(true);
    expect(meta.unit_lineage.map((l) => `${l.from_code}>${l.to_code}`)).toContain('X2>N2');
  });
});
