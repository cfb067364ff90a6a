import type { ReadCost } from '../db/run';
import {
  acknowledge,
  noteError,
  outbox,
  readSnapshot,
  releaseLease,
  type Snapshot,
  takeLease,
} from '../queries/federation/outbox';
import type { CubeWireRow, PushBody } from '../validation/federation';
import { ID_COLUMNS, INTEGER_COLUMNS, KEY_COLUMNS, wireName } from './cubeColumns';
import { signPush, SIGNATURE_HEADER } from './signature';

// The province side: after a commit or rollback is visible, bring the national copy to the
// current data version. Ordered and idempotent by version: each push is the difference from
// what the national acknowledged, and the acknowledgement moves the sent copy in the same step.

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

function wireRows(s: Snapshot): CubeWireRow[] {
  const unitCode = new Map(s.units.map((u) => [u.id, u.code]));
  const movementCode = new Map(s.movements.map((m) => [m.id, m.code]));
  return s.changes.map(({ k, d }) => {
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

export function buildPush(province: string, s: Snapshot, base: number, full: boolean, now: Date): PushBody {
  return {
    province,
    version: s.version,
    base_version: base,
    full,
    signed_at: now.toISOString(),
    units: s.units.map(({ id: _, ...u }) => ({ ...u, kind: u.kind as PushBody['units'][number]['kind'] })),
    lineage: s.lineage,
    movements: s.movements.map(({ id: _, ...m }) => m as PushBody['movements'][number]),
    rows: wireRows(s),
    totals: s.totals,
    award_types: s.award_types,
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
  let full = false;
  let base = (await outbox(db, cost)).acked_version;
  try {
    for (let round = 0; round < 5; round++) {
      const s = await readSnapshot(db, cost, full, opts.heartbeat && !full ? base : undefined);
      if (opts.heartbeat && !full && s.changes.length) {
        opts.heartbeat = false; // not a heartbeat after all: the data changed meanwhile
        continue;
      }
      if (!full && s.version === base && !opts.heartbeat) return { version: s.version, acked_version: base, pushes };
      const province = provinceOf(s);
      if (!province) return { version: s.version, acked_version: base, pushes, error: 'no units yet' };
      const body = JSON.stringify(buildPush(province, s, base, full, clock()));
      const res = await deliver(send, body, await signPush(token, body));
      pushes++;
      const answer = (await res.json()) as { error?: string; reason?: string; expected_version?: number };
      if (res.ok) {
        await acknowledge(db, cost, {
          base: (await outbox(db, cost)).acked_version,
          version: s.version,
          full,
          changes: s.changes,
          now: clock().toISOString(),
        });
        if (s.version === base || opts.heartbeat) return { version: s.version, acked_version: s.version, pushes };
        base = s.version;
        full = false;
        continue;
      }
      if (res.status === 409 && answer.expected_version !== undefined) {
        // the national is elsewhere than what this province last heard: send the whole cube from there
        base = answer.expected_version;
        full = true;
        continue;
      }
      await noteError(db, cost, `${res.status}: ${answer.error ?? ''}`);
      return { version: s.version, acked_version: base, pushes, error: answer.error };
    }
    return { version: -1, acked_version: base, pushes, error: 'did not converge in 5 rounds' };
  } catch (e) {
    await noteError(db, cost, e instanceof Error ? e.message : String(e));
    return { version: -1, acked_version: base, pushes, error: String(e) };
  } finally {
    await releaseLease(db, cost);
  }
}
