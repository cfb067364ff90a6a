import { sql, type SQL } from 'drizzle-orm';
import { batch, first, type ReadCost } from '../../db/run';
import { dropDeltaSlice, mergeDeltaSlice, mergeWholeDelta } from '../cube/refresh';
import { expandSums, sumSlice } from '../cube/sums';
import { bumpVersion } from './batches';
import { guard } from './guard';

// The statements of an awards batch's life, each change a guarded compare-and-set in the same
// D1 batch (one transaction) as the cube change it permits:
//
//   staging --start--> committing --sum slices--> --expand slices--> --flip--> committed (delta
//   visible) --merge--> committed --start--> rolling_back --expand slices--> --flip--> rolled_back
//   (delta visible) --merge--> --sums and raw rows deleted--> done
//
// A DELETE of a staging or committing batch cancels it: straight to rolled_back, its invisible
// delta, its sums and its rows deleted. A phase has two sub-phases, each with its cursor in its
// slices' guard, so a slice is applied once even if two requests try it: (a) sum slices, ranges
// of award ids after cube_cursor not summed yet (staging sums its rows as it writes them, so a
// commit usually has none, and a rollback of a batch committed with its sums none either), then
// (b) expand slices, ranges of the batch's award_batch_sums ids after sums_cursor, into the
// invisible delta (worker/queries/cube/sums.ts). The delta is empty during (a).

export type Phase = 'committing' | 'rolling_back';

const STATUS_BEFORE: Record<Phase, string> = { committing: 'staging', rolling_back: 'committed' };

/** Leases last this long past the last step; a step takes well under a second. */
export const LEASE_MS = 30_000;
const leaseUntil = (now = Date.now()) => new Date(now + LEASE_MS).toISOString();

/**
 * Starts a phase: the status moves on and the sum cursor spans the batch's award ids that are not
 * summed yet (none, for a batch staged or committed with its sums). A rollback starts only from a
 * committed batch whose commit delta is merged (one delta per batch).
 */
export function startPhase(
  id: number,
  phase: Phase,
  owner: string,
  o: { hash?: string; rows?: number; by?: string } = {},
): SQL[] {
  const ids = sql`FROM awards WHERE batch_id = ${id}`;
  // no sums yet: the sums cover the (no) awards up to the batch's first id
  const summed = sql`COALESCE(summed_to, (SELECT COALESCE(MIN(id), 1) - 1 ${ids}))`;
  return [
    guard(
      id,
      sql`b.status = ${STATUS_BEFORE[phase]} AND b.delta_visible = 0 AND NOT EXISTS (SELECT 1 FROM
        award_cube_delta WHERE batch_id = ${id})`,
    ),
    sql`UPDATE import_batches SET status = ${phase},
  content_hash = COALESCE(${o.hash ?? null}, content_hash), rows = COALESCE(${o.rows ?? null}, rows),
  rolled_back_by = COALESCE(${o.by ?? null}, rolled_back_by),
  cube_from = ${summed}, cube_cursor = ${summed}, summed_to = ${summed},
  cube_until = (SELECT COALESCE(MAX(id), 0) ${ids}), sums_from = NULL, sums_cursor = NULL, sums_until = NULL,
  lease_owner = ${owner}, lease_until = ${leaseUntil()}
WHERE id = ${id}`,
  ];
}

/** (a) One slice of award ids (lo, hi] added to the batch's sums, and the cursor moved on. */
export function sliceStatements(id: number, phase: Phase, lo: number, hi: number): SQL[] {
  return [
    guard(id, sql`b.status = ${phase} AND b.cube_cursor = ${lo} AND b.summed_to = ${lo}`),
    sumSlice(id, lo, hi),
    sql`UPDATE import_batches SET cube_cursor = ${hi}, summed_to = ${hi}, lease_until = ${leaseUntil()}
WHERE id = ${id}`,
  ];
}

/** (a) to (b): the awards are all summed; the expand cursor spans the batch's sums ids. */
export function expandStart(id: number, phase: Phase): SQL[] {
  const sums = sql`FROM award_batch_sums WHERE batch_id = ${id}`;
  const from = sql`(SELECT COALESCE(MIN(id), 1) - 1 ${sums})`;
  return [
    guard(id, sql`b.status = ${phase} AND b.cube_cursor >= b.cube_until AND b.sums_until IS NULL`),
    sql`UPDATE import_batches SET sums_from = ${from}, sums_cursor = ${from},
  sums_until = (SELECT COALESCE(MAX(id), 0) ${sums}), lease_until = ${leaseUntil()} WHERE id = ${id}`,
  ];
}

