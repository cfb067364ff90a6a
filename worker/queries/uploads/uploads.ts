import { sql } from 'drizzle-orm';
import { all, batch, first, type ReadCost } from '../../db/run';
import type { Dataset } from '../../domain/enums';
import type { UploadStage } from '../../db/schema';
import { isGuardFailure } from '../imports/guard';

// The progress rows of big files imported by the Workflow (worker/workflows/import.ts).

export interface Upload {
  id: string;
  dataset: Dataset;
  filename: string | null;
  content_type: string;
  size: number;
  multipart_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  stage: UploadStage;
  rows_read: number;
  rows_checked: number;
  errors: number;
  batch_id: number | null;
  result: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
}

/** Stages after which nothing more happens to an upload. */
export const FINAL_STAGES: readonly UploadStage[] = ['done', 'invalid', 'duplicate', 'cancelled', 'failed'];
const finalList = sql.join(
  FINAL_STAGES.map((s) => sql`${s}`),
  sql`, `,
);
const now = () => new Date().toISOString();

export function getUpload(db: D1Database, cost: ReadCost, id: string): Promise<Upload | null> {
  return first<Upload>(db, cost, sql`SELECT * FROM uploads WHERE id = ${id}`);
}

export function listUploads(db: D1Database, cost: ReadCost, limit: number): Promise<Upload[]> {
  return all<Upload>(db, cost, sql`SELECT * FROM uploads ORDER BY created_at DESC, id DESC LIMIT ${limit}`);
}

export async function createUpload(
  db: D1Database,
  u: Pick<Upload, 'id' | 'dataset' | 'filename' | 'content_type' | 'size' | 'created_by' | 'stage' | 'multipart_id'>,
): Promise<void> {
  const t = now();
  await batch(db, { rowsRead: 0 }, [
    sql`INSERT INTO uploads (id, dataset, filename, content_type, size, multipart_id, created_by, created_at,
  updated_at, stage) VALUES (${u.id}, ${u.dataset}, ${u.filename}, ${u.content_type}, ${u.size}, ${u.multipart_id},
  ${u.created_by}, ${t}, ${t}, ${u.stage})`,
  ]);
}

/** Records a part of a multipart upload (sent again, it replaces the first copy). */
export async function addUploadPart(db: D1Database, id: string, part: number, etag: string, size: number) {
  await batch(db, { rowsRead: 0 }, [
    sql`INSERT INTO upload_parts (upload_id, part, etag, size) VALUES (${id}, ${part}, ${etag}, ${size})
ON CONFLICT (upload_id, part) DO UPDATE SET etag = excluded.etag, size = excluded.size`,
  ]);
}

export function uploadParts(db: D1Database, cost: ReadCost, id: string) {
  return all<{ part: number; etag: string; size: number }>(
    db,
    cost,
    sql`SELECT part, etag, size FROM upload_parts WHERE upload_id = ${id} ORDER BY part`,
  );
}

/** receiving -> queued once the parts are put together; false if it was not receiving (a race). */
export async function markQueued(db: D1Database, id: string, size: number): Promise<boolean> {
  const [res] = await batch(db, { rowsRead: 0 }, [
    sql`UPDATE uploads SET stage = 'queued', size = ${size}, updated_at = ${now()}
WHERE id = ${id} AND stage = 'receiving'`,
  ]);
  return res.meta.changes > 0;
}

/**
 * Moves an upload on (and its counters), unless it is cancelled or finished: false then, and the
 * Workflow stops. A cancel therefore always wins over progress written after it.
 */
export async function setProgress(
  db: D1Database,
  id: string,
  p: { stage: UploadStage; read?: number; checked?: number; errors?: number; result?: unknown },
): Promise<boolean> {
  const [res] = await batch(db, { rowsRead: 0 }, [
    sql`UPDATE uploads SET stage = ${p.stage}, rows_read = COALESCE(${p.read ?? null}, rows_read),
  rows_checked = COALESCE(${p.checked ?? null}, rows_checked), errors = COALESCE(${p.errors ?? null}, errors),
  result = COALESCE(${p.result === undefined ? null : JSON.stringify(p.result)}, result), updated_at = ${now()}
WHERE id = ${id} AND stage NOT IN (${finalList})`,
  ]);
  return res.meta.changes > 0;
}

/**
 * Creates the staging batch an upload's rows go to, in one transaction with its link from the
 * upload, and only while the upload is not cancelled or finished (the guard), so a cancel either
 * finds the batch or stops its creation.
 */
export async function createUploadBatch(
  db: D1Database,
  u: Pick<Upload, 'id' | 'dataset' | 'filename' | 'created_by'>,
  format: string,
): Promise<number> {
  const t = now();
  let res: D1Result[];
  try {
    res = await batch(db, { rowsRead: 0 }, [
      // the guard of worker/queries/imports/guard.ts, over the upload: the CHECK fails, all is undone
      sql`INSERT INTO import_guard (batch_id) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM uploads WHERE id = ${u.id}
  AND stage IN ('queued', 'reading'))`,
      sql`INSERT INTO import_batches (dataset, filename, format, content_hash, rows, created_by, created_at, status)
VALUES (${u.dataset}, ${u.filename}, ${format}, ${`pending-${crypto.randomUUID()}`}, 0, ${u.created_by}, ${t},
  'staging')`,
      sql`UPDATE uploads SET batch_id = last_insert_rowid(), stage = 'reading', updated_at = ${t}
WHERE id = ${u.id} AND stage IN ('queued', 'reading')`,
      sql`SELECT batch_id FROM uploads WHERE id = ${u.id}`,
    ]);
  } catch (e) {
    if (isGuardFailure(e)) throw new UploadCancelled();
    throw e;
  }
  return (res[3].results[0] as { batch_id: number }).batch_id;
}

/** The upload was cancelled (or finished) under the Workflow. */
export class UploadCancelled extends Error {}

/**
 * Marks an upload cancelled if it is still running and its batch is still `batchId` (null: it had
 * none); false if it moved on meanwhile, so the caller looks again.
 */
export async function markCancelled(db: D1Database, id: string, batchId: number | null, by: string) {
  const t = now();
  const [res] = await batch(db, { rowsRead: 0 }, [
    sql`UPDATE uploads SET stage = 'cancelled', cancelled_at = ${t}, cancelled_by = ${by}, updated_at = ${t}
WHERE id = ${id} AND stage NOT IN (${finalList}) AND batch_id IS ${batchId}`,
  ]);
  return res.meta.changes > 0;
}
