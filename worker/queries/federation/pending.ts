import { sql, type SQL } from 'drizzle-orm';
import { KEY_COLUMNS } from '../../federation/cubeColumns';
import { ROOT_UNIT_ID } from '../cube/root';

/** A cube key as the JSON array of award_cube's key columns (federation_pending.k, the wire's row key). */
export const cubeKey = sql`json_array(${sql.join(
  KEY_COLUMNS.map((c) => sql.identifier(c)),
  sql`, `,
)})`;

/**
 * The delta rows a merge moves into award_cube, added to what the national has not acknowledged
 * yet; run in the merge's own transaction, before the rows are deleted, so a push is exactly the
 * batches merged since the last one (no comparison of the whole cube). Only once the instance is
 * a province that has tried to push (the outbox row exists): a stand-alone one keeps nothing. The
 * virtual root stays home: the national sums its own over all provinces.
 */
export const pendingFromDelta = (where: SQL): SQL =>
  sql`INSERT INTO federation_pending (k, n)
SELECT ${cubeKey}, n FROM award_cube_delta
WHERE ${where} AND unit_id <> ${sql.raw(String(ROOT_UNIT_ID))} AND EXISTS (SELECT 1 FROM federation_outbox WHERE id = 1)
ON CONFLICT (k) DO UPDATE SET n = n + excluded.n`;
