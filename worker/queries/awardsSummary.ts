import { sql, type SQL } from 'drizzle-orm';
import { all, type ReadCost } from '../db/run';
import { cubeColumn, DIMENSIONS, pickCuboid, type CubeDimension, type Dimension } from './cube/dimensions';
import { badParameter } from '../errors';
import type { Geography, GeoUnit } from './geography';
import type { ReadScope } from '../plan/scope';
import { planFor, type PlanEntry, type PlanOptions } from '../plan/plan';
import { todayPlan, todayShape } from '../plan/today';
import { readToday } from './today/read';
import { canReadPacked, type MaybePacked, packedSelect, UNIT_YEARS_SOURCE, unpack } from './cube/unitYears';

import type { SummaryDimension } from '../domain/dimensions';

export { SUMMARY_DIMENSIONS, type SummaryDimension } from '../domain/dimensions';

export interface SummaryParams {
  groupBy: SummaryDimension[];
  from?: number;
  to?: number;
  unit?: GeoUnit;
  clusterIds?: number[];
  asOf?: string;
  /** Filter values as the cube stores them (movement codes already resolved to ids). */
  filters: Partial<Record<CubeDimension, (string | number)[]>>;
  /** The caller's scope: required, so no read path can forget it. */
  scope: ReadScope;
  /**
   * Count only awards recorded inside this unit's subtree (a unit asked for under as_of that no
   * longer existed on that date; it lies inside the scope, so it only narrows it).
   */
  recordedIn?: number;
  /**
   * Only awards decided in these months (1-12) of the years from..to, which are then years of the
   * decision date; the answer then also counts the awards without a usable decision date.
   */
  months?: { first: number; last: number };
  /**
   * false: never award_cube_today, always the plan over award_cube (the tests and the benchmark
   * compare the two answers); otherwise it serves the as_of reads it can.
   */
  today?: boolean;
  /** false: never cuboid 0's rows packed by unit, always a key per year (the tests compare the two). */
  packed?: boolean;
}

/** A cluster scope narrows the clusters read to its own; a unit scope is applied by the plan. */
function scopedClusters(p: SummaryParams): number[] | undefined {
  if (p.scope.kind !== 'cluster') return p.clusterIds;
  const own = p.scope.clusterId;
  if (own === null) return [];
  return p.clusterIds ? p.clusterIds.filter((id) => id === own) : [own];
}

export type SummaryRow = Record<string, string | number | null> & { count: number };

export interface SummaryResult {
  rows: SummaryRow[];
  total: number;
  /** With `months`: per award year in from..to, the awards whose decision date is missing or unusable. */
  undated?: { year: number; count: number }[];
  /** With `months`: the latest decision month (YYYY-MM) in from..to, whatever the months asked. */
  latest_decision?: string | null;
}

type CubeRow = Record<string, string | number> & { unit_id: number; year: number; n: number };

const isCubeDimension = (d: SummaryDimension): d is Extract<SummaryDimension, CubeDimension> => d in DIMENSIONS;
// Shares under as_of make counts fractional; this hides float noise such as 0.30000000000000004.
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;

