import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from 'cloudflare:workers';
import type { Bindings } from '../env';
import { pushIfProvince } from '../federation/hook';
import { cancelImport } from '../imports/lifecycle';
import { getUpload, setProgress } from '../queries/uploads/uploads';
import { commitStep } from './commit';
import type { ImportParams } from './params';
import { readStep } from './read';

// A big file's import as a Workflow: each step's result is stored, so after a crash or a deploy
// the instance runs again from its first unfinished step, and a step that fails is retried.
// Every step is idempotent (read.ts, commit.ts). Progress is in the uploads table, not in the
// instance's status, so the Dữ liệu page reads it with the rest of the data.

const READ = { retries: { limit: 3, delay: '5 seconds', backoff: 'exponential' }, timeout: '30 minutes' } as const;
// a commit retried after a crash waits for the dead attempt's 30 s lease to run out
const COMMIT = { retries: { limit: 10, delay: '10 seconds', backoff: 'linear' }, timeout: '30 minutes' } as const;
const CLEANUP = { retries: { limit: 5, delay: '5 seconds', backoff: 'exponential' } } as const;

export class ImportWorkflow extends WorkflowEntrypoint<Bindings, ImportParams> {
  async run(event: Readonly<WorkflowEvent<ImportParams>>, step: WorkflowStep): Promise<string> {
    const p = event.payload;
    try {
      const read = await step.do('read', READ, () => readStep(this.env, p));
      const outcome =
        read.kind === 'staged' ? await step.do('commit', COMMIT, () => commitStep(this.env, p, read)) : 'stopped';
      await step.do('cleanup', CLEANUP, async () => {
        if (outcome === 'committed') await setProgress(this.env.DB, p.uploadId, { stage: 'cleanup' });
        await this.env.UPLOADS.delete(p.key);
        if (outcome === 'committed') await setProgress(this.env.DB, p.uploadId, { stage: 'done' });
        return outcome;
      });
      // a province brings the national up to date at once (a failed push waits for the next one)
      if (outcome === 'committed') await step.do('federation', CLEANUP, () => pushIfProvince(this.env));
      return outcome;
    } catch (e) {
      // retries used up: the upload says so, its batch (never counted) is cancelled, the file removed
      await step.do('give up', CLEANUP, async () => {
        const cost = { rowsRead: 0 };
        const u = await getUpload(this.env.DB, cost, p.uploadId);
        // a commit that got through its flip counts: only the clean-up failed
        if (u?.batch_id && (await cancelImport(this.env.DB, cost, u.batch_id, 'import workflow')) === 'too_late') {
          await setProgress(this.env.DB, p.uploadId, { stage: 'done' });
          return;
        }
        const message = e instanceof Error ? e.message : String(e);
        await setProgress(this.env.DB, p.uploadId, {
          stage: 'failed',
          result: { error: `the import failed: ${message}`, error_vi: `nhập dữ liệu thất bại: ${message}` },
        });
        await this.env.UPLOADS.delete(p.key);
      });
      throw e;
    }
  }
}
