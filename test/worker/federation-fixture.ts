import { applyD1Migrations, createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import app from '../../worker/index';
import { signPush } from '../../worker/federation/signature';
import type { Transport } from '../../worker/federation/send';
import { demoToSql } from '../../scripts/demo/toSql';
import type { DemoDataset } from '../../scripts/demo/types';
import { ADMIN_TOKEN } from './auth';
import { FIXTURE_AWARDS } from './fixture';
import { dataset } from './helpers';

// Federation: three databases in one test worker. DB is province P (the fixture's P tree),
// DB_PROVINCE_B is province Q, DB_NATIONAL the national instance. Each is reached through the
// real app with its own bindings, the way three deployed Workers would be.

export const dbs = env as unknown as { DB: D1Database; DB_NATIONAL: D1Database; DB_PROVINCE_B: D1Database };

export const nationalEnv = () => ({ ...env, DB: dbs.DB_NATIONAL, ROLE: 'national' });

export const PROVINCE_P: DemoDataset = dataset(
  FIXTURE_AWARDS.filter((a) => a.unit_code !== 'Q'),
  {
    units: [
      { code: 'P', name: 'Tỉnh P', kind: 'province' },
      { code: 'D1', name: 'Huyện D1', kind: 'district', parent_code: 'P' },
      { code: 'C1', name: 'Xã C1', kind: 'commune', parent_code: 'D1' },
      { code: 'C2', name: 'Xã C2', kind: 'commune', parent_code: 'D1' },
      { code: 'A', name: 'Sở A', kind: 'agency', parent_code: 'P' },
    ],
    movements: [
      {
        code: 'M1',
        name: 'Phong trào M1',
        level: 'province',
        kind: 'thematic',
        owner_code: 'P',
        start_date: '2023-01-01',
      },
    ],
    // a cluster of its own (owned by P) and its side of the central cluster K
    clusters: [
      { code: 'KP', name: 'Cụm huyện, sở của tỉnh P', kind: 'cum', level: 'province', owner_code: 'P' },
      { code: 'K', name: 'Cụm K', kind: 'cum', level: 'central' },
    ],
    cluster_members: [
      { cluster_code: 'KP', unit_code: 'D1', year_from: 2023 },
      { cluster_code: 'KP', unit_code: 'A', year_from: 2023 },
      { cluster_code: 'K', unit_code: 'P', year_from: 2023 },
    ],
    movement_results: [
      { year: 2023, cluster_code: 'KP', unit_code: 'D1', score: 91, rank: 1, proposed_award_code: 'CO_BT' },
      { year: 2023, cluster_code: 'KP', unit_code: 'A', score: 88.5, rank: 2 },
      { year: 2023, cluster_code: 'K', unit_code: 'P', score: 95.5, rank: 1, proposed_award_code: 'CO_CP' },
    ],
  },
);

export const PROVINCE_Q: DemoDataset = dataset(
  [
    ...FIXTURE_AWARDS.filter((a) => a.unit_code === 'Q'),
    {
      year: 2023,
      award_code: 'LDTT',
      unit_code: 'Q-X1',
      recipient_kind: 'individual',
      quantity: 1,
      gender: 'F',
      recipient_name: 'Nguyễn Thị Hoa',
    },
  ],
  {
    units: [
      { code: 'Q', name: 'Tỉnh Q', kind: 'province' },
      { code: 'Q-X1', name: 'Xã Q1', kind: 'commune', parent_code: 'Q' },
    ],
    clusters: [{ code: 'K', name: 'Cụm K', kind: 'cum', level: 'central' }],
    cluster_members: [{ cluster_code: 'K', unit_code: 'Q', year_from: 2023 }],
    movement_results: [{ year: 2023, cluster_code: 'K', unit_code: 'Q', score: 90, rank: 2 }],
  },
);

/** A fresh migrated database holding `data` (or nothing). */
export async function freshDatabase(db: D1Database, data?: DemoDataset) {
  await applyD1Migrations(db, env.TEST_MIGRATIONS);
  const tables = [
    'award_cube',
    'award_cube_delta',
    'award_batch_sums',
    'awards',
    'movement_results',
    'cluster_members',
    'clusters',
    'unit_lineage',
    'unit_closure',
    'unit_aliases',
    'movements',
    'units',
    'import_batches',
    'federation_tokens',
    'federation_provinces',
    'federation_units',
    'federation_pending',
    'federation_outbox',
    'federation_resyncs',
    'federation_removed',
  ];
  await db.batch([
    ...tables.map((t) => db.prepare(`DELETE FROM "${t}"`)),
    db.prepare('DELETE FROM award_types WHERE builtin = 0'),
    db.prepare("UPDATE data_state SET version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"),
  ]);
  if (!data) return;
  const statements = demoToSql(data, '2026-01-01T00:00:00.000Z');
  for (let i = 0; i < statements.length; i += 50) await db.batch(statements.slice(i, i + 50).map((s) => db.prepare(s)));
  // the unit tree is kept per isolate by version and time (worker/queries/geography.ts), and the
  // three databases share this isolate: the demo loader's fixed time would let two look alike
  await new Promise((r) => setTimeout(r, 2));
  await db.prepare("UPDATE data_state SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").run();
}

/** A request to one instance (its bindings), as the bootstrap admin unless told otherwise. */
export async function call(bindings: object, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${ADMIN_TOKEN}`);
  // the instances share one Cache API here (not so when deployed): never answer from it
  headers.set('X-Cache-Bypass', '1');
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://local/api/v1${path}`, { ...init, headers }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

export const nationalPush = (body: string, signature: string) =>
  call(nationalEnv(), '/federation/push', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'X-Federation-Signature': signature, authorization: '' },
  });

