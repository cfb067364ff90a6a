import type { Change, Snapshot } from '../queries/federation/outbox';
import type { CubeWireRow, PushBody } from '../validation/federation';
import { ID_COLUMNS, INTEGER_COLUMNS, KEY_COLUMNS, wireName } from './cubeColumns';
import { SIGNATURE_HEADER } from './signature';

// What a province sends and how: the push body built from a snapshot, and its delivery.

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
/** One sender at a time on a province, for this long past its last progress. */
export const LEASE_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function wireRows(s: Snapshot, changes: Change[]): CubeWireRow[] {
  const gone = (kind: string) => s.removed.filter((r) => r.kind === kind).map((r) => [r.id, r.code] as const);
  const unitCode = new Map([...gone('unit'), ...s.units.map((u) => [u.id, u.code] as const)]);
  const movementCode = new Map([...gone('movement'), ...s.movements.map((m) => [m.id, m.code] as const)]);
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
  o: { rows: Change[]; base: number; full: boolean; now: Date; resync?: PushBody['resync'] },
): string {
  const body: PushBody = {
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
    ...(o.resync ? { resync: o.resync } : {}),
  };
  return JSON.stringify(body);
}

/** The province code: the top unit the national knows this province by (the one without successor). */
export function provinceOf(s: Snapshot): string | null {
  const tops = s.units.filter((u) => u.parent === null).map((u) => u.code);
  const merged = new Set(s.lineage.map((l) => l.from));
  return tops.find((c) => !merged.has(c)) ?? tops[0] ?? null;
}

/** POST with retries and backoff on network errors, 429 and 5xx; other answers are final. */
export async function deliver(send: Transport, body: string, signature: string): Promise<Response> {
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
