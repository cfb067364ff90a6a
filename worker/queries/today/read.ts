import { sql, type SQL } from 'drizzle-orm';
import { all, type ReadCost } from '../../db/run';
import { cubeColumn, type CubeDimension } from '../cube/dimensions';
import { type MaybePacked, packedSelect, UNIT_YEARS_SOURCE, unpack } from '../cube/unitYears';

// The read of award_cube_today (and, for a past date, the award_cube keys it corrects), in one
// statement with the check that it may be used: ready, built from the geography the caller
// planned with, and no batch's delta visible (a delta is counted in award_cube_today only once it
// is merged, and with none visible award_cube alone holds every count). If not, the statement
// returns one marker row instead (unit_id NULL: P's keys are negative ids) and the caller reads
// award_cube through the plan: the check and the rows come from one snapshot of the database, so
// a merge or a geography change in between cannot make a reader count something twice or not at all.

export type TodayRow = Record<string, string | number> & { unit_id: number; year: number; n: number };

export interface TodayRead {
  cuboid: number;
  /** Keys of award_cube_today. */
  unitIds: number[];
  /** Keys of award_cube read with them (todayPlan's cubeIds). */
  cubeUnitIds: number[];
  yearFrom: number;
  yearTo: number;
  dims: CubeDimension[];
  filters: Partial<Record<CubeDimension, (string | number)[]>>;
  geoHash: string;
  /** Cuboid 0 with no other dimension: its rows packed by unit (cube/unitYears.ts). */
  packed?: boolean;
}

const inList = (ids: number[]) => sql`k.unit_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** The rows, or null when award_cube_today cannot serve the read now. */
export async function readToday(d1: D1Database, cost: ReadCost, r: TodayRead): Promise<TodayRow[] | null> {
  const usable = sql`(EXISTS (SELECT 1 FROM today_state WHERE id = 1 AND phase = 'ready' AND geo_hash = ${r.geoHash})
    AND NOT EXISTS (SELECT 1 FROM import_batches WHERE delta_visible = 1))`;
  const where = (ids: number[]) => {
    const out: SQL[] = [sql`k.cuboid = ${r.cuboid}`, inList(ids), sql`k.year BETWEEN ${r.yearFrom} AND ${r.yearTo}`];
    for (const [dim, values] of Object.entries(r.filters) as [CubeDimension, (string | number)[]][])
      out.push(sql`k.${cubeColumn(dim)} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`);
    return sql.join(out, sql` AND `);
  };
  if (r.packed) {
    const parts = [sql`${packedSelect(UNIT_YEARS_SOURCE.today, inList(r.unitIds))} AND ${usable}`];
    if (r.cubeUnitIds.length)
      parts.push(sql`${packedSelect(UNIT_YEARS_SOURCE.cube, inList(r.cubeUnitIds))} AND ${usable}`);
    parts.push(sql`SELECT NULL, NULL, NULL, 0 WHERE NOT ${usable}`);
    const packed = await all<MaybePacked>(d1, cost, sql.join(parts, sql`\nUNION ALL\n`));
    return packed.some((row) => row.unit_id === null) ? null : unpack(packed, r.yearFrom, r.yearTo);
  }
  const columns = sql.join(
    [
      sql`k.unit_id AS unit_id`,
      sql`k.year AS year`,
      ...r.dims.map((d) => sql`k.${cubeColumn(d)} AS ${sql.identifier(d)}`),
      sql`k.n AS n`,
    ],
    sql`, `,
  );
  const parts = [sql`SELECT ${columns} FROM award_cube_today k WHERE ${where(r.unitIds)} AND ${usable}`];
  if (r.cubeUnitIds.length)
    parts.push(sql`SELECT ${columns} FROM award_cube k WHERE ${where(r.cubeUnitIds)} AND ${usable}`);
  const marker = [sql`NULL`, sql`0`, ...r.dims.map(() => sql`NULL`), sql`0`];
  parts.push(sql`SELECT ${sql.join(marker, sql`, `)} WHERE NOT ${usable}`);
  const rows = await all<TodayRow>(d1, cost, sql.join(parts, sql`\nUNION ALL\n`));
  return rows.some((row) => row.unit_id === null) ? null : rows;
}
