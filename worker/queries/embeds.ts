import { sql } from 'drizzle-orm';
import { all, first, type ReadCost } from '../db/run';

/** A row of embed_tokens, as D1 returns it. `params` is the locked query as JSON. */
export interface EmbedTokenRow {
  id: string;
  chart: string;
  params: string;
  origin: string;
  label: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  created_by: string;
}

const COLUMNS = sql`id, chart, params, origin, label, created_at, expires_at, revoked_at, created_by`;

export async function insertEmbedToken(db: D1Database, cost: ReadCost, r: EmbedTokenRow): Promise<void> {
  await all(
    db,
    cost,
    sql`INSERT INTO embed_tokens (${COLUMNS})
        VALUES (${r.id}, ${r.chart}, ${r.params}, ${r.origin}, ${r.label}, ${r.created_at}, ${r.expires_at},
          ${r.revoked_at}, ${r.created_by})`,
  );
}

export function findEmbedToken(db: D1Database, cost: ReadCost, id: string): Promise<EmbedTokenRow | null> {
  return first<EmbedTokenRow>(db, cost, sql`SELECT ${COLUMNS} FROM embed_tokens WHERE id = ${id}`);
}

export function listEmbedTokens(db: D1Database, cost: ReadCost): Promise<EmbedTokenRow[]> {
  return all<EmbedTokenRow>(db, cost, sql`SELECT ${COLUMNS} FROM embed_tokens ORDER BY created_at DESC, id LIMIT 500`);
}

/** Marks a token revoked (the first revocation time is kept). */
export async function revokeEmbedToken(db: D1Database, cost: ReadCost, id: string, at: string): Promise<void> {
  await all(db, cost, sql`UPDATE embed_tokens SET revoked_at = COALESCE(revoked_at, ${at}) WHERE id = ${id}`);
}

/** A published snapshot: `params` and `data` (the frozen answer) are JSON. */
export interface SnapshotRow {
  id: string;
  chart: string;
  params: string;
  label: string | null;
  data: string;
  data_version: number;
  created_at: string;
  created_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

/** A snapshot as listed: everything but its figures. */
export type SnapshotListRow = Omit<SnapshotRow, 'data'>;

const SNAPSHOT_LISTED = sql`id, chart, params, label, data_version, created_at, created_by, withdrawn_at, withdrawn_by`;

export async function insertSnapshot(db: D1Database, cost: ReadCost, r: SnapshotRow): Promise<void> {
  await all(
    db,
    cost,
    sql`INSERT INTO snapshots (id, chart, params, label, data, data_version, created_at, created_by,
      withdrawn_at, withdrawn_by)
        VALUES (${r.id}, ${r.chart}, ${r.params}, ${r.label}, ${r.data}, ${r.data_version}, ${r.created_at},
          ${r.created_by}, ${r.withdrawn_at}, ${r.withdrawn_by})`,
  );
}

export function findSnapshot(db: D1Database, cost: ReadCost, id: string): Promise<SnapshotRow | null> {
  return first<SnapshotRow>(db, cost, sql`SELECT ${SNAPSHOT_LISTED}, data FROM snapshots WHERE id = ${id}`);
}

export function listSnapshots(db: D1Database, cost: ReadCost): Promise<SnapshotListRow[]> {
  return all<SnapshotListRow>(
    db,
    cost,
    sql`SELECT ${SNAPSHOT_LISTED} FROM snapshots ORDER BY created_at DESC, id LIMIT 500`,
  );
}

/** Takes a snapshot down: its figures are dropped for good, its row says when and by whom. */
export async function withdrawSnapshot(
  db: D1Database,
  cost: ReadCost,
  id: string,
  at: string,
  by: string,
): Promise<void> {
  await all(
    db,
    cost,
    sql`UPDATE snapshots SET withdrawn_at = ${at}, withdrawn_by = ${by}, data = 'null' WHERE id = ${id} AND
      withdrawn_at IS NULL`,
  );
}
