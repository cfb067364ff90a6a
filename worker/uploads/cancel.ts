import type { ReadCost } from '../db/run';
import type { Bindings } from '../env';
import { conflict } from '../errors';
import { cancelImport } from '../imports/lifecycle';
import { FINAL_STAGES, getUpload, markCancelled, type Upload } from '../queries/uploads/uploads';
import { uploadKey } from '../workflows/params';

/**
 * DELETE /uploads/{id}: stops an upload before its batch counts. The batch (if the Workflow made
 * one) is cancelled by the guarded compare-and-set of lifecycle.ts, which also stops the
 * Workflow's next staged write or slice; then the upload is marked, unless its batch changed
 * meanwhile (then it looks again). Then the instance is terminated and the file removed here:
 * an instance that will not run again (a local one after a restart does not resume) would never
 * reach its clean-up step, and nothing is left for a live one to do. An upload still receiving
 * parts has its R2 upload aborted instead.
 */
export async function cancelUpload(env: Bindings, cost: ReadCost, u: Upload, by: string): Promise<Upload> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (u.stage === 'cancelled')
      throw conflict({
        en: `upload ${u.id} was already cancelled by ${u.cancelled_by} on ${u.cancelled_at}`,
        vi: `lần tải lên ${u.id} đã được ${u.cancelled_by} hủy lúc ${u.cancelled_at}`,
      });
    if (FINAL_STAGES.includes(u.stage)) throw finished(u);
    if (u.batch_id !== null && (await cancelImport(env.DB, cost, u.batch_id, by)) === 'too_late') throw finished(u);
    if (await markCancelled(env.DB, u.id, u.batch_id, by)) {
      if (u.multipart_id && u.stage === 'receiving')
        await env.UPLOADS.resumeMultipartUpload(uploadKey(u.id), u.multipart_id).abort();
      else await stopWorkflow(env, u.id);
      return (await getUpload(env.DB, cost, u.id))!;
    }
    u = (await getUpload(env.DB, cost, u.id))!;
  }
  throw conflict({
    en: `upload ${u.id} kept changing while being cancelled; try again`,
    vi: `lần tải lên ${u.id} liên tục thay đổi trong khi hủy; hãy thử lại`,
  });
}

const finished = (u: Upload) =>
  conflict({
    en:
      u.stage === 'done' || u.stage === 'committing' || u.stage === 'cleanup'
        ? `upload ${u.id} is already imported (batch ${u.batch_id}): roll the batch back instead`
        : `upload ${u.id} has ended (${u.stage}): there is nothing to cancel`,
    vi:
      u.stage === 'done' || u.stage === 'committing' || u.stage === 'cleanup'
        ? `lần tải lên ${u.id} đã được nhập (lô số ${u.batch_id}): hãy hoàn tác lô đó`
        : `lần tải lên ${u.id} đã kết thúc (${u.stage}): không còn gì để hủy`,
  });

/** Terminates an upload's Workflow instance and removes its file; an ended instance is left as it is. */
async function stopWorkflow(env: Bindings, id: string): Promise<void> {
  try {
    const instance = await env.IMPORT_WORKFLOW.get(id);
    const { status } = await instance.status();
    if (!['complete', 'errored', 'terminated'].includes(status)) await instance.terminate();
  } catch {
    // no instance (it was never started) or it ended in between: nothing to stop
  }
  await env.UPLOADS.delete(uploadKey(id));
}
