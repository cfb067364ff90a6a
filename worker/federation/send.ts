import type { ReadCost } from '../db/run';
import {
  acknowledge,
  needFull,
  noteError,
  outbox,
  readSnapshot,
  releaseLease,
  takeLease,
} from '../queries/federation/outbox';
import { buildPush, deliver, LEASE_MS, provinceOf, type Transport } from './push';
import { DEFAULT_SLICE_ROWS, sendResync } from './resyncSend';
import { signPush } from './signature';

export { httpsTransport, type Transport } from './push';

// The province side: after a commit or rollback is merged, bring the national copy to the
// current data version. Ordered and idempotent by version: each push is the net change of the
// batches merged since what the national acknowledged, and the acknowledgement takes exactly
// those rows off the pending changes in one step. The whole cube (the first time, after a gap)
// goes in slices (resyncSend.ts).

export interface SendResult {
  version: number;
  acked_version: number;
  pushes: number;
  error?: string;
}

/**
 * Sends until the national is at the current version (or it refuses). One sender at a time: a
 * second call while one runs returns at once, and the running one picks up the newer version.
 * A push carries the changes merged since the last acknowledged one (federation_pending), or the
 * whole merged cube in slices the first time and when the national asks for it (a gap).
 */
export async function pushToNational(
  db: D1Database,
  token: string,
  send: Transport,
  opts: { heartbeat?: boolean; clock?: () => Date; sliceRows?: number } = {},
): Promise<SendResult> {
  const cost: ReadCost = { rowsRead: 0 };
  const clock = opts.clock ?? (() => new Date());
  const start = clock();
  if (!(await takeLease(db, cost, start.toISOString(), new Date(start.getTime() + LEASE_MS).toISOString())))
    return { version: -1, acked_version: (await outbox(db, cost)).acked_version, pushes: 0 };
  let pushes = 0;
  let heartbeat = opts.heartbeat ?? false;
  let acked = (await outbox(db, cost)).acked_version;
  try {
    for (let round = 0; round < 5; round++) {
      const o = await outbox(db, cost);
      acked = o.acked_version;
      if (o.full_needed) {
        const r = await sendResync(db, cost, token, send, { clock, sliceRows: opts.sliceRows ?? DEFAULT_SLICE_ROWS });
        pushes += r.pushes;
        if (r.error !== undefined) {
          await noteError(db, cost, r.error);
          return { version: -1, acked_version: acked, pushes, error: r.error };
        }
        heartbeat = false; // the resync was heard; what merged meanwhile goes as a delta now
        continue;
      }
      const s = await readSnapshot(db, cost);
      // the version moves with every flip and merge: unchanged, any pending rows are a merge still
      // running, whose end moves the version and whose own request pushes then
      const unchanged = s.version === acked;
      if (unchanged && !heartbeat) return { version: s.version, acked_version: acked, pushes };
      const province = provinceOf(s);
      if (!province) return { version: s.version, acked_version: acked, pushes, error: 'no units yet' };
      const body = buildPush(province, s, { rows: unchanged ? [] : s.changes, base: acked, full: false, now: clock() });
      const res = await deliver(send, body, await signPush(token, body));
      pushes++;
      const answer = (await res.json()) as { error?: string; reason?: string; expected_version?: number };
      if (res.ok) {
        if (unchanged) return { version: s.version, acked_version: acked, pushes };
        await acknowledge(db, cost, {
          base: acked,
          version: s.version,
          pending: s.pending,
          now: clock().toISOString(),
        });
        heartbeat = false;
        continue;
      }
      if (res.status === 409 && answer.expected_version !== undefined && !(unchanged && answer.reason === 'replay')) {
        // the national is elsewhere than what this province last heard: send the whole cube from there
        await needFull(db, cost, answer.expected_version);
        continue;
      }
      await noteError(db, cost, `${res.status}: ${answer.error ?? ''}`);
      return { version: s.version, acked_version: acked, pushes, error: answer.error };
    }
    return { version: -1, acked_version: acked, pushes, error: 'did not converge in 5 rounds' };
  } catch (e) {
    await noteError(db, cost, e instanceof Error ? e.message : String(e));
    return { version: -1, acked_version: acked, pushes, error: String(e) };
  } finally {
    await releaseLease(db, cost);
  }
}
