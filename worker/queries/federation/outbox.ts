import { sql, type SQL } from 'drizzle-orm';
import { all, batch, type ReadCost } from '../../db/run';
import type { PushBody } from '../../validation/federation';
import { ROOT_UNIT_ID } from '../cube/root';
import { jsonChunks } from './json';
import { cubeKey } from './pending';

// The province side: what the national has not acknowledged (federation_pending, filled by every
// merge of a committed or rolled-back batch), or on a whole-cube push the merged cube itself.

const ROOT = sql.raw(String(ROOT_UNIT_ID));

export interface OutboxRow {
  acked_version: number;
  acked_at: string | null;
  attempted_at: string | null;
  last_error: string | null;
  full_needed: number;
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
}

/** Everything a push needs, read in one D1 batch (one transaction, so one consistent state). */
export async function readSnapshot(db: D1Database, cost: ReadCost, full: boolean): Promise<Snapshot> {
  const pending = sql`SELECT k, n AS d FROM federation_pending WHERE n <> 0`;
  const statements: SQL[] = [
    sql`SELECT version FROM data_state WHERE id = 1`,
    pending,
    full ? sql`SELECT ${cubeKey} AS k, n AS d FROM award_cube WHERE unit_id <> ${ROOT} AND n <> 0` : pending,
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
  ];
  const [version, pend, changes, merging, units, lineage, movements, clusters, members, results, totals, types] =
    await batch(db, cost, statements);
  return {
    version: (version.results[0] as { version: number } | undefined)?.version ?? 0,
    changes: changes.results as Change[],
    pending: pend.results as Change[],
    merging: (merging.results[0] as { n: number }).n,
    units: units.results as Snapshot['units'],
    lineage: lineage.results as Snapshot['lineage'],
    movements: movements.results as Snapshot['movements'],
    clusters: clusters.results as Snapshot['clusters'],
    cluster_members: members.results as Snapshot['cluster_members'],
    movement_results: results.results as Snapshot['movement_results'],
    totals: totals.results as Snapshot['totals'],
    award_types: types.results as Snapshot['award_types'],
  };
}

export async function outbox(db: D1Database, cost: ReadCost): Promise<OutboxRow> {
  const [, r] = await batch(db, cost, [
    sql`INSERT OR IGNORE INTO federation_outbox (id) VALUES (1)`,
    sql`SELECT acked_version, acked_at, attempted_at, last_error, full_needed FROM federation_outbox WHERE id = 1`,
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

export const releaseLease = (db: D1Database, cost: ReadCost) =>
  all(db, cost, sql`UPDATE federation_outbox SET lease_until = NULL WHERE id = 1`);

export const noteError = (db: D1Database, cost: ReadCost, error: string | null) =>
  all(db, cost, sql`UPDATE federation_outbox SET last_error = ${error} WHERE id = 1`);

/**
 * The national acknowledged `version`: the pending changes it was sent leave federation_pending
 * (what was merged since the snapshot stays for the next push), if nobody moved the outbox on.
 */
export async function acknowledge(
  db: D1Database,
  cost: ReadCost,
  o: { base: number; version: number; full: boolean; pending: Change[]; now: string },
): Promise<void> {
  const statements: SQL[] = [
    sql`INSERT INTO federation_guard (province) SELECT 'outbox' WHERE NOT EXISTS (SELECT 1 FROM federation_outbox
      WHERE id = 1 AND acked_version = ${o.base})`,
  ];
  for (const part of jsonChunks(o.pending))
    statements.push(sql`INSERT INTO federation_pending (k, n)
      SELECT json_extract(value, '$.k'), -json_extract(value, '$.d') FROM json_each(${part}) WHERE true
      ON CONFLICT (k) DO UPDATE SET n = n + excluded.n`);
  statements.push(
    sql`DELETE FROM federation_pending WHERE n = 0`,
    sql`UPDATE federation_outbox SET acked_version = ${o.version}, acked_at = ${o.now}, last_error = NULL
      ${o.full ? sql`, full_needed = 0` : sql``} WHERE id = 1`,
  );
  await batch(db, cost, statements);
}
