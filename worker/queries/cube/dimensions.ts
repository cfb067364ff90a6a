import { sql, type SQL } from 'drizzle-orm';
import type { ListFilterDimension } from '../../domain/dimensions';
import type { awardCube } from '../../db/schema';

// The one map from a logical dimension of the API to its physical columns: `cube` is the
// award_cube column the readers group and filter on, `source` the expression over raw
// awards (a) and award_types (t) the writer aggregates into it. Writer and reader share it.
type CubeColumnName = (typeof awardCube)['_']['columns'][keyof (typeof awardCube)['_']['columns']]['_']['name'];

/** Decision months kept per award: 1-12 in the award's year, 13-24 the next, 25-36 the one after. */
export const DECISION_MONTH_SPAN = 36;

// Year-end awards of year Y are mostly decided in January to September of Y + 1, and old dossiers
// later still, so a decision month is counted from January of the award's year: a period of
// decision year D is then read from award years D - 2 to D. 0: no date, or one outside that span.
// Imports store decision_date as YYYY-MM-DD (worker/imports/cells.ts), anything else is 0.
const DECISION_MONTH =
  "CASE WHEN a.decision_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' " +
  "AND substr(a.decision_date, 6, 2) BETWEEN '01' AND '12' " +
  'AND CAST(substr(a.decision_date, 1, 4) AS INTEGER) - a.year BETWEEN 0 AND 2 ' +
  'THEN (CAST(substr(a.decision_date, 1, 4) AS INTEGER) - a.year) * 12 ' +
  '+ CAST(substr(a.decision_date, 6, 2) AS INTEGER) ' +
  'ELSE 0 END';

export interface Dimension {
  /** A column of award_cube (checked against the drizzle table, so a typo does not compile). */
  cube: CubeColumnName;
  source: string;
  /** What the cube stores when a raw value is not given (NULL is not usable in a unique key). */
  missing?: string | number;
}

export const DIMENSIONS = {
  award: { cube: 'award_code', source: 'a.award_code' },
  tier: { cube: 'tier', source: 't.tier' },
  category: { cube: 'category', source: 't.category' },
  kind: { cube: 'recipient_kind', source: 'a.recipient_kind' },
  gender: { cube: 'gender', source: "COALESCE(a.gender, '')", missing: '' },
  class: { cube: 'recipient_class', source: "COALESCE(a.recipient_class, '')", missing: '' },
  method: { cube: 'method', source: 'a.method' },
  movement: { cube: 'movement_id', source: 'COALESCE(a.movement_id, 0)', missing: 0 },
  ethnic: { cube: 'ethnic_minority', source: 'COALESCE(a.ethnic_minority, -1)', missing: -1 },
  month: { cube: 'decision_month', source: DECISION_MONTH, missing: 0 },
} as const satisfies Record<ListFilterDimension | 'month', Dimension>;

export type CubeDimension = keyof typeof DIMENSIONS;
// month is kept in one small cuboid only (periods of a year are asked by level, not by every dimension)
export const CUBE_DIMENSIONS = (Object.keys(DIMENSIONS) as CubeDimension[]).filter((d) => d !== 'month');

// award decides tier and category, so adding award never multiplies rows by them.
const LEVEL: CubeDimension[] = ['tier', 'category', 'kind'];
const WHO: CubeDimension[] = ['gender', 'class', 'ethnic'];

/**
 * The cuboids kept in award_cube, roughly smallest first. Each holds (unit subtree, year) plus
 * these dimensions; a read takes the first that has every dimension it groups or filters by.
 */
export const CUBOIDS: readonly { id: number; dims: readonly CubeDimension[] }[] = [
  { id: 0, dims: [] },
  { id: 5, dims: LEVEL },
  { id: 1, dims: ['award', ...LEVEL] },
  { id: 7, dims: ['kind', ...WHO] },
  { id: 6, dims: [...LEVEL, ...WHO] },
  { id: 2, dims: ['award', ...LEVEL, ...WHO] },
  { id: 3, dims: ['award', ...LEVEL, 'method'] },
  { id: 4, dims: ['award', ...LEVEL, 'movement'] },
  // half-year and year-to-date views (summary `months`): only this cuboid keeps the month
  { id: 10, dims: ['month', ...LEVEL] },
  { id: 9, dims: CUBE_DIMENSIONS },
];

export function pickCuboid(needed: Iterable<CubeDimension>): { id: number; dims: readonly CubeDimension[] } {
  const want = [...needed];
  const found = CUBOIDS.find((c) => want.every((d) => c.dims.includes(d)));
  // The last cuboid keeps every dimension, so this cannot miss.
  return found ?? CUBOIDS[CUBOIDS.length - 1];
}

export function cubeColumn(dim: CubeDimension): SQL {
  return sql`${sql.identifier(DIMENSIONS[dim].cube)}`;
}
