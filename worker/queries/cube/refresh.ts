import { sql, type SQL } from 'drizzle-orm';
import { pendingFromDelta } from '../federation/pending';
import { CUBOIDS, DIMENSIONS } from './dimensions';
import { ROOT_UNIT_ID } from './root';

// The writer side of award_cube. Every raw award is added to each cuboid once under every
// ancestor-or-self of its unit (unit_closure), so a subtree total is one key lookup at read.
// Cuboid ids and the sign are our own constants, inlined so that a full rebuild is plain SQL
// with no parameters (the demo loader runs it through `wrangler d1 execute --file`).

const KEY = sql.raw(
  'cuboid, unit_id, year, award_code, tier, category, recipient_kind, ' +
    'gender, recipient_class, method, movement_id, ethnic_minority, decision_month',
);

// The awards are first summed by unit, year and the cuboid's own columns, and only those sums
// are joined to the unit tree: at 2,000,000 awards over 14,500 units that is a fraction of the
// rows to expand by every ancestor (the rebuild took 411 s at national scale before).
function addToCuboid(cuboid: (typeof CUBOIDS)[number], where: SQL, sign: 1 | -1): SQL {
  const cubeCols = cuboid.dims.map((d) => DIMENSIONS[d].cube);
  const columns = ['cuboid', 'unit_id', 'year', ...cubeCols, 'n'];
  const inner = ['a.unit_id', 'a.year', ...cuboid.dims.map((d) => `${DIMENSIONS[d].source} AS ${DIMENSIONS[d].cube}`)];
  const innerKeys = ['a.unit_id', 'a.year', ...cuboid.dims.map((d) => DIMENSIONS[d].source)];
  const outer = ['c.ancestor_id', 'g.year', ...cubeCols.map((c) => `g.${c}`)];
  return sql`INSERT INTO award_cube (${sql.raw(columns.join(', '))})
SELECT ${sql.raw(String(cuboid.id))}, ${sql.raw(outer.join(', '))}, ${sql.raw(String(sign))} * SUM(g.n)
FROM (
  SELECT ${sql.raw(inner.join(', '))}, SUM(a.quantity) AS n
  FROM awards a JOIN award_types t ON t.code = a.award_code
  WHERE ${where}
  GROUP BY ${sql.raw(innerKeys.join(', '))}
) g
JOIN unit_closure c ON c.unit_id = g.unit_id
WHERE true
GROUP BY ${sql.raw(outer.join(', '))}
ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`;
}

/** Adds (sign 1) or removes (sign -1) one small batch's awards in every cuboid at once. */
export function applyBatchToCube(batchId: number, sign: 1 | -1): SQL[] {
  const statements = CUBOIDS.map((c) => addToCuboid(c, sql`a.batch_id = ${batchId}`, sign));
  if (sign === -1) statements.push(sql`DELETE FROM award_cube WHERE n = 0`);
  return statements;
}

const DELTA_COLUMNS = sql.raw(
  'cuboid, unit_id, year, award_code, tier, category, recipient_kind, ' +
    'gender, recipient_class, method, movement_id, ethnic_minority, decision_month, n',
);

// The next `limit` rows of a batch's delta in the order of its key index (batch_id first): no
// sort, the same rows for each statement of a step (the key is unique), and each step one
// contiguous range of award_cube's key, so its upserts touch few of the cube's pages. Taken as
// rowid ranges (the expansion's order), a step's keys were spread over the whole cube: a
// 1,000,000-row national import merged in 17-20 s of D1 time then, 11.4-11.7 s by key range.
// (Reading the insert's rows in key order as well, not by rowid, wrote 5 % more rows for 4 % less
// time: not kept.)
const nextRange = (batchId: number, limit: number) =>
  sql`rowid IN (SELECT rowid FROM award_cube_delta WHERE batch_id = ${batchId} ORDER BY ${KEY} LIMIT ${limit})`;

/**
 * Moves the next slice of a batch's delta rows into award_cube and deletes them, in one D1
 * batch: a reader (cube plus visible deltas) sees the same sums before and after. The slice also
 * goes to the federation's pending changes (a province's next push). The third statement is the
 * delta's deletion, whose count says whether anything was left.
 */
export function mergeDeltaSlice(batchId: number, limit: number): SQL[] {
  return [
    sql`INSERT INTO award_cube (${DELTA_COLUMNS})
SELECT ${DELTA_COLUMNS} FROM award_cube_delta WHERE ${nextRange(batchId, limit)}
ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`,
    pendingFromDelta(nextRange(batchId, limit)),
    sql`DELETE FROM award_cube_delta WHERE ${nextRange(batchId, limit)}`,
    sql`DELETE FROM award_cube WHERE n = 0`,
  ];
}

/** Moves all of a small batch's delta into award_cube (with the flip, in its transaction). */
export function mergeWholeDelta(batchId: number): SQL[] {
  return [
    sql`INSERT INTO award_cube (${DELTA_COLUMNS})
SELECT ${DELTA_COLUMNS} FROM award_cube_delta WHERE batch_id = ${batchId}
ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`,
    pendingFromDelta(sql`batch_id = ${batchId}`),
    sql`DELETE FROM award_cube_delta WHERE batch_id = ${batchId}`,
    sql`DELETE FROM award_cube WHERE n = 0`,
  ];
}

/** Deletes the next slice of a batch's delta that never became visible (a cancelled commit). */
export const dropDeltaSlice = (batchId: number, limit: number): SQL =>
  sql`DELETE FROM award_cube_delta WHERE ${nextRange(batchId, limit)}`;

/** Recomputes the whole cube from the raw awards of counted batches. */
export function rebuildCube(): SQL[] {
  const counted = sql.raw(
    `a.batch_id IN (SELECT id FROM import_batches WHERE status IN ('committed', 'rolling_back'))`,
  );
  return [
    // award_cube_today is rebuilt after this (rebuildTodayStatements, or in steps by the worker):
    // marked stale first, so that its triggers do not follow every row deleted and inserted here
    sql`UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1`,
    sql`DELETE FROM award_cube`,
    sql`DELETE FROM award_cube_delta`,
    sql`UPDATE import_batches SET delta_visible = 0`,
    ...CUBOIDS.map((c) => addToCuboid(c, counted, 1)),
  ];
}

/**
 * Recomputes unit_closure from units.parent_id, every unit also under the virtual root (its
 * depth one more than its deepest ancestor's). 14,500 units at national scale: well under a second.
 */
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
SELECT ancestor_id, unit_id, depth FROM up
UNION ALL
SELECT ${sql.raw(String(ROOT_UNIT_ID))}, unit_id, MAX(depth) + 1 FROM up GROUP BY unit_id`,
  ];
}
