import { sql, type SQL } from 'drizzle-orm';
import { all, type ReadCost } from '../db/run';
import { cubeColumn, DIMENSIONS, pickCuboid, type CubeDimension, type Dimension } from './cube/dimensions';

export const SUMMARY_DIMENSIONS = ['year', 'unit', 'award', 'tier', 'category', 'kind', 'gender', 'class', 'method', 'movement'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

export interface SummaryParams {
  groupBy: SummaryDimension[];
  from?: number;
  to?: number;
  /** Resolved unit (its subtree), already checked to exist. */
  unit?: { id: number; code: string };
  /** Filter values as the cube stores them (movement codes already resolved to ids). */
  filters: Partial<Record<CubeDimension, (string | number)[]>>;
}

export type SummaryRow = Record<string, string | number | null> & { count: number };

export interface SummaryResult {
  rows: SummaryRow[];
  total: number;
}

interface CubeRow {
  unit_id: number;
  count: number;
  [dim: string]: string | number;
}

const isCubeDimension = (d: SummaryDimension): d is Extract<SummaryDimension, CubeDimension> => d in DIMENSIONS;

// Which subtree roots the counts are read under; see the `unit` rules of the contract.
function scopeUnits(p: SummaryParams, byUnit: boolean): SQL {
  if (p.unit && byUnit) return sql`SELECT id FROM units WHERE parent_id = ${p.unit.id} UNION ALL SELECT ${p.unit.id}`;
  if (p.unit) return sql`SELECT ${p.unit.id}`;
  return sql`SELECT id FROM units WHERE parent_id IS NULL`;
}

/** Award counts grouped and filtered as the contract's GET /api/v1/awards/summary defines. */
export async function awardsSummary(d1: D1Database, cost: ReadCost, p: SummaryParams): Promise<SummaryResult> {
  const byUnit = p.groupBy.includes('unit');
  const cubeDims = p.groupBy.filter(isCubeDimension);
  const filterDims = Object.keys(p.filters) as CubeDimension[];
  const cuboid = pickCuboid([...cubeDims, ...filterDims]);

  const where: SQL[] = [sql`k.cuboid = ${cuboid.id}`, sql`k.unit_id IN (${scopeUnits(p, byUnit)})`];
  if (p.from !== undefined) where.push(sql`k.year >= ${p.from}`);
  if (p.to !== undefined) where.push(sql`k.year <= ${p.to}`);
  for (const dim of filterDims) {
    // One JSON parameter per list keeps any list inside D1's 100-bound-parameter limit.
    where.push(sql`k.${cubeColumn(dim)} IN (SELECT value FROM json_each(${JSON.stringify(p.filters[dim])}))`);
  }

  const groupCols: SQL[] = [];
  if (byUnit) groupCols.push(sql`k.unit_id`);
  if (p.groupBy.includes('year')) groupCols.push(sql`k.year`);
  for (const dim of cubeDims) groupCols.push(sql`k.${cubeColumn(dim)}`);

  const select = [
    ...(byUnit ? [sql`k.unit_id AS unit_id`] : []),
    ...(p.groupBy.includes('year') ? [sql`k.year AS year`] : []),
    ...cubeDims.map((d) => sql`k.${cubeColumn(d)} AS ${sql.identifier(d)}`),
    sql`SUM(k.n) AS count`,
  ];
  const query = sql`SELECT ${sql.join(select, sql`, `)} FROM award_cube k WHERE ${sql.join(where, sql` AND `)}${
    groupCols.length ? sql` GROUP BY ${sql.join(groupCols, sql`, `)}` : sql``
  }`;
  const raw = await all<CubeRow>(d1, cost, query);

  const rows = byUnit && p.unit ? withDirectRows(raw, p.unit.id) : raw.filter((r) => r.count !== 0 || !groupCols.length);
  const unitCodes = byUnit ? await codesOf(d1, cost, 'units', 'id', rows.map((r) => r.unit_id)) : new Map();
  const movementCodes = cubeDims.includes('movement')
    ? await codesOf(d1, cost, 'movements', 'id', rows.map((r) => Number(r.movement)))
    : new Map();

  const out: SummaryRow[] = rows.map((r) => {
    const row: SummaryRow = { count: r.count ?? 0 };
    for (const dim of p.groupBy) {
      if (dim === 'unit') row.unit = unitCodes.get(r.unit_id) ?? null;
      else if (dim === 'year') row.year = r.year as number;
      else if (dim === 'movement') row.movement = movementCodes.get(Number(r.movement)) ?? null;
      else row[dim] = r[dim] === (DIMENSIONS[dim] as Dimension).missing ? null : r[dim];
    }
    // keep count last, as documented
    const { count, ...dims } = row;
    return { ...dims, count } as SummaryRow;
  });
  sortRows(out, p.groupBy);
  const total = out.reduce((s, r) => s + r.count, 0);
  return { rows: out, total };
}

// The cube holds subtree totals; what `unit` recorded itself is its subtree minus its
// children's subtrees, per group.
function withDirectRows(raw: CubeRow[], unitId: number): CubeRow[] {
  const keyOf = (r: CubeRow) => JSON.stringify(Object.entries(r).filter(([k]) => k !== 'unit_id' && k !== 'count'));
  const direct = new Map<string, CubeRow>();
  for (const r of raw) if (r.unit_id === unitId) direct.set(keyOf(r), { ...r });
  for (const r of raw) {
    if (r.unit_id === unitId) continue;
    const d = direct.get(keyOf(r));
    if (d) d.count -= r.count;
  }
  const children = raw.filter((r) => r.unit_id !== unitId && r.count !== 0);
  return [...children, ...[...direct.values()].filter((r) => r.count !== 0)];
}

async function codesOf(
  d1: D1Database,
  cost: ReadCost,
  table: 'units' | 'movements',
  key: 'id',
  ids: number[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id) => id))];
  if (!wanted.length) return new Map();
  const rows = await all<{ id: number; code: string }>(
    d1,
    cost,
    sql`SELECT id, code FROM ${sql.identifier(table)} WHERE ${sql.identifier(key)} IN (SELECT value FROM json_each(${JSON.stringify(wanted)}))`,
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

function sortRows(rows: SummaryRow[], dims: SummaryDimension[]) {
  rows.sort((a, b) => {
    for (const d of dims) {
      const x = a[d];
      const y = b[d];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    }
    return 0;
  });
}
