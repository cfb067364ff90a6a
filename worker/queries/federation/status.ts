import { sql } from 'drizzle-orm';
import { all, type ReadCost } from '../../db/run';

export interface ProvinceListRow {
  province: string;
  name: string | null;
  version: number;
  pushed_at: string | null;
  seen_at: string | null;
  reported: string;
  last_rows: number;
  units: number;
}

/** Every province with a token, its state and how many units the national holds for it. */
export const listProvinces = (db: D1Database, cost: ReadCost) =>
  all<ProvinceListRow>(
    db,
    cost,
    sql`SELECT p.province, (SELECT name FROM units WHERE code = p.province) AS name, p.version, p.pushed_at,
        p.seen_at, p.reported, p.last_rows,
        (SELECT COUNT(*) FROM federation_units f WHERE f.province = p.province) AS units
        FROM federation_provinces p ORDER BY p.province`,
  );

/** The national copy's totals by province and year: cuboid 0 of each province's top units. */
export const nationalTotals = (db: D1Database, cost: ReadCost) =>
  all<{ province: string; year: number; n: number }>(
    db,
    cost,
    sql`SELECT f.province, c.year, SUM(c.n) AS n FROM award_cube c
        JOIN federation_units f ON f.unit_id = c.unit_id JOIN units u ON u.id = c.unit_id
        WHERE c.cuboid = 0 AND u.parent_id IS NULL GROUP BY f.province, c.year ORDER BY f.province, c.year`,
  );