/** (b) One slice of sums ids (lo, hi] into the batch's invisible delta, and the cursor moved on. */
export function expandStatements(id: number, phase: Phase, lo: number, hi: number): SQL[] {
  return [
    guard(id, sql`b.status = ${phase} AND b.cube_cursor >= b.cube_until AND b.sums_cursor = ${lo}`),
    expandSums(id, phase === 'committing' ? 1 : -1, lo, hi),
    sql`UPDATE import_batches SET sums_cursor = ${hi}, lease_until = ${leaseUntil()} WHERE id = ${id}`,
  ];
}

/**
 * A phase that code from before the sums left half done (no summed_to; its slices went straight
 * into the delta, which the caller dropped first): started again from the batch's first award.
 */
export function restartPhase(id: number, phase: Phase): SQL[] {
  return [
    guard(
      id,
      sql`b.status = ${phase} AND b.summed_to IS NULL AND b.delta_visible = 0 AND NOT EXISTS (SELECT 1 FROM
        award_cube_delta WHERE batch_id = ${id})`,
    ),
    sql`UPDATE import_batches SET cube_cursor = cube_from, summed_to = cube_from, sums_from = NULL,
  sums_cursor = NULL, sums_until = NULL, lease_until = ${leaseUntil()} WHERE id = ${id}`,
  ];
}

/**
 * The flip: status and delta visibility change together with the data version, so a reader
 * sees the whole batch or none of it. A delta of at most one merge slice is merged in the same
 * transaction instead (one short step, and one version change).
 */
export function flipStatements(id: number, phase: Phase, by: string, now: string, small = false): SQL[] {
  const done = sql`UPDATE import_batches SET delta_visible = ${small ? 0 : 1}, lease_until = ${leaseUntil()},`;
  return [
    guard(
      id,
      sql`b.status = ${phase} AND b.cube_cursor >= b.cube_until AND b.sums_until IS NOT NULL AND
        b.sums_cursor >= b.sums_until`,
    ),
    phase === 'committing'
      ? sql`${done} status = 'committed' WHERE id = ${id}`
      : sql`${done} status = 'rolled_back', rolled_back_at = ${now}, rolled_back_by = COALESCE(rolled_back_by,
        ${by}) WHERE id = ${id}`,
    ...(small ? mergeWholeDelta(id) : []),
    bumpVersion(now),
  ];
}

/** Whether a batch's delta fits one merge slice (so the flip can merge it at once). */
export async function smallDelta(db: D1Database, cost: ReadCost, id: number): Promise<boolean> {
  const row = await first<{ n: number }>(
    db,
    cost,
    sql`SELECT COUNT(*) AS n FROM (SELECT 1 FROM award_cube_delta WHERE batch_id = ${id} LIMIT ${MERGE_SLICE + 1})`,
  );
  return (row?.n ?? 0) <= MERGE_SLICE;
}

/** A cancelled import (staging or committing): nothing of it ever counted, nothing will. */
export function cancelStatements(
  id: number,
  from: 'staging' | 'committing',
  owner: string,
  by: string,
  now: string,
): SQL[] {
  return [
    guard(id, sql`b.status = ${from}`),
    sql`UPDATE import_batches SET status = 'rolled_back', rolled_back_at = ${now}, rolled_back_by = ${by},
  lease_owner = ${owner}, lease_until = ${leaseUntil()} WHERE id = ${id}`,
  ];
}

// A merge slice touches at most this many cube keys; a 1M-row batch has about 200,000.
const MERGE_SLICE = 5_000;

