import type { ReadCost } from '../db/run';
import {
  ackSlice,
  completeResync,
  outbox,
  readGeography,
  readSlice,
  renewLease,
  startResync,
} from '../queries/federation/outbox';
import type { PushBody } from '../validation/federation';
import { buildPush, deliver, LEASE_MS, provinceOf, type Transport } from './push';
import { signPush } from './signature';

// The province side of a whole-cube push (the first one, and after the national answered a
// gap): the cube in slices of `sliceRows` rows in its key order, each its own signed request,
// the cursor kept in federation_outbox so that a crash or an unreachable national resumes at the
// next slice. After the last slice the province asks the national to finish (take the old rows
// off, flip, merge) until it answers done; only then is the resync's version acknowledged.

/** Cube rows per slice (FEDERATION_SLICE_ROWS): one slice is one D1 batch at the national. */
export const DEFAULT_SLICE_ROWS = 10_000;
/** Starting again from slice 0 (the national lost the thread) at most this often per call. */
const RESTARTS = 3;

const newId = () => [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');

type Answer = { error?: string; reason?: string; resync?: { phase: string } };

export type ResyncResult = { version: number; pushes: number; error?: undefined } | { error: string; pushes: number };

export async function sendResync(
  db: D1Database,
  cost: ReadCost,
  token: string,
  send: Transport,
  o: { clock: () => Date; sliceRows: number },
): Promise<ResyncResult> {
  let pushes = 0;
  let restarts = 0;
  for (;;) {
    const box = await outbox(db, cost);
    if (!box.resync_id) {
      await startResync(db, cost, newId());
      continue;
    }
    const id = box.resync_id;
    const slice = box.resync_sent ? null : await readSlice(db, cost, box.resync_cursor, o.sliceRows);
    const s = slice ?? (await readGeography(db, cost));
    const province = provinceOf(s);
    if (!province) return { error: 'no units yet', pushes };
    const resync: NonNullable<PushBody['resync']> = slice
      ? { id, slice: box.resync_slice, last: slice.last, finish: false }
      : { id, slice: box.resync_slice, last: true, finish: true };
    const body = buildPush(province, slice ? s : { ...s, version: box.resync_version }, {
      rows: s.changes,
      base: box.resync_base,
      full: true,
      now: o.clock(),
      resync,
    });
    const res = await deliver(send, body, await signPush(token, body));
    pushes++;
    const answer = (await res.json()) as Answer;
    const until = new Date(o.clock().getTime() + LEASE_MS).toISOString();
    if (res.ok && slice) {
      await ackSlice(db, cost, {
        id,
        slice: box.resync_slice,
        cursor: slice.cursor,
        version: slice.version,
        last: slice.last,
        pending: slice.pending,
        until,
      });
      continue;
    }
    if (res.ok && answer.resync?.phase === 'done') {
      await completeResync(db, cost, { id, version: box.resync_version, now: o.clock().toISOString() });
      return { version: box.resync_version, pushes };
    }
    if (res.ok) {
      await renewLease(db, cost, until);
      continue;
    }
    // the national lost the thread (a slice it already had, another resync, a replay): again from the start
    if (res.status === 409 && restarts++ < RESTARTS) {
      await startResync(db, cost, newId());
      continue;
    }
    return { error: `${res.status}: ${answer.error ?? ''}`, pushes };
  }
}
