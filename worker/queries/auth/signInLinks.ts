import { sql } from 'drizzle-orm';
import { all, batch, first, type ReadCost } from '../../db/run';

export interface SignInLinkRow {
  id: string;
  user_id: number | null;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

/** A link made for a user, recorded before it is handed out (expired ones are swept here). */
export async function insertSignInLink(
  db: D1Database,
  cost: ReadCost,
  l: { id: string; user_id: number; created_at: string; created_by: string; expires_at: string },
): Promise<void> {
  await batch(db, cost, [
    sql`DELETE FROM sign_in_links WHERE expires_at < ${l.created_at}`,
    sql`INSERT INTO sign_in_links (id, user_id, created_at, created_by, expires_at)
        VALUES (${l.id}, ${l.user_id}, ${l.created_at}, ${l.created_by}, ${l.expires_at})`,
  ]);
}

/**
 * Spends a user's link: one statement, so of any number of concurrent openings exactly one
 * finds it unused. False if it was used, withdrawn, expired, for someone else, or never made.
 */
export async function consumeUserLink(
  db: D1Database,
  cost: ReadCost,
  id: string,
  userId: number,
  now: string,
): Promise<boolean> {
  const rows = await all<{ id: string }>(
    db,
    cost,
    sql`UPDATE sign_in_links SET used_at = ${now}
        WHERE id = ${id} AND user_id = ${userId} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ${now}
        RETURNING id`,
  );
  return rows.length === 1;
}

/**
 * Spends a bootstrap admin link, recording it on its first use: false if it was used before.
 * (Expired rows can go: a ticket past its expiry is refused by its signature check already.)
 */
export async function consumeBootstrapLink(
  db: D1Database,
  cost: ReadCost,
  id: string,
  expiresAt: string,
  now: string,
): Promise<boolean> {
  const [, inserted] = await batch(db, cost, [
    sql`DELETE FROM sign_in_links WHERE expires_at < ${now}`,
    sql`INSERT INTO sign_in_links (id, user_id, created_at, created_by, expires_at, used_at)
        VALUES (${id}, NULL, ${now}, 'sign-in link', ${expiresAt}, ${now})
        ON CONFLICT (id) DO NOTHING RETURNING id`,
  ]);
  return inserted!.results.length === 1;
}

export const findSignInLink = (db: D1Database, cost: ReadCost, id: string) =>
  first<SignInLinkRow>(
    db,
    cost,
    sql`SELECT id, user_id, expires_at, used_at, revoked_at FROM sign_in_links WHERE id = ${id}`,
  );

/** A change to a user's access withdraws every link made for them and not yet used. */
export async function revokeUserLinks(db: D1Database, cost: ReadCost, userId: number, at: string): Promise<void> {
  await all(
    db,
    cost,
    sql`UPDATE sign_in_links SET revoked_at = ${at} WHERE user_id = ${userId} AND used_at IS NULL AND revoked_at
      IS NULL`,
  );
}