/** Moves one slice of a visible delta into award_cube; false once none was left. */
export async function mergeStep(
  db: D1Database,
  cost: ReadCost,
  id: number,
  now: string,
  limit = MERGE_SLICE,
): Promise<boolean> {
  const res = await batch(db, cost, [
    guard(id, sql`b.delta_visible = 1`),
    ...mergeDeltaSlice(id, limit),
    sql`UPDATE import_batches SET lease_until = ${leaseUntil()} WHERE id = ${id}`,
  ]);
  if (res[3].meta.changes) return true; // the delta rows deleted (mergeDeltaSlice's third)
  // merged: the batch no longer needs its delta read; the version tells caches (the year range
  // in meta comes from the cube alone)
  await batch(db, cost, [
    sql`UPDATE import_batches SET delta_visible = 0 WHERE id = ${id} AND NOT EXISTS (SELECT 1 FROM
      award_cube_delta WHERE batch_id = ${id})`,
    bumpVersion(now),
  ]);
  return false;
}

/** Deletes one slice of a delta that never became visible; false once none was left. */
export async function dropStep(db: D1Database, cost: ReadCost, id: number): Promise<boolean> {
  const [res] = await batch(db, cost, [
    dropDeltaSlice(id, MERGE_SLICE),
    sql`UPDATE import_batches SET lease_until = ${leaseUntil()} WHERE id = ${id}`,
  ]);
  return res.meta.changes > 0;
}

/** Keeps the lease of a long step sequence (row deletion) alive, so nobody takes it over. */
export const renewLease = (id: number): SQL =>
  sql`UPDATE import_batches SET lease_until = ${leaseUntil()} WHERE id = ${id}`;

/** Takes the batch's lease if nobody holds a live one. */
export async function acquireLease(db: D1Database, cost: ReadCost, id: number, owner: string): Promise<boolean> {
  const now = new Date().toISOString();
  const [res] = await batch(db, cost, [
    sql`UPDATE import_batches SET lease_owner = ${owner}, lease_until = ${leaseUntil()}
WHERE id = ${id} AND (lease_until IS NULL OR lease_until < ${now} OR lease_owner = ${owner})`,
  ]);
  return res.meta.changes > 0;
}

export async function releaseLease(db: D1Database, cost: ReadCost, id: number, owner: string): Promise<void> {
  await batch(db, cost, [
    sql`UPDATE import_batches SET lease_owner = NULL, lease_until = NULL WHERE id = ${id} AND lease_owner = ${owner}`,
  ]);
}

export interface Progress {
  status: string;
  /** (a): award ids summed up to cursor, the last is until; summed_to null = no sums at all */
  cursor: number;
  until: number;
  summed_to: number | null;
  /** (b): sums ids expanded up to sums_cursor, the last is sums_until (null until (b) starts) */
  sums_cursor: number | null;
  sums_until: number | null;
  delta_visible: number;
  has_delta: number;
  has_sums: number;
  has_rows: number;
}

/** Where a batch's work stands: what a resumed request continues from. */
export function progressOf(db: D1Database, cost: ReadCost, id: number): Promise<Progress | null> {
  return first<Progress>(
    db,
    cost,
    sql`SELECT status, COALESCE(cube_cursor, 0) AS cursor, COALESCE(cube_until, 0) AS until, summed_to, sums_cursor,
  sums_until, delta_visible, EXISTS (SELECT 1 FROM award_cube_delta WHERE batch_id = ${id}) AS has_delta,
  EXISTS (SELECT 1 FROM award_batch_sums WHERE batch_id = ${id}) AS has_sums,
  EXISTS (SELECT 1 FROM awards WHERE batch_id = ${id}) AS has_rows
FROM import_batches WHERE id = ${id}`,
  );
}

/**
 * Batches a crashed request left half done, whose lease has run out: a commit or rollback under
 * way, a visible delta not yet merged, or a rolled-back batch with a delta, sums or raw rows left.
 */
export async function unfinished(db: D1Database, cost: ReadCost): Promise<number[]> {
  const now = new Date().toISOString();
  const rows = await batch(db, cost, [
    sql`SELECT id FROM import_batches b
WHERE (b.lease_until IS NULL OR b.lease_until < ${now})
  AND (b.status IN ('committing', 'rolling_back') OR b.delta_visible = 1
    OR (b.status = 'rolled_back' AND (EXISTS (SELECT 1 FROM awards WHERE batch_id = b.id) OR EXISTS (SELECT 1
      FROM award_cube_delta WHERE batch_id = b.id) OR EXISTS (SELECT 1 FROM award_batch_sums WHERE batch_id = b.id))))
ORDER BY id`,
  ]);
  return (rows[0].results as { id: number }[]).map((r) => r.id);
}