/** The transport to the national, keeping every body it carried (to replay or tamper with). */
export function recordingTransport(): Transport & {
  sent: { body: string; signature: string }[];
  answers: { status: number; body: unknown }[];
} {
  const sent: { body: string; signature: string }[] = [];
  const answers: { status: number; body: unknown }[] = [];
  const t = async (body: string, signature: string) => {
    sent.push({ body, signature });
    const res = await nationalPush(body, signature);
    answers.push({ status: res.status, body: await res.clone().json() });
    return res;
  };
  return Object.assign(t, { sent, answers });
}

export async function createToken(province: string): Promise<string> {
  const res = await call(nationalEnv(), '/federation/tokens', {
    method: 'POST',
    body: JSON.stringify({ province }),
    headers: { 'content-type': 'application/json' },
  });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export const resign = (token: string, body: string) => signPush(token, body);

/** Everything the national holds of the cube and its own state: equal before and after = nothing written. */
export async function nationalState(): Promise<string> {
  const db = dbs.DB_NATIONAL;
  const rows = await db.batch([
    db.prepare('SELECT * FROM award_cube ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12'),
    db.prepare('SELECT * FROM award_cube_delta ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13'),
    db.prepare('SELECT * FROM federation_resyncs ORDER BY province'),
    db.prepare('SELECT id, status, delta_visible FROM import_batches ORDER BY id'),
    db.prepare('SELECT * FROM federation_provinces ORDER BY province'),
    db.prepare('SELECT code, parent_id FROM units ORDER BY code'),
    db.prepare('SELECT version FROM data_state'),
  ]);
  return JSON.stringify(rows.map((r) => r.results));
}

/**
 * A database's award_cube by codes (unit and movement), without the virtual root: a province's
 * and the national's copy of it compare row for row.
 */
export async function cubeByCode(db: D1Database, units?: string[]): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT c.cuboid, u.code AS unit, c.year, c.award_code, c.tier, c.category, c.recipient_kind, c.gender,
        c.recipient_class, c.method, COALESCE(m.code, '') AS movement, c.ethnic_minority, c.decision_month, c.n
       FROM award_cube c JOIN units u ON u.id = c.unit_id LEFT JOIN movements m ON m.id = c.movement_id
       WHERE u.code IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(units ?? []))
    .all();
  return results.map((r) => JSON.stringify(r)).sort();
}

/** The virtual root as kept, beside the root summed anew from the top-level units: equal if kept right. */
export async function rootAgainstTops(db: D1Database): Promise<[string[], string[]]> {
  const cols = `cuboid, year, award_code, tier, category, recipient_kind, gender, recipient_class, method,
    movement_id, ethnic_minority, decision_month`;
  const [kept, summed] = await db.batch([
    db.prepare(`SELECT ${cols}, n FROM award_cube WHERE unit_id = 0`),
    db.prepare(`SELECT ${cols}, SUM(n) AS n FROM award_cube WHERE unit_id IN (SELECT id FROM units WHERE
      parent_id IS NULL) GROUP BY ${cols} HAVING SUM(n) <> 0`),
  ]);
  const rows = (r: D1Result) => r.results.map((x) => JSON.stringify(x)).sort();
  return [rows(kept), rows(summed)];
}

/** An awards CSV through the real import route of one instance; the batch it made. */
export async function importAwards(bindings: object, csv: string, filename = 'nam-moi.csv') {
  const res = await call(bindings, `/imports/awards?filename=${filename}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { batch: { id: number } }).batch;
}

export async function summaryOf(bindings: object, query: string) {
  const res = await call(bindings, `/awards/summary?${query}`);
  if (res.status !== 200) throw new Error(`summary: ${res.status} ${await res.text()}`);
  return (await res.json()) as { rows: Record<string, unknown>[]; total: number };
}
