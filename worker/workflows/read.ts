import type { Bindings } from '../env';
import { importRight } from '../imports/access';
import { DATASET_DEFS } from '../imports/datasets';
import { answer } from '../imports/request';
import { runImport } from '../imports/run';
import { openSource } from '../imports/sources/open';
import { FileError } from '../imports/sources/types';
import { loadGeography } from '../queries/geography';
import { discardStaging, getBatch } from '../queries/imports/batches';
import { createUploadBatch, FINAL_STAGES, getUpload, setProgress, UploadCancelled } from '../queries/uploads/uploads';
import { fault } from './faults';
import type { ImportParams, ReadResult } from './params';

/**
 * The read step: the file from R2 read, checked and staged by the one-request path's own
 * pipeline (runImport, as a part of an upload in parts), so rows, errors and error groups are
 * the same. Run again after a failure or a crash, it first removes what the earlier attempt
 * staged (its batch never counted), then starts over: the step is idempotent.
 */
export async function readStep(env: Bindings, p: ImportParams): Promise<ReadResult> {
  const db = env.DB;
  const cost = { rowsRead: 0 };
  const stopped: ReadResult = { kind: 'stopped' };
  const u = await getUpload(db, cost, p.uploadId);
  if (!u || FINAL_STAGES.includes(u.stage)) return stopped;
  if (u.batch_id !== null) {
    const earlier = await getBatch(db, cost, u.batch_id);
    if (earlier && earlier.status !== 'staging') return stopped; // cancelled meanwhile
    if (earlier) await discardStaging(db, cost, earlier.id);
  }
  const invalid = (body: Record<string, unknown>, counts: { read?: number; checked?: number; errors?: number } = {}) =>
    setProgress(db, u.id, { stage: 'invalid', result: body, ...counts }).then(() => stopped);

  const right = importRight(p.who, u.dataset, await loadGeography(db, cost));
  if ('refused' in right)
    return invalid({ error: `Forbidden: ${right.refused}`, error_vi: `Không có quyền: ${right.refused_vi}` });
  const object = await env.UPLOADS.get(p.key);
  if (!object)
    return invalid({
      error: 'the uploaded file is no longer in storage; upload it again',
      error_vi: 'tệp đã tải lên không còn trong kho lưu trữ; hãy tải lên lại',
    });
  const req = new Request('https://upload.invalid/', {
    method: 'POST',
    headers: { 'content-type': u.content_type, 'content-length': String(object.size) },
    body: object.body,
  });
  let batchId: number | undefined;
  try {
    const source = await openSource(req);
    batchId = await createUploadBatch(db, u, source.format);
    const outcome = await runImport({
      db,
      cost,
      def: DATASET_DEFS[u.dataset],
      source: source.source,
      dryRun: false,
      filename: u.filename,
      format: source.format,
      createdBy: u.created_by,
      part: { batchId, firstRow: 1 },
      allowed: right.allowed,
      defaults: p.defaults,
      classFromPosition: p.classFromPosition,
      onProgress: async (q) => {
        if (!(await setProgress(db, u.id, { stage: 'reading', ...q }))) throw new UploadCancelled();
        // a timer turn lets the isolate's other requests in (under wrangler dev the steps share it)
        await new Promise((r) => setTimeout(r, 1));
        await fault(env, 'read', q.read);
      },
    });
    if (outcome.kind === 'invalid') {
      const body = answer(outcome, u.dataset, undefined).body;
      return invalid(body, { read: outcome.rows, checked: outcome.rows, errors: outcome.total });
    }
    if (outcome.kind !== 'staged') return stopped; // cancelled
    const { batch: _, ...notes } = answer(outcome, u.dataset, undefined).body;
    const rows = outcome.batch.rows;
    await setProgress(db, u.id, { stage: 'reading', read: rows, checked: rows, errors: 0, result: notes });
    return { kind: 'staged', batchId, hash: await source.source.hash(), rows };
  } catch (e) {
    if (e instanceof UploadCancelled) return stopped;
    if (e instanceof FileError) {
      if (batchId !== undefined) await discardStaging(db, cost, batchId);
      return invalid({ error: `${e.message} Nothing was imported.`, error_vi: `${e.vi} Không dòng nào được nhập.` });
    }
    throw e;
  }
}
