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
  resync_phase: string | null;
  resync_rows: number | null;
  resync_requests: number | null;
  resync_longest_ms: number | null;
  resync_started_at: string | null;
  resync_updated_at: string | null;
}

/** Every province with a token, its state and how many units the national holds for it. */
export const listProvinces = (db: D1Database, cost: ReadCost) =>
  all<ProvinceListRow>(
    db,
    cost,
    sql`SELECT p.province, (SELECT name FROM units WHERE code = p.province) AS name, p.version, p.pushed_at,
        p.seen_at, p.reported, p.last_rows,
        (SELECT COUNT(*) FROM federation_units f WHERE f.province = p.province) AS units,
        r.phase AS resync_phase, r.rows AS resync_rows, r.requests AS resync_requests,
        r.longest_ms AS resync_longest_ms, r.started_at AS resync_started_at, r.updated_at AS resync_updated_at
        FROM federation_provinces p LEFT JOIN federation_resyncs r ON r.province = p.province
        ORDER BY p.province`,
  );

/**
 * The national copy's totals by province and year: cuboid 0 of each province's top units, with
 * the visible deltas (a resync being merged) as every reader counts them.
 */
export const nationalTotals = (db: D1Database, cost: ReadCost) =>
  all<{ province: string; year: number; n: number }>(
    db,
    cost,
    sql`SELECT f.province, c.year, SUM(c.n) AS n FROM (
          SELECT unit_id, year, n FROM award_cube WHERE cuboid = 0
          UNION ALL SELECT unit_id, year, n FROM award_cube_delta WHERE cuboid = 0
            AND batch_id IN (SELECT id FROM import_batches WHERE delta_visible = 1)
        ) c JOIN federation_units f ON f.unit_id = c.unit_id JOIN units u ON u.id = c.unit_id
        WHERE u.parent_id IS NULL GROUP BY f.province, c.year HAVING SUM(c.n) <> 0 ORDER BY f.province, c.year`,
  );
