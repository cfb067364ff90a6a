import type { ReadCost } from '../db/run';
import {
  acknowledge,
  noteError,
  outbox,
  readSnapshot,
  releaseLease,
  type Change,
  type Snapshot,
  takeLease,
} from '../queries/federation/outbox';
import type { CubeWireRow, PushBody } from '../validation/federation';
import { ID_COLUMNS, INTEGER_COLUMNS, KEY_COLUMNS, wireName } from './cubeColumns';
import { signPush, SIGNATURE_HEADER } from './signature';

// The province side: after a commit or rollback is merged, bring the national copy to the
// current data version. Ordered and idempotent by version: each push is the net change of the
// batches merged since what the national acknowledged, and the acknowledgement takes exactly
// those rows off the pending changes in one step.

/** How a signed push reaches the national: HTTPS by default, anything that answers in tests. */
export type Transport = (body: string, signature: string) => Promise<Response>;

export const httpsTransport =
  (nationalUrl: string): Transport =>
  (body, signature) =>
    fetch(new URL('/api/v1/federation/push', nationalUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });

const RETRIES = [1000, 2000, 4000];
const LEASE_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function wireRows(s: Snapshot, changes: Change[]): CubeWireRow[] {
  const unitCode = new Map(s.units.map((u) => [u.id, u.code]));
  const movementCode = new Map(s.movements.map((m) => [m.id, m.code]));
  return changes.map(({ k, d }) => {
    const key = JSON.parse(k) as (string | number)[];
    const row: CubeWireRow = {};
    KEY_COLUMNS.forEach((c, i) => {
      const v = key[i];
      if (c === 'unit_id') row[ID_COLUMNS.unit_id] = unitCode.get(Number(v)) ?? `#${v}`;
      else if (c === 'movement_id')
        row[ID_COLUMNS.movement_id] = v === 0 ? '' : (movementCode.get(Number(v)) ?? `#${v}`);
      else row[wireName(c)] = INTEGER_COLUMNS.has(c) ? Number(v) : String(v);
    });
    row.n = d;
    return row;
  });
}

export function buildPush(
  province: string,
  s: Snapshot,
  o: { rows: Change[]; base: number; full: boolean; now: Date },
): PushBody {
  return {
    province,
    version: s.version,
    base_version: o.base,
    full: o.full,
    signed_at: o.now.toISOString(),
    units: s.units.map(({ id: _, ...u }) => ({ ...u, kind: u.kind as PushBody['units'][number]['kind'] })),
    lineage: s.lineage,
    movements: s.movements.map(({ id: _, ...m }) => m as PushBody['movements'][number]),
    award_types: s.award_types,
    clusters: s.clusters,
    cluster_members: s.cluster_members,
    movement_results: s.movement_results,
    rows: wireRows(s, o.rows),
    totals: s.totals,
  };
}

/** The province code: the top unit the national knows this province by (the one without successor). */
function provinceOf(s: Snapshot): string | null {
  const tops = s.units.filter((u) => u.parent === null).map((u) => u.code);
  const merged = new Set(s.lineage.map((l) => l.from));
  return tops.find((c) => !merged.has(c)) ?? tops[0] ?? null;
}

/** POST with retries and backoff on network errors, 429 and 5xx; other answers are final. */
async function deliver(send: Transport, body: string, signature: string): Promise<Response> {
  let last: unknown;
  for (let i = 0; i <= RETRIES.length; i++) {
    try {
      const res = await send(body, signature);
      if (res.status !== 429 && res.status < 500) return res;
      last = new Error(`national answered ${res.status}: ${await res.text()}`);
    } catch (e) {
      last = e;
    }
    if (i < RETRIES.length) await sleep(RETRIES[i]);
  }
  throw last;
}

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
 * whole merged cube the first time and when the national asks for it (a gap).
 */
export async function pushToNational(
  db: D1Database,
  token: string,
  send: Transport,
  opts: { heartbeat?: boolean; clock?: () => Date } = {},
): Promise<SendResult> {
  const cost: ReadCost = { rowsRead: 0 };
  const clock = opts.clock ?? (() => new Date());
  const start = clock();
  if (!(await takeLease(db, cost, start.toISOString(), new Date(start.getTime() + LEASE_MS).toISOString())))
    return { version: -1, acked_version: (await outbox(db, cost)).acked_version, pushes: 0 };
  let pushes = 0;
  let heartbeat = opts.heartbeat ?? false;
  const o = await outbox(db, cost);
  let acked = o.acked_version; // what federation_outbox says, the acknowledgement's guard
  let base = acked; // what the rows are a change from (the national's version after a gap)
  let full = o.full_needed === 1;
  try {
    for (let round = 0; round < 5; round++) {
      const s = await readSnapshot(db, cost, full);
      // the version moves with every flip and merge: unchanged, any pending rows are a merge still
      // running, whose end moves the version and whose own request pushes then
      const unchanged = !full && s.version === base;
      if (unchanged && !heartbeat) return { version: s.version, acked_version: acked, pushes };
      const province = provinceOf(s);
      if (!province) return { version: s.version, acked_version: acked, pushes, error: 'no units yet' };
      const rows = unchanged ? [] : s.changes;
      const body = JSON.stringify(buildPush(province, s, { rows, base, full, now: clock() }));
      const res = await deliver(send, body, await signPush(token, body));
      pushes++;
      const answer = (await res.json()) as { error?: string; reason?: string; expected_version?: number };
      if (res.ok) {
        if (unchanged) return { version: s.version, acked_version: acked, pushes };
        await acknowledge(db, cost, {
          base: acked,
          version: s.version,
          full,
          pending: s.pending,
          now: clock().toISOString(),
        });
        acked = base = s.version;
        full = heartbeat = false;
        continue;
      }
      if (res.status === 409 && answer.expected_version !== undefined && !(unchanged && answer.reason === 'replay')) {
        // the national is elsewhere than what this province last heard: send the whole cube from there
        base = answer.expected_version;
        full = true;
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
