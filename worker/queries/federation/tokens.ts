import { sql } from 'drizzle-orm';
import { batch, first, type ReadCost } from '../../db/run';

export interface FederationTokenRow {
  id: string;
  province: string;
  key_hash: string;
  revoked_at: string | null;
}

/** A new push token, and the province's state row (version 0) that its first push is checked against. */
export async function insertFederationToken(
  db: D1Database,
  cost: ReadCost,
  t: { id: string; province: string; key_hash: string; created_at: string; created_by: string },
): Promise<void> {
  await batch(db, cost, [
    sql`INSERT INTO federation_tokens (id, province, key_hash, created_at, created_by)
        VALUES (${t.id}, ${t.province}, ${t.key_hash}, ${t.created_at}, ${t.created_by})`,
    sql`INSERT OR IGNORE INTO federation_provinces (province) VALUES (${t.province})`,
  ]);
}

export const findFederationToken = (db: D1Database, cost: ReadCost, id: string) =>
  first<FederationTokenRow>(
    db,
    cost,
    sql`SELECT id, province, key_hash, revoked_at FROM federation_tokens WHERE id = ${id}`,
  );
