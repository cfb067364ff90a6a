import type { Role } from './roles';

/** A user's scope as stored: a unit (with its subtree) or a cluster, by code; null is everything. */
export type Scope = { unit: string } | { cluster: string } | null;

/** Who is asking, however they proved it. */
export interface Identity {
  via: 'admin_token' | 'api_token' | 'session' | 'access';
  /** null for the bootstrap admin (ADMIN_TOKEN, or a session opened with its sign-in link). */
  userId: number | null;
  email: string;
  role: Role;
  scope: Scope;
  /** The API token used, if any (audit lines name it). */
  tokenId?: string;
}

export const BOOTSTRAP_ADMIN = 'ADMIN_TOKEN';

export const bootstrapAdmin = (via: Identity['via']): Identity => ({
  via,
  userId: null,
  email: BOOTSTRAP_ADMIN,
  role: 'admin',
  scope: null,
});

export function scopeOf(row: { scope_unit: string | null; scope_cluster: string | null }): Scope {
  if (row.scope_unit) return { unit: row.scope_unit };
  if (row.scope_cluster) return { cluster: row.scope_cluster };
  return null;
}

/** How an identity is written in the audit log and in created_by columns. */
export const actorOf = (i: Identity) => (i.tokenId ? `${i.email} (token ${i.tokenId.slice(0, 8)})` : i.email);

/** A stable text for the scope, used in cache keys and ETags: answers differ by scope and role. */
export const scopeKey = (i: Identity) =>
  `${i.role}.${i.scope === null ? '*' : 'unit' in i.scope ? `u:${i.scope.unit}` : `c:${i.scope.cluster}`}`;

/** The email behind a created_by text (an actor written by actorOf). */
export const actorEmail = (createdBy: string) => createdBy.replace(/ \(token [^)]*\)$/, '');

/** Is scope `now` the same as `then`, or wider than everything (no scope)? Then nothing more is shown than before. */
export const scopeStillCovers = (now: Scope, then: Scope) =>
  now === null || (then !== null && JSON.stringify(now) === JSON.stringify(then));

/** Was a row's created_by written by this identity (through any of its tokens or sessions)? */
export const madeBy = (i: Identity, createdBy: string) => actorEmail(createdBy) === i.email;
