import type { CredentialRow } from '../queries/auth/credentials';

// A credential found valid is remembered per isolate for CREDENTIAL_TTL_MS, so a dashboard's
// burst of requests costs one D1 round trip, not one each. Only valid credentials are kept:
// an unknown, revoked or expired one is looked up (and its failure counted) every time, so the
// rate limit on guessing is untouched. Revoking a token, disabling a user, changing a role or
// signing out forgets the entry in the isolate that made the change at once; another isolate
// may still honour it for at most CREDENTIAL_TTL_MS (docs/architecture.md).

export const CREDENTIAL_TTL_MS = 5_000;
// a bound on memory: a busy isolate sees a few dozen credentials, not thousands
const MAX_ENTRIES = 1_000;

interface Entry {
  row: CredentialRow | null;
  /** The bootstrap ADMIN_TOKEN: no row, but known good. */
  admin: boolean;
  until: number;
}

const entries = new Map<string, Entry>();

export function cachedCredential(key: string, now = Date.now()): Entry | undefined {
  const e = entries.get(key);
  if (!e) return undefined;
  // the row's own expiry is checked again by the caller; this is only the cache's lifetime
  if (e.until <= now) {
    entries.delete(key);
    return undefined;
  }
  return e;
}

export function rememberCredential(key: string, row: CredentialRow | null, admin: boolean, now = Date.now()): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { row, admin, until: now + CREDENTIAL_TTL_MS });
}

/** Forgets one credential (revoked, signed out) or, with no argument, every one (a user or role changed). */
export function forgetCredentials(key?: string): void {
  if (key === undefined) entries.clear();
  else entries.delete(key);
}

// Clients this isolate saw fail to sign in, and when: for them the fast path is off, so the
// failure count is read before any credential is honoured and a blocked client gets 429 even
// with the right token (no oracle). Bounded like the credentials.
const failed = new Map<string, number>();

export function noteFailure(client: string, windowMs: number, now = Date.now()): void {
  if (failed.size >= MAX_ENTRIES) failed.delete(failed.keys().next().value!);
  failed.set(client, now + windowMs);
}

export function failedRecently(client: string, now = Date.now()): boolean {
  const until = failed.get(client);
  if (until === undefined) return false;
  if (until > now) return true;
  failed.delete(client);
  return false;
}

export const credentialKey = (kind: 'token' | 'session', hash: string) => `${kind}:${hash}`;
