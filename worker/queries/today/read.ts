import { sql, type SQL } from 'drizzle-orm';
import { all, type ReadCost } from '../../db/run';
import { cubeColumn, type CubeDimension } from '../cube/dimensions';
import { type MaybePacked, packedSelect, UNIT_YEARS_SOURCE, unpack } from '../cube/unitYears';

// The read of award_cube_today, in one statement with the check that it may be used: ready,
// built from the geography the caller planned with, and no batch's delta visible (a delta is
// counted in award_cube_today only once it is merged). If not, the statement returns one marker
// row instead (unit_id -1) and the caller reads award_cube through the plan: the check and the
// rows come from one snapshot of the database, so a merge or a geography change in between
// cannot make a reader count something twice or not at all.

export type TodayRow = Record<string, string | number> & { unit_id: number; year: number; n: number };

export interface TodayRead {
  cuboid: number;
  unitIds: number[];
  yearFrom: number;
  yearTo: number;
  dims: CubeDimension[];
  filters: Partial<Record<CubeDimension, (string | number)[]>>;
  geoHash: string;
  /** Cuboid 0 with no other dimension: its rows packed by unit (cube/unitYears.ts). */
  packed?: boolean;
}

/** The rows, or null when award_cube_today cannot serve the read now. */
export async function readToday(d1: D1Database, cost: ReadCost, r: TodayRead): Promise<TodayRow[] | null> {
  const usable = sql`(EXISTS (SELECT 1 FROM today_state WHERE id = 1 AND phase = 'ready' AND geo_hash = ${r.geoHash})
    AND NOT EXISTS (SELECT 1 FROM import_batches WHERE delta_visible = 1))`;
  const units = sql`k.unit_id IN (SELECT value FROM json_each(${JSON.stringify(r.unitIds)}))`;
  const where: SQL[] = [sql`k.cuboid = ${r.cuboid}`, units, sql`k.year BETWEEN ${r.yearFrom} AND ${r.yearTo}`];
  for (const [dim, values] of Object.entries(r.filters) as [CubeDimension, (string | number)[]][])
    where.push(sql`k.${cubeColumn(dim)} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`);
  const columns = [
    sql`k.unit_id AS unit_id`,
    sql`k.year AS year`,
    ...r.dims.map((d) => sql`k.${cubeColumn(d)} AS ${sql.identifier(d)}`),
    sql`k.n AS n`,
  ];
  if (r.packed) {
    const packed = await all<MaybePacked>(
      d1,
      cost,
      sql`${packedSelect(UNIT_YEARS_SOURCE.today, units)} AND ${usable}
UNION ALL
SELECT -1, NULL, NULL, 0 WHERE NOT ${usable}`,
    );
    return packed.some((row) => row.unit_id === -1) ? null : unpack(packed, r.yearFrom, r.yearTo);
  }
  const marker = [sql`-1`, sql`0`, ...r.dims.map(() => sql`NULL`), sql`0`];
  const rows = await all<TodayRow>(
    d1,
    cost,
    sql`SELECT ${sql.join(columns, sql`, `)} FROM award_cube_today k WHERE ${sql.join(where, sql` AND `)} AND ${usable}
UNION ALL
SELECT ${sql.join(marker, sql`, `)} WHERE NOT ${usable}`,
  );
  return rows.some((row) => row.unit_id === -1) ? null : rows;
}
