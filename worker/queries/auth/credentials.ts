import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../../db/run';
import { failuresQuery, type FailureRow } from './failures';
import type { Role } from '../../auth/roles';

/** The user behind a credential, with what the credential's own row says about validity. */
export interface CredentialRow {
  credential_id: string;
  expires_at: string;
  revoked_at: string | null;
  user_id: number | null;
  email: string | null;
  role: Role | null;
  scope_unit: string | null;
  scope_cluster: string | null;
  disabled_at: string | null;
}

const USER = sql`u.id AS user_id, u.email, u.role, u.scope_unit, u.scope_cluster, u.disabled_at`;

const byToken = (hash: string) =>
  sql`SELECT t.id AS credential_id, t.expires_at, t.revoked_at, ${USER}
      FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ${hash}`;

const bySession = (hash: string) =>
  sql`SELECT s.id_hash AS credential_id, s.expires_at, NULL AS revoked_at, ${USER}
      FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id_hash = ${hash}`;

/**
 * One round trip: the credential and the client's recent failures (rate limiting must be
 * known before the answer is given, whatever the credential turns out to be).
 */
export async function lookupCredential(
  db: D1Database,
  cost: ReadCost,
  kind: 'token' | 'session',
  hash: string,
  client: string,
): Promise<{ row: CredentialRow | null; failures: FailureRow | null }> {
  const [cred, fail] = await batch(db, cost, [
    kind === 'token' ? byToken(hash) : bySession(hash),
    failuresQuery(client),
  ]);
  return {
    row: (cred!.results[0] as CredentialRow | undefined) ?? null,
    failures: (fail!.results[0] as FailureRow | undefined) ?? null,
  };
}
