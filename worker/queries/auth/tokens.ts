import { sql } from 'drizzle-orm';
import { all, first, type ReadCost } from '../../db/run';

export interface ApiTokenRow {
  id: string;
  user_id: number;
  email: string;
  label: string;
  created_at: string;
  created_by: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const COLUMNS = sql`t.id, t.user_id, u.email, t.label, t.created_at, t.created_by,
  t.expires_at, t.last_used_at, t.revoked_at`;

/** Every token, or one user's; the token itself is never stored, only its SHA-256. */
export const listTokens = (db: D1Database, cost: ReadCost, userId?: number) =>
  all<ApiTokenRow>(
    db,
    cost,
    sql`SELECT ${COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id
        ${userId === undefined ? sql`` : sql`WHERE t.user_id = ${userId}`}
        ORDER BY t.created_at DESC LIMIT 1000`,
  );

export const findToken = (db: D1Database, cost: ReadCost, id: string) =>
  first<ApiTokenRow>(
    db,
    cost,
    sql`SELECT ${COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ${id}`,
  );

export async function insertToken(
  db: D1Database,
  cost: ReadCost,
  t: {
    id: string;
    user_id: number;
    label: string;
    token_hash: string;
    created_at: string;
    created_by: string;
    expires_at: string;
  },
): Promise<void> {
  await all(
    db,
    cost,
    sql`INSERT INTO api_tokens (id, user_id, label, token_hash, created_at, created_by, expires_at)
        VALUES (${t.id}, ${t.user_id}, ${t.label}, ${t.token_hash}, ${t.created_at}, ${t.created_by}, ${t.expires_at})`,
  );
}

export async function revokeToken(db: D1Database, cost: ReadCost, id: string, at: string): Promise<void> {
  await all(db, cost, sql`UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ${at}) WHERE id = ${id}`);
}

/** Last use is recorded at most once a minute per token, so a busy script does not write on every call. */
export async function touchToken(db: D1Database, id: string, at: string): Promise<void> {
  const minuteAgo = new Date(Date.parse(at) - 60_000).toISOString();
  await db
    .prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)')
    .bind(at, id, minuteAgo)
    .run();
}
