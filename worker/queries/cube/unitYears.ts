import { sql, type SQL } from 'drizzle-orm';
import type { CubeDimension } from './dimensions';

// Cuboid 0 packed by unit (cube_unit_years, migration 0024): one row per unit with every year's
// count in a JSON object, of award_cube (source 0) or award_cube_today (source 1). D1 counts about
// two rows read for each key it probes or steps over, so a read by unit (or by unit and year) over
// many years reads a row per unit instead of one per unit and year. The years are unpacked here,
// not with json_each in SQL: D1 counts every json_each row as a row read.

export const UNIT_YEARS_SOURCE = { cube: 0, today: 1 } as const;

/** A cube row as read: a packed row carries `years` and no year, a delta row a year and its n. */
export type MaybePacked = { unit_id: number; year: number | null; years: string | null; n: number };

/** A read by unit and year only (cuboid 0, nothing else grouped or filtered) may take the packed rows. */
export const canReadPacked = (cuboid: number, dims: readonly CubeDimension[], filters: object) =>
  cuboid === 0 && dims.length === 0 && Object.keys(filters).length === 0;

/** The packed rows of `source` for the units matched by `units` (a condition on k.unit_id). */
export const packedSelect = (source: number, units: SQL): SQL =>
  sql`SELECT k.unit_id AS unit_id, NULL AS year, k.years AS years, 0 AS n FROM cube_unit_years k
WHERE k.source = ${source} AND ${units}`;

/** Packed rows as one row per year from..to (the other rows as they are). */
export function unpack(rows: MaybePacked[], from: number, to: number): { unit_id: number; year: number; n: number }[] {
  const out: { unit_id: number; year: number; n: number }[] = [];
  for (const r of rows) {
    if (r.years === null) {
      out.push({ unit_id: r.unit_id, year: r.year as number, n: r.n });
      continue;
    }
    for (const [y, n] of Object.entries(JSON.parse(r.years) as Record<string, number>)) {
      const year = Number(y);
      if (year >= from && year <= to && n !== 0) out.push({ unit_id: r.unit_id, year, n });
    }
  }
  return out;
}
