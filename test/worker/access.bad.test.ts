import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_FIXTURE } from './access-fixture';
import { api } from './auth';
import { load, resetDatabase } from './helpers';
import { person, resetAccess, type Person } from './people';

// Every bad request to the access routes: a 400 naming the field, and nothing written
// (users, tokens, sessions and the audit log exactly as before).

let someone: Person;
beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  someone = await person('viewer');
});

const TABLES = ['users', 'api_tokens', 'sessions', 'audit_log'];
async function snapshot() {
  const rows = await env.DB.batch(TABLES.map((t) => env.DB.prepare(`SELECT * FROM ${t} ORDER BY 1`)));
  return rows.map((r) => r.results);
}

const uid = () => someone.id;
describe('bad input to the access routes', () => {
  it.each<[string, string, string, () => unknown, string]>([
    ['POST', '/users', 'no email', () => ({ role: 'viewer' }), 'email'],
    ['POST', '/users', 'not an email', () => ({ email: 'nope', role: 'viewer' }), 'email'],
    ['POST', '/users', 'unknown role', () => ({ email: 'a@example.vn', role: 'boss' }), 'role'],
    [
      'POST',
      '/users',
      'unknown unit scope',
      () => ({ email: 'a@example.vn', role: 'viewer', scope_unit: 'NOPE' }),
      'scope_unit',
    ],
    [
      'POST',
      '/users',
      'unknown cluster scope',
      () => ({ email: 'a@example.vn', role: 'viewer', scope_cluster: 'NOPE' }),
      'scope_cluster',
    ],
    [
      'POST',
      '/users',
      'two scopes',
      () => ({ email: 'a@example.vn', role: 'viewer', scope_unit: 'D1', scope_cluster: 'K_DIST' }),
      'scope_cluster',
    ],
    ['POST', '/users', 'unknown field', () => ({ email: 'a@example.vn', role: 'viewer', admin: true }), 'admin'],
    ['PATCH', '/users/ID', 'unknown role', () => ({ role: 'boss' }), 'role'],
    ['PATCH', '/users/ID', 'disabled as text', () => ({ disabled: 'yes' }), 'disabled'],
    ['PATCH', '/users/ID', 'unknown scope', () => ({ scope_unit: 'NOPE' }), 'scope_unit'],
    ['PATCH', '/users/abc', 'id not a number', () => ({ role: 'viewer' }), 'id'],
    ['POST', '/tokens', 'no label', () => ({ user_id: uid() }), 'label'],
    [
      'POST',
      '/tokens',
      'lifetime 0 days',
      () => ({ label: 'x', user_id: uid(), expires_in_days: 0 }),
      'expires_in_days',
    ],
    [
      'POST',
      '/tokens',
      'lifetime over a year',
      () => ({ label: 'x', user_id: uid(), expires_in_days: 400 }),
      'expires_in_days',
    ],
    ['POST', '/tokens', 'no user for the bootstrap admin', () => ({ label: 'x' }), 'user_id'],
    ['DELETE', '/tokens/not-a-uuid', 'id not a UUID', () => undefined, 'id'],
    [
      'POST',
      '/auth/sign-in-links',
      'lifetime over 72 h',
      () => ({ user_id: uid(), lifetime_hours: 100 }),
      'lifetime_hours',
    ],
    ['POST', '/auth/sign-in-links', 'no user', () => ({}), 'user_id'],
    ['GET', '/audit?limit=0', 'limit 0', () => undefined, 'limit'],
    ['GET', '/audit?before=x', 'before not a number', () => undefined, 'before'],
    ['GET', '/auth/sign-in', 'no ticket', () => undefined, 'ticket'],
  ])('%s %s: %s', async (method, path, _, body, parameter) => {
    const before = await snapshot();
    const b = body();
    const res = await api(`http://local/api/v1${path.replace('ID', String(someone.id))}`, {
      method,
      headers: b === undefined ? {} : { 'content-type': 'application/json' },
      body: b === undefined ? undefined : JSON.stringify(b),
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string; parameter: string };
    expect(json.parameter).toBe(parameter);
    expect(json.error).toMatch(new RegExp(`^${parameter}: `));
    expect(await snapshot()).toEqual(before);
  });
});
