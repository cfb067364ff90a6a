import { sql } from 'drizzle-orm';
import { all, batch, type ReadCost } from '../../db/run';

export async function insertSession(
  db: D1Database,
  cost: ReadCost,
  s: { id_hash: string; user_id: number | null; created_at: string; expires_at: string },
): Promise<void> {
  // expired sessions are swept whenever a new one opens, so the table stays small
  await batch(db, cost, [
    sql`DELETE FROM sessions WHERE expires_at < ${s.created_at}`,
    sql`INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (${s.id_hash}, ${s.user_id},
      ${s.created_at}, ${s.expires_at})`,
  ]);
}

export async function deleteSession(db: D1Database, cost: ReadCost, idHash: string): Promise<void> {
  await all(db, cost, sql`DELETE FROM sessions WHERE id_hash = ${idHash}`);
}

/** A disabled user is signed out everywhere at once. */
export async function deleteUserSessions(db: D1Database, cost: ReadCost, userId: number): Promise<void> {
  await all(db, cost, sql`DELETE FROM sessions WHERE user_id = ${userId}`);
}
