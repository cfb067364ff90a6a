import type { Bindings } from '../env';
import { actorOf } from '../auth/identity';
import { Cancelled, commitAwards, resumeBatch } from '../imports/lifecycle';
import { recordAudit } from '../queries/auth/audit';
import { discardStaging, findCommitted, getBatch, type ImportBatch } from '../queries/imports/batches';
import { FINAL_STAGES, getUpload, setProgress } from '../queries/uploads/uploads';
import { fault } from './faults';
import type { ImportParams } from './params';

/**
 * The commit step: the staged batch committed through the sliced, guarded, leased path of
 * lifecycle.ts. Run again after a failure or a crash, it takes the batch up where the cursor
 * stands (once the earlier attempt's lease is released or has run out), so every slice is
 * applied once. A cancel (DELETE /uploads/{id}) before the flip wins; after it, it is too late.
 */
export async function commitStep(
  env: Bindings,
  p: ImportParams,
  staged: { batchId: number; hash: string; rows: number },
): Promise<'committed' | 'duplicate' | 'stopped'> {
  const db = env.DB;
  const cost = { rowsRead: 0 };
  const u = await getUpload(db, cost, p.uploadId);
  const b = await getBatch(db, cost, staged.batchId);
  if (!u || FINAL_STAGES.includes(u.stage) || !b || b.status === 'rolled_back') return 'stopped';
  if (!(await setProgress(db, u.id, { stage: 'committing' }))) return 'stopped';
  const duplicate = async (of: ImportBatch) => {
    await discardStaging(db, cost, b.id);
    await setProgress(db, u.id, { stage: 'duplicate', result: { duplicate_of: of.id, batch: of } });
    return 'duplicate' as const;
  };
  if (b.status === 'staging') {
    const existing = await findCommitted(db, cost, b.dataset, staged.hash);
    if (existing) return duplicate(existing);
    let slices = 0;
    try {
      await commitAwards(db, cost, b.id, staged.hash, staged.rows, u.created_by, () => fault(env, 'commit', ++slices));
    } catch (e) {
      if (e instanceof Cancelled) return 'stopped';
      // the same file committed by a concurrent upload wins the unique index
      const raced = await findCommitted(db, cost, b.dataset, staged.hash);
      if (raced && raced.id !== b.id) return duplicate(raced);
      throw e;
    }
  } else if (!(await resumeBatch(db, cost, b.id, u.created_by))) {
    // the earlier attempt's lease is still live (it may still be running): the retry waits
    throw new Error(`import batch ${b.id} is busy; the step is tried again`);
  }
  const after = (await getBatch(db, cost, b.id))!;
  if (after.status !== 'committed') return 'stopped';
  await recordAudit(db, {
    actor: actorOf(p.who),
    action: 'import',
    target: `batch ${b.id}`,
    detail: { dataset: b.dataset, rows: after.rows, filename: b.filename, upload: u.id },
  });
  return 'committed';
}
