import { sql } from 'drizzle-orm';
import { all, first, type ReadCost } from '../../db/run';

export interface ProvinceStateRow {
  province: string;
  version: number;
  signed_at: string;
  pushed_at: string | null;
  seen_at: string | null;
  geography_hash: string;
  reported: string;
}

export const provinceState = (db: D1Database, cost: ReadCost, province: string) =>
  first<ProvinceStateRow>(
    db,
    cost,
    sql`SELECT province, version, signed_at, pushed_at, seen_at, geography_hash, reported
        FROM federation_provinces WHERE province = ${province}`,
  );

/** The codes among `codes` (a JSON array) that the national holds for another province. */
export async function codesOfOthers(
  db: D1Database,
  cost: ReadCost,
  province: string,
  codes: string,
): Promise<string[]> {
  const rows = await all<{ code: string }>(
    db,
    cost,
    sql`SELECT u.code FROM units u JOIN federation_units f ON f.unit_id = u.id
        WHERE f.province <> ${province} AND u.code IN (SELECT value FROM json_each(${codes})) LIMIT 20`,
  );
  return rows.map((r) => r.code);
}

/** The cluster codes among `codes` (a JSON array) whose owner unit the national holds for another province. */
export async function clustersOfOthers(
  db: D1Database,
  cost: ReadCost,
  province: string,
  codes: string,
): Promise<string[]> {
  const rows = await all<{ code: string }>(
    db,
    cost,
    sql`SELECT c.code FROM clusters c JOIN federation_units f ON f.unit_id = c.owner_unit_id
        WHERE f.province <> ${province} AND c.code IN (SELECT value FROM json_each(${codes})) LIMIT 20`,
  );
  return rows.map((r) => r.code);
}

/** The unit codes the national holds for a province (only its top-level ones: `tops`). */
export async function heldUnits(db: D1Database, cost: ReadCost, province: string, tops = false): Promise<string[]> {
  const rows = await all<{ code: string }>(
    db,
    cost,
    sql`SELECT u.code FROM units u JOIN federation_units f ON f.unit_id = u.id
        WHERE f.province = ${province}${tops ? sql` AND u.parent_id IS NULL` : sql``}`,
  );
  return rows.map((r) => r.code);
}
