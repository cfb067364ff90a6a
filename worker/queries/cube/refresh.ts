import { sql, type SQL } from 'drizzle-orm';
import { CUBOIDS, DIMENSIONS } from './dimensions';

// The writer side of award_cube. Every raw award is added to each cuboid once under every
// ancestor-or-self of its unit (unit_closure), so a subtree total is one key lookup at read.
// Cuboid ids and the sign are our own constants, inlined so that a full rebuild is plain SQL
// with no parameters (the demo loader runs it through `wrangler d1 execute --file`).

const KEY = sql.raw(
  'cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender, recipient_class, method, movement_id, ethnic_minority',
);

function addToCuboid(cuboid: (typeof CUBOIDS)[number], where: SQL, sign: 1 | -1): SQL {
  const columns = ['cuboid', 'unit_id', 'year', ...cuboid.dims.map((d) => DIMENSIONS[d].cube), 'n'];
  const keys = ['c.ancestor_id', 'a.year', ...cuboid.dims.map((d) => DIMENSIONS[d].source)];
  return sql`INSERT INTO award_cube (${sql.raw(columns.join(', '))})
SELECT ${sql.raw(String(cuboid.id))}, ${sql.raw(keys.join(', '))}, ${sql.raw(String(sign))} * SUM(a.quantity)
FROM awards a
JOIN unit_closure c ON c.unit_id = a.unit_id
JOIN award_types t ON t.code = a.award_code
WHERE ${where}
GROUP BY ${sql.raw(keys.join(', '))}
ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`;
}

/** Adds (sign 1) or removes (sign -1) one batch's awards in every cuboid. */
export function applyBatchToCube(batchId: number, sign: 1 | -1): SQL[] {
  const statements = CUBOIDS.map((c) => addToCuboid(c, sql`a.batch_id = ${batchId}`, sign));
  if (sign === -1) statements.push(sql`DELETE FROM award_cube WHERE n = 0`);
  return statements;
}

/** Recomputes the whole cube from the raw awards of committed batches. */
export function rebuildCube(): SQL[] {
  const committed = sql.raw(`a.batch_id IN (SELECT id FROM import_batches WHERE status = 'committed')`);
  return [sql`DELETE FROM award_cube`, ...CUBOIDS.map((c) => addToCuboid(c, committed, 1))];
}

/** Recomputes unit_closure from units.parent_id (a province has hundreds of units, not millions). */
export function rebuildUnitClosure(): SQL[] {
  return [
    sql`DELETE FROM unit_closure`,
    sql`INSERT INTO unit_closure (ancestor_id, unit_id, depth)
WITH RECURSIVE up(ancestor_id, unit_id, depth) AS (
  SELECT id, id, 0 FROM units
  UNION ALL
  SELECT u.parent_id, up.unit_id, up.depth + 1 FROM up JOIN units u ON u.id = up.ancestor_id
  WHERE u.parent_id IS NOT NULL AND up.depth < 32 -- a parent cycle must not recurse forever
)
SELECT ancestor_id, unit_id, depth FROM up`,
  ];
}
