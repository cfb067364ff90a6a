import { sql, type SQL } from 'drizzle-orm';
import { KEY_COLUMNS } from '../../federation/cubeColumns';
import type { Dataset } from '../../domain/enums';
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

const HAS_OUTBOX = sql`EXISTS (SELECT 1 FROM federation_outbox WHERE id = 1)`;

/**
 * Before a units or movements batch is deleted on a province: the codes of its rows, so that the
 * changes still pending for them can be named on the wire (the national then removes the units).
 */
export function keepRemovedCodes(dataset: Dataset, batchId: number): SQL[] {
  if (dataset !== 'units' && dataset !== 'movements') return [];
  const kind = dataset === 'units' ? 'unit' : 'movement';
  return [
    sql`INSERT OR REPLACE INTO federation_removed (kind, id, code)
      SELECT ${kind}, id, code FROM ${sql.identifier(dataset)} WHERE batch_id = ${batchId} AND ${HAS_OUTBOX}`,
  ];
}

// a pending key's unit and movement ids, by position in the key
const AT = (column: string) => sql.raw(`json_extract(k, '$[${KEY_COLUMNS.indexOf(column)}]')`);

/** Removed codes no pending change refers to any more (after an acknowledgement). */
export const forgetRemovedCodes = (): SQL =>
  sql`DELETE FROM federation_removed WHERE NOT EXISTS (SELECT 1 FROM federation_pending
    WHERE (federation_removed.kind = 'unit' AND ${AT('unit_id')} = federation_removed.id)
       OR (federation_removed.kind = 'movement' AND ${AT('movement_id')} = federation_removed.id))`;
