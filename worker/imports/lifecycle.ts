import type { ReadCost } from '../db/run';
import { batch } from '../db/run';
import { deleteSumsSlice } from '../queries/cube/sums';
import { deleteAwardRowsSlice, getBatch, type ImportBatch } from '../queries/imports/batches';
import { isGuardFailure } from '../queries/imports/guard';
import {
  acquireLease,
  cancelStatements,
  dropStep,
  expandStart,
  expandStatements,
  flipStatements,
  mergeStep,
  progressOf,
  releaseLease,
  renewLease,
  restartPhase,
  sliceStatements,
  smallDelta,
  startPhase,
  unfinished,
  type Phase,
} from '../queries/imports/transitions';

// Commit and rollback of awards batches, in steps short enough for D1 (one query at a time per
// database, 30 s per query and per batch): the awards not summed while staging are summed a slice
// of ids at a time, the batch's sums expanded into the cube change a slice at a time while
// invisible, made visible with the status flip, then merged into award_cube. Every step is
// guarded (worker/queries/imports/transitions.ts), so a crash leaves a batch that the next
// DELETE or the clean-up after GET /imports finishes from where it stopped.

// Award ids per sum slice: about 0.1 s of SQLite CPU per 25,000 awards, whatever their variety
// (docs/benchmarks.md), well inside the "about a second per statement" budget.
export const SLICE_IDS = 25_000;
// Sums ids per expand slice: the cost follows the sums rows (about 0.13 ms each at national scale,
// 47 delta rows apiece), so 800 keep a step near 0.1 s, like a merge step, and a reader waits at
// most about that long behind one; a million awards of the national benchmark are 87,000 sums
// rows, 100-110 slices (2,500 a slice took 0.32 s a step, docs/benchmarks.md).
export const EXPAND_IDS = 800;

/** The batch changed under a step (a DELETE cancelled the import it belonged to). */
export class Cancelled extends Error {}

// A short pause after each step lets the D1 calls of other requests in: in the local runtime a
// loop of back-to-back batches kept 20 readers waiting for the whole commit (measured: 152 s).
// Every step is kept near 0.1 s (the slice sizes above, MERGE_SLICE), so readers wait at most about
// one step. A pause as long as the step before (5-250 ms) doubled the commit's expansion at
// national scale for a longest reader wait no shorter (docs/benchmarks.md, 4 Dec 2026); before
// the steps were this short, a fixed 40 ms pause had made readers wait 1.4-1.8 times as long.
const PAUSE_MS = 5;

/** One guarded step (a slice, a phase's start, a cancel), after a short pause. */
async function step(db: D1Database, cost: ReadCost, statements: Parameters<typeof batch>[2]) {
  await new Promise((r) => setTimeout(r, PAUSE_MS));
  try {
    return await batch(db, cost, statements);
  } catch (e) {
    if (isGuardFailure(e)) throw new Cancelled();
    throw e;
  }
}

/**
 * Finishes whatever is left of a batch's work (the caller holds its lease): the slices of a
 * phase from its cursor, the flip, the merge of a visible delta or the drop of an invisible
 * one, and the deletion of a rolled-back batch's raw rows.
 */
export async function finish(
  db: D1Database,
  cost: ReadCost,
  id: number,
  by: string,
  afterSlice?: () => Promise<void>,
): Promise<void> {
  for (;;) {
    const p = await progressOf(db, cost, id);
    if (!p) return;
    const now = new Date().toISOString();
    if (p.status === 'committing' || p.status === 'rolling_back') {
      const phase = p.status as Phase;
      if (p.summed_to === null) {
        // left by the code before the sums: its invisible delta dropped, the phase begun again
        while (await dropStep(db, cost, id));
        await step(db, cost, restartPhase(id, phase));
        continue;
      }
      for (let lo = p.cursor; lo < p.until; lo = Math.min(lo + SLICE_IDS, p.until)) {
        await step(db, cost, sliceStatements(id, phase, lo, Math.min(lo + SLICE_IDS, p.until)));
        await afterSlice?.();
      }
      if (p.sums_until === null || p.sums_cursor === null) {
        await step(db, cost, expandStart(id, phase));
        continue;
      }
      for (let lo = p.sums_cursor; lo < p.sums_until; lo = Math.min(lo + EXPAND_IDS, p.sums_until)) {
        await step(db, cost, expandStatements(id, phase, lo, Math.min(lo + EXPAND_IDS, p.sums_until)));
        await afterSlice?.();
      }
      await step(db, cost, flipStatements(id, phase, by, now, await smallDelta(db, cost, id)));
      continue;
    }
    if (p.delta_visible) {
      while (await mergeStep(db, cost, id, now)) await new Promise((r) => setTimeout(r, PAUSE_MS));
      continue;
    }
    if (p.has_delta) while (await dropStep(db, cost, id));
    if (p.status === 'rolled_back' && p.has_sums)
      while ((await step(db, cost, [deleteSumsSlice(id), renewLease(id)]))[0].meta.changes);
    if (p.status === 'rolled_back' && p.has_rows)
      while ((await step(db, cost, [deleteAwardRowsSlice(id), renewLease(id)]))[0].meta.changes);
    return;
  }
}

export type Refusal = { error: string; error_vi: string; status: 404 | 409 };

