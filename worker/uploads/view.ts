import type { ReadCost } from '../db/run';
import { getBatch } from '../queries/imports/batches';
import { FINAL_STAGES, type Upload } from '../queries/uploads/uploads';

/** An upload as the API answers it: its progress, the batch's commit progress, what it found. */
export async function viewUpload(db: D1Database, cost: ReadCost, u: Upload) {
  const batch = u.batch_id === null ? null : await getBatch(db, cost, u.batch_id);
  const running = !FINAL_STAGES.includes(u.stage);
  return {
    id: u.id,
    dataset: u.dataset,
    filename: u.filename,
    size: u.size,
    stage: u.stage,
    rows_read: u.rows_read,
    rows_checked: u.rows_checked,
    errors: u.errors,
    batch_id: u.batch_id,
    batch_status: batch?.status ?? null,
    progress: batch?.progress ?? null,
    created_by: u.created_by,
    created_at: u.created_at,
    updated_at: u.updated_at,
    cancelled_at: u.cancelled_at,
    cancelled_by: u.cancelled_by,
    // once the flip made the batch count, only a rollback (DELETE /imports/{id}) undoes it
    can_cancel: running && (batch === null || batch.status === 'staging' || batch.status === 'committing'),
    result: u.result === null ? null : (JSON.parse(u.result) as Record<string, unknown>),
  };
}

export type UploadView = Awaited<ReturnType<typeof viewUpload>>;
