import { sql, type SQL } from 'drizzle-orm';
import { all, batch, type ReadCost } from '../../db/run';
import type { PushBody } from '../../validation/federation';
import { KEY_COLUMNS } from '../../federation/cubeColumns';
import { ROOT_UNIT_ID } from '../cube/root';
import { jsonChunks } from './json';
import { forgetRemovedCodes } from './pending';

// The province side: what the national has not acknowledged (federation_pending, filled by every
// merge of a committed or rolled-back batch), or on a whole-cube push the merged cube itself.

const ROOT = sql.raw(String(ROOT_UNIT_ID));

export interface OutboxRow {
  acked_version: number;
  acked_at: string | null;
  attempted_at: string | null;
  last_error: string | null;
  full_needed: number;
  resync_id: string | null;
  resync_base: number;
  resync_slice: number;
  resync_cursor: string | null;
  resync_version: number;
  resync_sent: number;
}

/** [key JSON, signed change] */
export type Change = { k: string; d: number };

export interface Snapshot {
  version: number;
  /** the rows to send: the pending changes, or on a whole-cube push every merged cube row */
  changes: Change[];
  /** the pending changes as read now: what the acknowledgement takes off federation_pending */
  pending: Change[];
  /** batches whose delta is visible but not yet merged (a commit or rollback still running) */
  merging: number;
  units: {
    id: number;
    code: string;
    name: string;
    kind: string;
    parent: string | null;
    valid_from: string | null;
    valid_to: string | null;
  }[];
  lineage: PushBody['lineage'];
  movements: {
    id: number;
    code: string;
    name: string;
    level: string;
    kind: string;
    owner: string | null;
    start_date: string;
    end_date: string | null;
  }[];
  clusters: PushBody['clusters'];
  cluster_members: PushBody['cluster_members'];
  movement_results: PushBody['movement_results'];
  totals: { year: number; n: number }[];
  award_types: PushBody['award_types'];
  /** units and movements deleted here whose changes may still be pending: their codes by old id */
  removed: { kind: 'unit' | 'movement'; id: number; code: string }[];
}

/** The geography a push carries, and the province's own totals: statements of a snapshot's batch. */
const geographyReads = (): SQL[] => [
  sql`SELECT COUNT(*) AS n FROM import_batches WHERE delta_visible = 1`,
  sql`SELECT u.id, u.code, u.name, u.kind, p.code AS parent, u.valid_from, u.valid_to
      FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id`,
  sql`SELECT f.code AS "from", t.code AS "to", l.effective_date, l.share FROM unit_lineage l
      JOIN units f ON f.id = l.from_unit_id JOIN units t ON t.id = l.to_unit_id ORDER BY l.id`,
  sql`SELECT m.id, m.code, m.name, m.level, m.kind, o.code AS owner, m.start_date, m.end_date
      FROM movements m LEFT JOIN units o ON o.id = m.owner_unit_id ORDER BY m.id`,
  sql`SELECT c.code, c.name, c.kind, c.level, o.code AS owner FROM clusters c
      LEFT JOIN units o ON o.id = c.owner_unit_id ORDER BY c.id`,
  sql`SELECT c.code AS cluster, u.code AS unit, m.year_from, m.year_to FROM cluster_members m
      JOIN clusters c ON c.id = m.cluster_id JOIN units u ON u.id = m.unit_id ORDER BY m.id`,
  sql`SELECT c.code AS cluster, u.code AS unit, r.year, r.score, r.rank, r.proposed_award_code AS proposed_award
      FROM movement_results r JOIN clusters c ON c.id = r.cluster_id JOIN units u ON u.id = r.unit_id
      ORDER BY r.id`,
  // the province's own total for the reconciliation: its virtual root, one row per year (the
  // closure's sum over every unit, computed apart from the top units the national adds up)
  sql`SELECT year, SUM(n) AS n FROM award_cube WHERE cuboid = 0 AND unit_id = ${ROOT} GROUP BY year ORDER BY year`,
  sql`SELECT code, name_vi, name_en, category, tier, scope, household_allowed, valid_to FROM award_types
      WHERE builtin = 0 ORDER BY code`,
  sql`SELECT kind, id, code FROM federation_removed`,
];

function withGeography(version: D1Result, rest: D1Result[]): Omit<Snapshot, 'changes' | 'pending'> {
  const [merging, units, lineage, movements, clusters, members, results, totals, types, removed] = rest;
  return {
    version: (version.results[0] as { version: number } | undefined)?.version ?? 0,
    merging: (merging.results[0] as { n: number }).n,
    units: units.results as Snapshot['units'],
    lineage: lineage.results as Snapshot['lineage'],
    movements: movements.results as Snapshot['movements'],
    clusters: clusters.results as Snapshot['clusters'],
    cluster_members: members.results as Snapshot['cluster_members'],
    movement_results: results.results as Snapshot['movement_results'],
    totals: totals.results as Snapshot['totals'],
    award_types: types.results as Snapshot['award_types'],
    removed: removed.results as Snapshot['removed'],
  };
}