/** Award counts grouped and filtered as the contract's GET /api/v1/awards/summary defines. */
export async function awardsSummary(
  d1: D1Database,
  cost: ReadCost,
  geo: Geography,
  p: SummaryParams,
): Promise<SummaryResult> {
  const from = p.from ?? 0;
  const to = p.to ?? 9999;
  const period = p.months;
  const options: PlanOptions = {
    unit: p.unit,
    byUnit: p.groupBy.includes('unit'),
    clusterIds: scopedClusters(p),
    byCluster: p.groupBy.includes('cluster'),
    asOf: p.asOf,
    // a decision dated in year D is of an award of year D, D - 1 or D - 2 (DECISION_MONTH_SPAN)
    from: period ? from - 2 : from,
    to,
    recordedInUnitIds:
      p.recordedIn !== undefined
        ? [p.recordedIn]
        : p.scope.kind !== 'unit'
          ? undefined
          : p.scope.unitId === null
            ? []
            : [p.scope.unitId],
  };

  const cubeDims = p.groupBy.filter(isCubeDimension);
  const filterDims = Object.keys(p.filters) as CubeDimension[];
  const needed: CubeDimension[] = period ? [...cubeDims, ...filterDims, 'month'] : [...cubeDims, ...filterDims];
  const cuboid = pickCuboid(needed);
  if (!needed.every((d) => cuboid.dims.includes(d))) throw periodTooFine(needed);
  const read: CubeDimension[] = period ? [...cubeDims, 'month'] : cubeDims;
  const packed = p.packed !== false && canReadPacked(cuboid.id, read, p.filters);

  // as_of on today's boundaries (or the past ones before them): award_cube_today, one key per
  // target unit and output row (on a past date, with the cube's key it corrects)
  const served = p.today === false ? null : todayPlan(geo, options);
  let plan: PlanEntry[] | null = null;
  let rows: CubeRow[] | null = null;
  if (served) {
    rows = await readToday(d1, cost, {
      cuboid: cuboid.id,
      unitIds: served.todayIds,
      cubeUnitIds: served.cubeIds,
      yearFrom: options.from,
      yearTo: options.to,
      dims: read,
      filters: p.filters,
      geoHash: todayShape(geo).hash,
      packed,
    });
    if (cost.today !== 'stale') cost.today = rows ? 'used' : 'stale';
    if (rows) plan = served.entries;
  }
  if (!plan || !rows) {
    plan = planFor(geo, options);
    const unitIds = [...new Set(plan.map((e) => e.unitId))];
    rows = unitIds.length ? await fetchCube(d1, cost, cuboid.id, unitIds, plan, read, p.filters, packed) : [];
  }

  const byUnit = new Map<number, PlanEntry[]>();
  for (const e of plan) byUnit.set(e.unitId, [...(byUnit.get(e.unitId) ?? []), e]);

  const buckets = new Map<string, SummaryRow>();
  const undated = new Map<number, number>();
  // net counts per decision month (year * 12 + month - 1), for the latest month that holds any
  const decided = new Map<number, number>();
  for (const r of rows) {
    // the year a row is counted in: the award's, or under `months` the decision's
    let year = r.year;
    let inPeriod = true;
    let monthKey = -1;
    if (period) {
      const m = Number(r.month);
      if (m === 0 && (r.year < from || r.year > to)) continue;
      if (m !== 0) {
        year = r.year + Math.floor((m - 1) / 12);
        const month = ((m - 1) % 12) + 1;
        if (year < from || year > to) continue;
        monthKey = year * 12 + month - 1;
        inPeriod = month >= period.first && month <= period.last;
      }
    }
    for (const e of byUnit.get(r.unit_id) ?? []) {
      if (r.year < e.yearFrom || r.year > e.yearTo) continue;
      if (period && monthKey < 0) {
        undated.set(r.year, (undated.get(r.year) ?? 0) + e.weight * r.n);
        continue;
      }
      if (period) decided.set(monthKey, (decided.get(monthKey) ?? 0) + e.weight * r.n);
      if (!inPeriod) continue;
      const out: Record<string, string | number | null> = {};
      for (const dim of p.groupBy) {
        if (dim === 'unit') out.unit = e.unit;
        else if (dim === 'cluster') out.cluster = e.cluster;
        else if (dim === 'year') out.year = year;
        else if (dim === 'movement') out.movement = geo.movementCode.get(Number(r.movement)) ?? null;
        else out[dim] = r[dim] === (DIMENSIONS[dim] as Dimension).missing ? null : r[dim];
      }
      const key = JSON.stringify(out);
      const bucket = buckets.get(key) ?? ({ ...out, count: 0 } as SummaryRow);
      bucket.count += e.weight * r.n;
      buckets.set(key, bucket);
    }
  }

  let out = [...buckets.values()].map((b) => ({ ...b, count: tidy(b.count) })).filter((b) => b.count !== 0);
  const total = tidy(out.reduce((s, r) => s + r.count, 0));
  if (!p.groupBy.length) out = [{ count: total } as SummaryRow];
  sortRows(out, p.groupBy);
  if (!period) return { rows: out, total };
  const undatedRows = [...undated]
    .map(([year, n]) => ({ year, count: tidy(n) }))
    .filter((u) => u.count !== 0)
    .sort((a, b) => a.year - b.year);
  const months = [...decided].filter(([, n]) => tidy(n) > 0).map(([k]) => k);
  const latest = months.length ? Math.max(...months) : null;
  const latestDecision =
    latest === null ? null : `${Math.floor(latest / 12)}-${String((latest % 12) + 1).padStart(2, '0')}`;
  return { rows: out, total, undated: undatedRows, latest_decision: latestDecision };
}