async function busy(db: D1Database, cost: ReadCost, id: number): Promise<Refusal> {
  const b = (await getBatch(db, cost, id))!;
  const p = await progressOf(db, cost, id);
  const pct = b.progress === null ? '' : ` (${Math.round(b.progress * 100)}%)`;
  // a committed batch with a visible delta is a commit still merging
  const [en, vi] =
    b.status === 'committing' || (b.status === 'committed' && p?.delta_visible)
      ? ['is still being committed', 'đang được ghi nhận']
      : ['is already being rolled back', 'đang được hoàn tác'];
  return {
    error: `import batch ${b.id} ${en}${pct} by another request; wait until it is done`,
    error_vi: `lô nhập số ${b.id} ${vi}${pct} bởi một yêu cầu khác; hãy đợi đến khi xong`,
    status: 409,
  };
}

const already = (b: ImportBatch): Refusal => ({
  error: `import batch ${b.id} was already rolled back on ${b.rolled_back_at}`,
  error_vi: `lô nhập số ${b.id} đã được hoàn tác lúc ${b.rolled_back_at}`,
  status: 409,
});

/**
 * Commits a staged awards batch: the status moves to committing with the file's hash (the
 * unique index then refuses a second copy of the file), the slices, the flip, the merge.
 * Throws Cancelled if a DELETE cancelled the import meanwhile.
 */
export async function commitAwards(
  db: D1Database,
  cost: ReadCost,
  id: number,
  hash: string,
  rows: number,
  by: string,
  afterSlice?: () => Promise<void>,
): Promise<ImportBatch> {
  const owner = crypto.randomUUID();
  await step(db, cost, startPhase(id, 'committing', owner, { hash, rows }));
  try {
    await finish(db, cost, id, by, afterSlice);
  } finally {
    await releaseLease(db, cost, id, owner);
  }
  return (await getBatch(db, cost, id))!;
}

/**
 * Takes up a batch whose commit or rollback an earlier attempt left (a Workflow step run again):
 * false while someone else holds a live lease on it.
 */
export async function resumeBatch(db: D1Database, cost: ReadCost, id: number, by: string): Promise<boolean> {
  const owner = crypto.randomUUID();
  if (!(await acquireLease(db, cost, id, owner))) return false;
  try {
    await finish(db, cost, id, by);
  } finally {
    await releaseLease(db, cost, id, owner);
  }
  return true;
}

/**
 * Cancels an import that does not count yet (staging or committing), its invisible delta and raw
 * rows removed; 'too_late' once its flip made it count (then only a rollback undoes it).
 */
export async function cancelImport(
  db: D1Database,
  cost: ReadCost,
  id: number,
  by: string,
): Promise<'cancelled' | 'already' | 'too_late' | 'missing'> {
  const b = await getBatch(db, cost, id);
  if (!b) return 'missing';
  if (b.status === 'rolled_back') return 'already';
  if (b.status !== 'staging' && b.status !== 'committing') return 'too_late';
  const owner = crypto.randomUUID();
  try {
    await step(db, cost, cancelStatements(id, b.status, owner, by, new Date().toISOString()));
  } catch (e) {
    if (!(e instanceof Cancelled)) throw e;
    return cancelImport(db, cost, id, by); // it moved on meanwhile: decide again
  }
  try {
    await finish(db, cost, id, by);
  } finally {
    await releaseLease(db, cost, id, owner);
  }
  return 'cancelled';
}

/** DELETE of an awards batch: a cancel, a rollback, or the rest of one a crash interrupted. */
export async function rollbackAwards(
  db: D1Database,
  cost: ReadCost,
  b: ImportBatch,
  by: string,
): Promise<{ batch: ImportBatch } | Refusal> {
  const owner = crypto.randomUUID();
  const id = b.id;
  const cancel = b.status === 'staging' || b.status === 'committing';
  if (cancel) {
    try {
      await step(
        db,
        cost,
        cancelStatements(id, b.status as 'staging' | 'committing', owner, by, new Date().toISOString()),
      );
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
      // it moved on meanwhile (committed, or cancelled by someone else): decide again
      return rollbackAwards(db, cost, (await getBatch(db, cost, id))!, by);
    }
  } else if (!(await acquireLease(db, cost, id, owner))) {
    return busy(db, cost, id);
  }
  try {
    const p = (await progressOf(db, cost, id))!;
    // someone else's rollback finished before this one could start
    if (!cancel && p.status === 'rolled_back' && !p.has_rows && !p.has_sums && !p.has_delta && !p.delta_visible)
      return already((await getBatch(db, cost, id))!);
    if (p.status === 'committed') {
      await finish(db, cost, id, by); // a commit's merge left by a crash
      try {
        await step(db, cost, startPhase(id, 'rolling_back', owner, { by }));
      } catch (e) {
        if (e instanceof Cancelled) return busy(db, cost, id);
        throw e;
      }
    }
    await finish(db, cost, id, by);
  } finally {
    await releaseLease(db, cost, id, owner);
  }
  return { batch: (await getBatch(db, cost, id))! };
}

/**
 * Finishes the batches crashed requests left half done (expired leases), oldest first, until
 * `budgetMs` has passed; what is left is taken up by the next call.
 */
export async function resumeUnfinished(db: D1Database, cost: ReadCost, budgetMs: number): Promise<number[]> {
  const started = Date.now();
  const done: number[] = [];
  for (const id of await unfinished(db, cost)) {
    if (Date.now() - started > budgetMs) break;
    const owner = crypto.randomUUID();
    if (!(await acquireLease(db, cost, id, owner))) continue;
    try {
      await finish(db, cost, id, 'clean-up');
      done.push(id);
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
    } finally {
      await releaseLease(db, cost, id, owner);
    }
  }
  return done;
}