const VERSION = sql`SELECT version FROM data_state WHERE id = 1`;

/** A delta push: the pending changes and the geography, read in one D1 batch (one consistent state). */
export async function readSnapshot(db: D1Database, cost: ReadCost): Promise<Snapshot> {
  const [version, pending, ...rest] = await batch(db, cost, [
    VERSION,
    sql`SELECT k, n AS d FROM federation_pending WHERE n <> 0`,
    ...geographyReads(),
  ]);
  const changes = pending.results as Change[];
  return { ...withGeography(version, rest), changes, pending: changes };
}

/** The geography alone (a request to finish a resync carries it, with no rows). */
export async function readGeography(db: D1Database, cost: ReadCost): Promise<Snapshot> {
  const [version, ...rest] = await batch(db, cost, [VERSION, ...geographyReads()]);
  return { ...withGeography(version, rest), changes: [], pending: [] };
}

export interface Slice extends Snapshot {
  /** the last cube key of this slice (JSON), where the next one starts after */
  cursor: string | null;
  /** no cube rows after this slice */
  last: boolean;
}

const keyTuple = (column: (c: string) => SQL) =>
  sql`(${sql.join(
    KEY_COLUMNS.map((c) => column(c)),
    sql`, `,
  )})`;
const CUBE_KEY = keyTuple((c) => sql`${sql.identifier(c)}`);
// the paths are constants, inlined: the statement binds the cursor three times (D1: 100 parameters)
const PENDING_KEY = keyTuple((c) => sql.raw(`json_extract(k, '$[${KEY_COLUMNS.indexOf(c)}]')`));
const cursorTuple = (cursor: string) =>
  sql`(${sql.join(
    (JSON.parse(cursor) as (string | number)[]).map((v) => sql`${v}`),
    sql`, `,
  )})`;

/**
 * One slice of a whole-cube push, in one D1 batch: the next `limit` cube rows after `cursor` in
 * the cube's key order (their counts now), the pending changes of keys sent in earlier slices
 * (merged since they were read: they add to what the national was sent), and the pending
 * changes of this slice's keys, which its counts already hold: the acknowledgement takes both
 * off federation_pending. So the national's copy is the cube as of the last slice, exactly.
 */
