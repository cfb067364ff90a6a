import { sql, type SQL } from 'drizzle-orm';
import type { ListFilterDimension } from '../../domain/dimensions';
import type { awardCube } from '../../db/schema';

// The one map from a logical dimension of the API to its physical columns: `cube` is the
// award_cube column the readers group and filter on, `source` the expression over raw
// awards (a) and award_types (t) the writer aggregates into it. Writer and reader share it.
type CubeColumnName = (typeof awardCube)['_']['columns'][keyof (typeof awardCube)['_']['columns']]['_']['name'];

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
} as const satisfies Record<ListFilterDimension, Dimension>;

export type CubeDimension = keyof typeof DIMENSIONS;
export const CUBE_DIMENSIONS = Object.keys(DIMENSIONS) as CubeDimension[];

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
