import { sql, type SQL } from 'drizzle-orm';
import { jsonChunks } from './json';

// A unit the province no longer has (a units batch rolled back there) leaves the national with
// the push that no longer carries it: its cube rows, its place in lineage, clusters and results.
// Its rows at the national are zero by then (the province's push took them off, or a resync
// negated them), so the root needs nothing here; the caller rebuilds unit_closure after.

/** The national ids of this province's units that `codes` (the push's units) no longer name. */
export function removedUnits(province: string, codes: string[]): SQL {
  const kept = jsonChunks(codes).map((part) => sql`u.code NOT IN (SELECT value FROM json_each(${part}))`);
  return sql`(SELECT f.unit_id FROM federation_units f JOIN units u ON u.id = f.unit_id
    WHERE f.province = ${province}${kept.length ? sql` AND ${sql.join(kept, sql` AND `)}` : sql``})`;
}

export function removalStatements(province: string, codes: string[]): SQL[] {
  const gone = removedUnits(province, codes);
  return [
    sql`DELETE FROM award_cube WHERE unit_id IN ${gone}`,
    sql`UPDATE clusters SET owner_unit_id = NULL WHERE owner_unit_id IN ${gone}`,
    sql`UPDATE movements SET owner_unit_id = NULL WHERE owner_unit_id IN ${gone}`,
    sql`DELETE FROM cluster_members WHERE unit_id IN ${gone}`,
    sql`DELETE FROM movement_results WHERE unit_id IN ${gone}`,
    sql`DELETE FROM unit_lineage WHERE from_unit_id IN ${gone} OR to_unit_id IN ${gone}`,
    sql`DELETE FROM unit_closure WHERE unit_id IN ${gone} OR ancestor_id IN ${gone}`,
    // targets and annotations on the unit go with it (ON DELETE CASCADE)
    sql`DELETE FROM units WHERE id IN ${gone}`,
    sql`DELETE FROM federation_units WHERE province = ${province} AND unit_id NOT IN (SELECT id FROM units)`,
  ];
}
