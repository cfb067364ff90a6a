import { env } from 'cloudflare:test';
import { api } from './auth';

export type Role = 'viewer' | 'analyst' | 'editor' | 'admin';
export type ScopeSpec = { unit: string } | { cluster: string } | null;

export interface Person {
  id: number;
  email: string;
  role: Role;
  scope: ScopeSpec;
  token: string;
}

const json = { 'content-type': 'application/json' };

/** A user made through the API by the bootstrap admin, with an API token of their own. */
export async function person(role: Role, scope: ScopeSpec = null, tag = ''): Promise<Person> {
  const scopeName = scope === null ? 'all' : 'unit' in scope ? `u-${scope.unit}` : `c-${scope.cluster}`;
  const email = `${role}.${scopeName}${tag}@example.vn`.toLowerCase();
  const body = {
    email,
    role,
    ...(scope && 'unit' in scope ? { scope_unit: scope.unit } : {}),
    ...(scope && 'cluster' in scope ? { scope_cluster: scope.cluster } : {}),
  };
  const made = await api('http://local/api/v1/users', { method: 'POST', headers: json, body: JSON.stringify(body) });
  if (made.status !== 201) throw new Error(`user ${email}: ${made.status} ${await made.text()}`);
  const user = (await made.json()) as { id: number };
  const tok = await api('http://local/api/v1/tokens', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ label: 'tests', user_id: user.id }),
  });
  if (tok.status !== 201) throw new Error(`token for ${email}: ${tok.status} ${await tok.text()}`);
  const { token } = (await tok.json()) as { token: string };
  return { id: user.id, email, role, scope, token };
}

/** fetch as this person (their API token). */
export const as = (p: Person, path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${p.token}`);
  return api(`http://local${path}`, { ...init, headers });
};

export async function resetAccess() {
  await env.DB.batch(
    [
      'DELETE FROM api_tokens',
      'DELETE FROM sessions',
      'DELETE FROM sign_in_links',
      'DELETE FROM users',
      'DELETE FROM audit_log',
      'DELETE FROM auth_failures',
      'DELETE FROM embed_tokens',
      'DELETE FROM snapshots',
    ].map((s) => env.DB.prepare(s)),
  );
}
