import { sql, type SQL } from 'drizzle-orm';
import type { awardBatchSums } from '../../db/schema';
import { CUBOIDS, DIMENSIONS, type CubeDimension } from './dimensions';

// A batch's cube change in two passes. First its awards are summed by unit, year and the award's
// own dimensions into award_batch_sums (no tree join: 25,000 awards of the benchmark file sum to
// 1,400 rows, and the same 1,400 for the whole million); then those sums, each key once, are
// expanded through unit_closure and award_types into award_cube_delta. Joining every slice of
// awards to the tree upserted the same 14,000 delta keys again for each of 40 slices: 5 times the
// CPU of both passes together on the same 1M-row file (docs/benchmarks.md). The sums stay with a
// committed batch, so its rollback expands them again with sign -1 and reads no award.

type SumsColumn = (typeof awardBatchSums)['_']['columns'][keyof (typeof awardBatchSums)['_']['columns']]['_']['name'];

// Where each dimension's value comes from at expansion: kept in the sums (a raw award's own value,
// as the cube stores it), or read from award_types by the award code. A missing entry does not
// compile, so a new dimension must say which.
const KEPT = {
  award: 'sums',
  tier: 'type',
  category: 'type',
  kind: 'sums',
  gender: 'sums',
  class: 'sums',
  method: 'sums',
  movement: 'sums',
  ethnic: 'sums',
  month: 'sums',
} as const satisfies Record<CubeDimension, 'sums' | 'type'>;
type Summed = { [K in CubeDimension]: (typeof KEPT)[K] extends 'sums' ? K : never }[CubeDimension];
// a dimension kept in the sums has a column of that name there, or this does not compile
const columnsExist: (typeof DIMENSIONS)[Summed]['cube'] extends SumsColumn ? true : never = true;
const SUMMED = (Object.keys(KEPT) as CubeDimension[]).filter((d): d is Summed => KEPT[d] === 'sums' && columnsExist);
const KEY = ['batch_id', 'unit_id', 'year', ...SUMMED.map((d) => DIMENSIONS[d].cube)].join(', ');

/** The awards of batch `batchId` matching `where` (over awards a) added to its sums. */
function sumAwards(batchId: number, where: SQL): SQL {
  const sources = SUMMED.map((d) => DIMENSIONS[d].source).join(', ');
  const groups = SUMMED.map((_, i) => String(i + 4)).join(', ');
  return sql`INSERT INTO award_batch_sums (${sql.raw(KEY)}, n)
SELECT ${batchId}, a.unit_id, a.year, ${sql.raw(sources)}, SUM(a.quantity) FROM awards a
WHERE a.batch_id = ${batchId} AND ${where}
GROUP BY 2, 3, ${sql.raw(groups)}
ON CONFLICT (${sql.raw(KEY)}) DO UPDATE SET n = n + excluded.n`;
}

/**
 * In each round trip of staged rows, after their inserts: the rows not summed yet (the ones just
 * written, hot in SQLite's cache) summed, and summed_to moved past them, in the same transaction.
 * Award ids only grow, so every staged row is summed exactly once, whoever staged it.
 */
export function sumStaged(batchId: number): SQL[] {
  return [
    sumAwards(batchId, sql`a.id > (SELECT COALESCE(summed_to, 0) FROM import_batches WHERE id = ${batchId})`),
    sql`UPDATE import_batches SET summed_to = (SELECT MAX(id) FROM awards WHERE batch_id = ${batchId})
WHERE id = ${batchId} AND EXISTS (SELECT 1 FROM awards WHERE batch_id = ${batchId})`,
  ];
}

/** The awards of a batch with ids in (lo, hi] added to its sums (what staging did not sum). */
export const sumSlice = (batchId: number, lo: number, hi: number): SQL =>
  sumAwards(batchId, sql`a.id > ${lo} AND a.id <= ${hi}`);

const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
const ALL = Object.values(DIMENSIONS);
const CUBE_COLUMNS = ALL.map((d) => d.cube).join(', ');

/**
 * The sums of a batch with ids in (lo, hi] expanded into its delta, sign 1 (commit) or -1
 * (rollback), in every cuboid, in one statement. Each sums row goes once per cuboid with the
 * columns that cuboid does not keep set to what the cube stores for them, and is grouped per
 * cuboid before the unit tree multiplies it by the unit's ancestors: the coarse cuboids then
 * shrink first (half the CPU of grouping after the join on a file of 360,000 sums rows).
 */
export function expandSums(batchId: number, sign: 1 | -1, lo: number, hi: number): SQL {
  const masked = (Object.keys(DIMENSIONS) as CubeDimension[]).map((k) => {
    const d = DIMENSIONS[k];
    const ids = CUBOIDS.filter((c) => c.dims.includes(k)).map((c) => c.id);
    const value = KEPT[k] === 'sums' ? `s.${d.cube}` : d.source;
    const missing = 'missing' in d ? d.missing : '';
    return `CASE WHEN k.value IN (${ids.join(', ')}) THEN ${value} ELSE ${literal(missing)} END AS ${d.cube}`;
  });
  const inner = ALL.map((_, i) => String(i + 4)).join(', ');
  const outer = ALL.map((_, i) => String(i + 5)).join(', ');
  const cuboids = literal(JSON.stringify(CUBOIDS.map((c) => c.id)));
  // D1 refuses a UNION ALL of one SELECT per cuboid (too many terms), hence json_each of the ids
  return sql`INSERT INTO award_cube_delta (batch_id, cuboid, unit_id, year, ${sql.raw(CUBE_COLUMNS)}, n)
WITH g AS MATERIALIZED (
  SELECT k.value AS cuboid, s.unit_id, s.year, ${sql.raw(masked.join(',\n    '))}, SUM(s.n) AS n
  FROM award_batch_sums s JOIN award_types t ON t.code = s.award_code, json_each(${sql.raw(cuboids)}) k
  WHERE s.batch_id = ${batchId} AND s.id > ${lo} AND s.id <= ${hi}
  GROUP BY 1, 2, 3, ${sql.raw(inner)}
)
SELECT ${batchId}, g.cuboid, c.ancestor_id, g.year, ${sql.raw(ALL.map((d) => `g.${d.cube}`).join(', '))},
  ${sql.raw(String(sign))} * SUM(g.n)
FROM g JOIN unit_closure c ON c.unit_id = g.unit_id
WHERE true
GROUP BY 2, 3, 4, ${sql.raw(outer)}
ON CONFLICT (batch_id, cuboid, unit_id, year, ${sql.raw(CUBE_COLUMNS)}) DO UPDATE SET n = n + excluded.n`;
}

// Sums rows deleted per step, like raw awards (worker/queries/imports/batches.ts)
const DELETE_SLICE = 10_000;

/** The next slice of a batch's sums deleted (the batch was rolled back, cancelled or discarded). */
export const deleteSumsSlice = (batchId: number): SQL =>
  sql`DELETE FROM award_batch_sums WHERE id IN (SELECT id FROM award_batch_sums WHERE batch_id = ${batchId}
    LIMIT ${DELETE_SLICE})`;