const PERIOD_DIMENSIONS = 'year, unit, cluster, tier, category, kind';

/** Decision months are kept by level only (one small cuboid), not with every other dimension. */
function periodTooFine(needed: CubeDimension[]) {
  const other = needed.filter((d) => d !== 'month' && !pickCuboid(['month']).dims.includes(d));
  return badParameter('months', {
    en: `cannot be combined with ${other.join(', ')}; group and filter by ${PERIOD_DIMENSIONS} only`,
    vi: `không dùng được cùng ${other.join(', ')}; chỉ nhóm và lọc theo ${PERIOD_DIMENSIONS}`,
  });
}

async function fetchCube(
  d1: D1Database,
  cost: ReadCost,
  cuboid: number,
  unitIds: number[],
  plan: PlanEntry[],
  dims: CubeDimension[],
  filters: SummaryParams['filters'],
  packed: boolean,
): Promise<CubeRow[]> {
  const yearFrom = Math.min(...plan.map((e) => e.yearFrom));
  const yearTo = Math.max(...plan.map((e) => e.yearTo));
  // Lists go in as one JSON parameter each, so no list can exceed D1's 100 bound parameters.
  const units = sql`k.unit_id IN (SELECT value FROM json_each(${JSON.stringify(unitIds)}))`;
  const where: SQL[] = [sql`k.cuboid = ${cuboid}`, units, sql`k.year BETWEEN ${yearFrom} AND ${yearTo}`];
  for (const [dim, values] of Object.entries(filters) as [CubeDimension, (string | number)[]][]) {
    where.push(sql`k.${cubeColumn(dim)} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`);
  }
  // No GROUP BY: cube keys are unique within a cuboid, and summing the few columns the
  // request does not keep is done while labelling rows, without a temporary B-tree in D1.
  const select = sql.join(
    [
      sql`k.unit_id AS unit_id`,
      sql`k.year AS year`,
      // packed: the delta's rows beside the packed ones, which carry `years` instead
      ...(packed ? [sql`NULL AS years`] : []),
      ...dims.map((d) => sql`k.${cubeColumn(d)} AS ${sql.identifier(d)}`),
      sql`k.n AS n`,
    ],
    sql`, `,
  );
  const stored = packed
    ? packedSelect(UNIT_YEARS_SOURCE.cube, units)
    : sql`SELECT ${select} FROM award_cube k WHERE ${sql.join(where, sql` AND `)}`;
  // A batch being committed or rolled back is counted through its delta rows from its status
  // flip until they are merged; one statement reads both, so a merge step between two reads
  // cannot count a key twice or not at all. Nothing to read in the usual case (partial index).
  const rows = await all<CubeRow & MaybePacked>(
    d1,
    cost,
    sql`${stored}
UNION ALL
SELECT ${select} FROM award_cube_delta k WHERE k.batch_id IN (SELECT id FROM import_batches WHERE delta_visible
  = 1) AND ${sql.join(where, sql` AND `)}`,
  );
  return packed ? unpack(rows, yearFrom, yearTo) : rows;
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
