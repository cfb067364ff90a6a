import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_TTL_MS } from '../../worker/auth/credentialCache';
import { anonymous, api } from './auth';
import { load, resetDatabase } from './helpers';
import { REORG } from './reorg-fixture';

// A credential found valid is kept per isolate for CREDENTIAL_TTL_MS; a change through this
// isolate forgets it at once, a change elsewhere (here: straight in D1, as another isolate's
// revocation would look) is honoured within CREDENTIAL_TTL_MS.

beforeAll(async () => {
  await resetDatabase();
  await load(REORG);
});

const json = { 'content-type': 'application/json' };
let n = 0;
async function newToken(): Promise<{ userId: number; id: string; token: string }> {
  n++;
  const user = (await (
    await api('http://local/api/v1/users', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: `cache${n}@example.vn`, role: 'viewer' }),
    })
  ).json()) as { id: number };
  const tok = (await (
    await api('http://local/api/v1/tokens', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ label: `cache ${n}`, user_id: user.id }),
    })
  ).json()) as { id: string; token: string };
  return { userId: user.id, ...tok };
}
const read = (token: string) =>
  anonymous('http://local/api/v1/awards/summary?group_by=year', { headers: { authorization: `Bearer ${token}` } });

describe('credentials kept per isolate', () => {
  it('documents a short lifetime', () => {
    expect(CREDENTIAL_TTL_MS).toBe(5_000);
  });

  it('refuses a token revoked through the API from the next request on', async () => {
    const t = await newToken();
    expect((await read(t.token)).status).toBe(200);
    expect((await read(t.token)).status).toBe(200); // now from the isolate's memory
    const revoked = await api(`http://local/api/v1/tokens/${t.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    const res = await read(t.token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('This token was revoked');
  });

  it('refuses the token of a user disabled through the API at once', async () => {
    const t = await newToken();
    expect((await read(t.token)).status).toBe(200);
    const changed = await api(`http://local/api/v1/users/${t.userId}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ disabled: true }),
    });
    expect(changed.status).toBe(200);
    expect((await read(t.token)).status).toBe(401);
  });

  it('refuses a token revoked elsewhere within the documented time', async () => {
    const t = await newToken();
    expect((await read(t.token)).status).toBe(200);
    // another isolate's revocation: this one has not seen it
    await env.DB.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ?')
      .bind(new Date().toISOString(), t.id)
      .run();
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < CREDENTIAL_TTL_MS + 2_000) {
      status = (await read(t.token)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThanOrEqual(CREDENTIAL_TTL_MS + 500);
  }, 15_000);

  it('keeps no refused credential: every wrong token is looked up and refused', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await read('not-a-token-at-all-0123456789');
      expect(res.status).toBe(401);
    }
  });

  it('refuses every request that starts after a revocation, under concurrent requests', async () => {
    const t = await newToken();
    const during = await Promise.all([
      ...Array.from({ length: 8 }, () => read(t.token)),
      api(`http://local/api/v1/tokens/${t.id}`, { method: 'DELETE' }),
      ...Array.from({ length: 8 }, () => read(t.token)),
    ]);
    // each either before the revocation (200) or after it (401; 429 once the refusals count as
    // failures of this client), never an error
    for (const r of during) expect([200, 401, 429]).toContain(r.status);
    expect(during[8]!.status).toBe(200);
    const after = await Promise.all(Array.from({ length: 8 }, () => read(t.token)));
    for (const r of after) expect([401, 429]).toContain(r.status);
  });
});