export async function readSlice(db: D1Database, cost: ReadCost, cursor: string | null, limit: number): Promise<Slice> {
  const after = cursor ? sql`AND ${CUBE_KEY} > ${cursorTuple(cursor)}` : sql``;
  const order = sql.join(
    KEY_COLUMNS.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const sent = cursor ? sql`${PENDING_KEY} <= ${cursorTuple(cursor)}` : sql`false`;
  const later = cursor ? sql`${PENDING_KEY} > ${cursorTuple(cursor)}` : sql`true`;
  const [version, rows, ...rest] = await batch(db, cost, [
    VERSION,
    sql`WITH s AS MATERIALIZED (
      SELECT ${order}, n FROM award_cube WHERE unit_id <> ${ROOT} AND n <> 0 ${after} ORDER BY ${order} LIMIT ${limit}
    ), top AS (SELECT ${order} FROM s ORDER BY ${sql.join(
      KEY_COLUMNS.map((c) => sql`${sql.identifier(c)} DESC`),
      sql`, `,
    )} LIMIT 1)
    SELECT 'c' AS t, json_array(${order}) AS k, n AS d FROM s
    UNION ALL SELECT 'p', k, n FROM federation_pending WHERE n <> 0 AND ${sent}
    UNION ALL SELECT 'a', k, n FROM federation_pending WHERE n <> 0 AND ${later}
      AND ((SELECT COUNT(*) FROM s) < ${limit} OR ${PENDING_KEY} <= (SELECT * FROM top))`,
    ...geographyReads(),
  ]);
  const tagged = rows.results as (Change & { t: 'c' | 'p' | 'a' })[];
  const cube = tagged.filter((r) => r.t === 'c');
  const change = ({ k, d }: Change) => ({ k, d });
  return {
    ...withGeography(version, rest),
    changes: tagged.filter((r) => r.t !== 'a').map(change),
    pending: tagged.filter((r) => r.t !== 'c').map(change),
    cursor: cube.length ? cube[cube.length - 1].k : cursor,
    last: cube.length < limit,
  };
}

export async function outbox(db: D1Database, cost: ReadCost): Promise<OutboxRow> {
  const [, r] = await batch(db, cost, [
    sql`INSERT OR IGNORE INTO federation_outbox (id) VALUES (1)`,
    sql`SELECT acked_version, acked_at, attempted_at, last_error, full_needed, resync_id, resync_base, resync_slice,
        resync_cursor, resync_version, resync_sent FROM federation_outbox WHERE id = 1`,
  ]);
  return r.results[0] as OutboxRow;
}

/** One sender at a time (until `until`); false if another holds the lease. */
export async function takeLease(db: D1Database, cost: ReadCost, now: string, until: string): Promise<boolean> {
  const [, r] = await batch(db, cost, [
    sql`INSERT OR IGNORE INTO federation_outbox (id) VALUES (1)`,
    sql`UPDATE federation_outbox SET lease_until = ${until}, attempted_at = ${now}
        WHERE id = 1 AND (lease_until IS NULL OR lease_until < ${now})`,
  ]);
  return r.meta.changes === 1;
}

/** A long resync keeps the lease while it makes progress. */
export const renewLease = (db: D1Database, cost: ReadCost, until: string) =>
  all(db, cost, sql`UPDATE federation_outbox SET lease_until = ${until} WHERE id = 1`);

export const releaseLease = (db: D1Database, cost: ReadCost) =>
  all(db, cost, sql`UPDATE federation_outbox SET lease_until = NULL WHERE id = 1`);

export const noteError = (db: D1Database, cost: ReadCost, error: string | null) =>
  all(db, cost, sql`UPDATE federation_outbox SET last_error = ${error} WHERE id = 1`);

/** Takes the changes a slice sent or already held off federation_pending (its acknowledgement). */
const pendingOff = (pending: Change[]): SQL[] => [
  ...jsonChunks(pending).map(
    (part) => sql`INSERT INTO federation_pending (k, n)
      SELECT json_extract(value, '$.k'), -json_extract(value, '$.d') FROM json_each(${part}) WHERE true
      ON CONFLICT (k) DO UPDATE SET n = n + excluded.n`,
  ),
  sql`DELETE FROM federation_pending WHERE n = 0`,
  forgetRemovedCodes(),
];

/**
 * The national acknowledged `version`: the pending changes it was sent leave federation_pending
 * (what was merged since the snapshot stays for the next push), if nobody moved the outbox on.
 */
export async function acknowledge(
  db: D1Database,
  cost: ReadCost,
  o: { base: number; version: number; pending: Change[]; now: string },
): Promise<void> {
  await batch(db, cost, [
    sql`INSERT INTO federation_guard (province) SELECT 'outbox' WHERE NOT EXISTS (SELECT 1 FROM federation_outbox
      WHERE id = 1 AND acked_version = ${o.base} AND full_needed = 0)`,
    ...pendingOff(o.pending),
    sql`UPDATE federation_outbox SET acked_version = ${o.version}, acked_at = ${o.now}, last_error = NULL
      WHERE id = 1`,
  ]);
}

// The resync's own state, each change guarded on the resync it belongs to (a sender that lost
// its lease to another must not move someone else's cursor).
const guardResync = (id: string, extra: SQL = sql``) =>
  sql`INSERT INTO federation_guard (province) SELECT 'outbox' WHERE NOT EXISTS (SELECT 1 FROM federation_outbox
    WHERE id = 1 AND resync_id = ${id} ${extra})`;

/** A whole-cube push is needed from `base` (the national's version): the first, or after a gap. */
export const needFull = (db: D1Database, cost: ReadCost, base: number) =>
  all(
    db,
    cost,
    sql`UPDATE federation_outbox SET full_needed = 1, resync_id = NULL, resync_base = ${base} WHERE id = 1`,
  );

/** A resync from its first slice (a new id: the national drops what an earlier one left). */
export const startResync = (db: D1Database, cost: ReadCost, id: string) =>
  all(
    db,
    cost,
    sql`UPDATE federation_outbox SET resync_id = ${id}, resync_slice = 0, resync_cursor = NULL, resync_version = 0,
      resync_sent = 0 WHERE id = 1 AND full_needed = 1`,
  );

/** The national took slice `slice`: the cursor moves past it, its pending changes are off. */
export async function ackSlice(
  db: D1Database,
  cost: ReadCost,
  o: {
    id: string;
    slice: number;
    cursor: string | null;
    version: number;
    last: boolean;
    pending: Change[];
    until: string;
  },
): Promise<void> {
  await batch(db, cost, [
    guardResync(o.id, sql`AND resync_slice = ${o.slice}`),
    ...pendingOff(o.pending),
    sql`UPDATE federation_outbox SET resync_slice = ${o.slice + 1}, resync_cursor = ${o.cursor},
      resync_version = ${o.version}, resync_sent = ${o.last ? 1 : 0}, lease_until = ${o.until} WHERE id = 1`,
  ]);
}

/** The national shows the resync's figures: acknowledged at the version of its last slice. */
export async function completeResync(db: D1Database, cost: ReadCost, o: { id: string; version: number; now: string }) {
  await batch(db, cost, [
    guardResync(o.id),
    sql`UPDATE federation_outbox SET acked_version = ${o.version}, acked_at = ${o.now}, last_error = NULL,
      full_needed = 0, resync_id = NULL, resync_slice = 0, resync_cursor = NULL, resync_sent = 0 WHERE id = 1`,
  ]);
}
