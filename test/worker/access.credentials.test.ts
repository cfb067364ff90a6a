import { env } from 'cloudflare:test';
import { generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CREDENTIAL_TTL_MS } from '../../worker/auth/credentialCache';
import { sha256Hex } from '../../worker/auth/secrets';
import { signTicket } from '../../worker/auth/ticket';
import { ACCESS_FIXTURE } from './access-fixture';
import { ADMIN_TOKEN, anonymous, api, bootstrapTicket } from './auth';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person } from './people';

const TEAM = 'https://thidua-test.cloudflareaccess.com';
const AUD = 'test-access-aud';
const ORIGIN = 'http://local';
const json = { 'content-type': 'application/json' };

async function accessJwt(claims: JWTPayload, o: { key?: CryptoKey; kid?: string; alg?: string } = {}) {
  const key = o.key ?? ((await importJWK(JSON.parse(env.TEST_ACCESS_PRIVATE_JWK), 'RS256')) as CryptoKey);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: TEAM, aud: [AUD], iat: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: o.alg ?? 'RS256', kid: o.kid ?? 'test-access-key' })
    .sign(key);
}
const withJwt = (jwt: string, path = '/api/v1/auth/me', ip = '10.0.0.1') =>
  anonymous(`${ORIGIN}${path}`, { headers: { 'Cf-Access-Jwt-Assertion': jwt, 'CF-Connecting-IP': ip } });

let viewer: Person;

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  viewer = await person('viewer', { unit: 'D1' });
});
beforeEach(async () => {
  await env.DB.prepare('DELETE FROM auth_failures').run();
});

describe('Cloudflare Access JWT', () => {
  it('maps a valid token to its user, with the user’s role and scope', async () => {
    const res = await withJwt(await accessJwt({ email: viewer.email.toUpperCase(), sub: 'abc' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      email: viewer.email,
      role: 'viewer',
      scope: { unit: 'D1' },
      via: 'access',
    });
    const summary = await withJwt(await accessJwt({ email: viewer.email }), '/api/v1/awards/summary?unit=Q');
    expect(summary.status).toBe(403);
  });

  it.each([
    [
      'forged (signed with another key under the same key id)',
      async () => accessJwt({ email: 'x' }, { key: (await generateKeyPair('RS256')).privateKey }),
    ],
    [
      'expired',
      async () => accessJwt({ exp: Math.floor(Date.now() / 1000) - 120, iat: Math.floor(Date.now() / 1000) - 900 }),
    ],
    ['for another application (audience)', async () => accessJwt({ aud: ['someone-else'] })],
    ['from another team (issuer)', async () => accessJwt({ iss: 'https://evil.cloudflareaccess.com' })],
    ['not yet valid', async () => accessJwt({ nbf: Math.floor(Date.now() / 1000) + 3600 })],
    [
      'signed with a symmetric key (algorithm confusion)',
      async () =>
        accessJwt({}, { key: new TextEncoder().encode('x'.repeat(32)) as unknown as CryptoKey, alg: 'HS256' }),
    ],
    [
      'unsigned',
      async () =>
        `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ email: 'a@b.c', aud: AUD, iss: TEAM }))}.`,
    ],
    ['garbage', async () => 'not.a.jwt'],
  ])('rejects a token that is %s with 401', async (_, make) => {
    const jwt = await make();
    const res = await withJwt(jwt);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/Cloudflare Access token rejected/);
    expect(body.error).not.toMatch(/at .*\.ts|stack/i);
  });

  it('rejects an expired token even for a real user', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await withJwt(await accessJwt({ email: viewer.email, exp: now - 60, iat: now - 3600 }))).status).toBe(401);
  });

  it('answers 403 to a valid identity that is not a user, or a disabled one', async () => {
    const res = await withJwt(await accessJwt({ email: 'stranger@example.vn' }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/stranger@example.vn.*ask an administrator/);
    const off = await person('viewer', null, '-off');
    await api(`${ORIGIN}/api/v1/users/${off.id}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ disabled: true }),
    });
    expect((await withJwt(await accessJwt({ email: off.email }))).status).toBe(403);
  });
});

describe('API tokens', () => {
  it('are random, shown once, stored only as a hash, and record their last use', async () => {
    const made = await api(`${ORIGIN}/api/v1/tokens`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ label: 'script', user_id: viewer.id, expires_in_days: 30 }),
    });
    expect(made.status).toBe(201);
    const body = (await made.json()) as { id: string; token: string; expires_at: string; status: string };
    expect(body.token).toMatch(/^thd_[A-Za-z0-9_-]{43}$/);
    expect(body.status).toBe('active');
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(29.9 * 86400_000);
    const row = await env.DB.prepare('SELECT token_hash, last_used_at FROM api_tokens WHERE id = ?')
      .bind(body.id)
      .first<{ token_hash: string; last_used_at: string | null }>();
    expect(row!.token_hash).toBe(await sha256Hex(body.token));
    expect(JSON.stringify(await env.DB.prepare('SELECT * FROM api_tokens').all())).not.toContain(body.token);
    expect(row!.last_used_at).toBeNull();

    const listed = (await (await api(`${ORIGIN}/api/v1/tokens`)).json()) as { tokens: Record<string, unknown>[] };
    expect(JSON.stringify(listed)).not.toContain(body.token);

    const used = await anonymous(`${ORIGIN}/api/v1/auth/me`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(await used.json()).toMatchObject({ email: viewer.email, via: 'api_token' });
    await expect
      .poll(
        async () =>
          (await env.DB.prepare('SELECT last_used_at FROM api_tokens WHERE id = ?')
            .bind(body.id)
            .first<{ last_used_at: string | null }>())!.last_used_at,
      )
      .not.toBeNull();
  });

  it('stop working when expired, revoked, or their user is disabled', { timeout: 15_000 }, async () => {
    const owner = await person('analyst', null, '-tokens');
    const ok = () => as(owner, '/api/v1/auth/me');
    expect((await ok()).status).toBe(200);

    await env.DB.prepare("UPDATE api_tokens SET expires_at = '2020-01-01T00:00:00.000Z' WHERE user_id = ?")
      .bind(owner.id)
      .run();
    // changed behind the Worker's back (as another isolate would): refused within the time a
    // valid credential is kept per isolate (worker/auth/credentialCache.ts)
    const started = Date.now();
    let body = (await (await ok()).json()) as { error?: string };
    while (!body.error && Date.now() - started < CREDENTIAL_TTL_MS + 500) {
      await new Promise((r) => setTimeout(r, 200));
      body = (await (await ok()).json()) as { error?: string };
    }
    expect(body).toMatchObject({ error: 'This token expired on 2020-01-01' });
    await env.DB.prepare("UPDATE api_tokens SET expires_at = '2099-01-01T00:00:00.000Z' WHERE user_id = ?")
      .bind(owner.id)
      .run();
    expect((await ok()).status).toBe(200);

    await api(`${ORIGIN}/api/v1/users/${owner.id}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ disabled: true }),
    });
    expect(await (await ok()).json()).toMatchObject({ error: 'The user of this token is disabled' });
    await api(`${ORIGIN}/api/v1/users/${owner.id}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ disabled: false }),
    });
    expect((await ok()).status).toBe(200);

    const { id } = (await env.DB.prepare('SELECT id FROM api_tokens WHERE user_id = ?')
      .bind(owner.id)
      .first<{ id: string }>())!;
    const revoked = await as(owner, `/api/v1/tokens/${id}`, { method: 'DELETE' });
    expect(await revoked.json()).toMatchObject({ status: 'revoked' });
    expect(await (await ok()).json()).toMatchObject({ error: 'This token was revoked' });
  });

  it('belong to their user: only an admin makes or revokes other people’s', async () => {
    const a = await person('editor', null, '-a');
    const b = await person('editor', null, '-b');
    const forB = await as(a, '/api/v1/tokens', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ label: 'x', user_id: b.id }),
    });
    expect(forB.status).toBe(403);
    const own = await as(a, '/api/v1/tokens', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ label: 'mine' }),
    });
    expect(own.status).toBe(201);
    const { tokens } = (await (await as(b, '/api/v1/tokens')).json()) as { tokens: { id: string; email: string }[] };
    expect(tokens.every((t) => t.email === b.email)).toBe(true);
    const { id } = (await own.json()) as { id: string };
    expect((await as(b, `/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('rate limiting of failed credential checks', () => {
  it('answers 429 after 10 failures from one address, to right tokens too, and not to other addresses', async () => {
    const from = (ip: string, token: string) =>
      anonymous(`${ORIGIN}/api/v1/meta`, { headers: { authorization: `Bearer ${token}`, 'CF-Connecting-IP': ip } });
    for (let i = 0; i < 9; i++) expect((await from('203.0.113.7', `wrong-${i}`)).status).toBe(401);
    const tenth = await from('203.0.113.7', 'wrong-10');
    expect(tenth.status).toBe(429);
    expect(Number(tenth.headers.get('Retry-After'))).toBeGreaterThan(800);
    expect(((await tenth.json()) as { error: string }).error).toMatch(/Too many failed sign-in attempts/);
    expect((await from('203.0.113.7', viewer.token)).status).toBe(429);
    expect((await from('198.51.100.1', viewer.token)).status).toBe(200);
    // the window passes
    await env.DB.prepare(
      "UPDATE auth_failures SET window_start = window_start - 901 WHERE client = '203.0.113.7'",
    ).run();
    expect((await from('203.0.113.7', viewer.token)).status).toBe(200);
  });

  it('counts bad sign-in links and rejected Access JWTs too', async () => {
    for (let i = 0; i < 5; i++)
      await anonymous(`${ORIGIN}/api/v1/auth/sign-in?ticket=bad${i}`, {
        headers: { 'CF-Connecting-IP': '203.0.113.9' },
      });
    for (let i = 0; i < 4; i++) await withJwt('not.a.jwt', '/api/v1/auth/me', '203.0.113.9');
    expect((await withJwt('not.a.jwt', '/api/v1/auth/me', '203.0.113.9')).status).toBe(429);
    const link = await anonymous(`${ORIGIN}/api/v1/auth/sign-in?ticket=${await bootstrapTicket(60)}`, {
      headers: { 'CF-Connecting-IP': '203.0.113.9' },
      redirect: 'manual',
    });
    expect(link.status).toBe(429);
  });
});

describe('sign-in links and sessions', () => {
  const signIn = async (ticket: string, next = '') =>
    anonymous(`${ORIGIN}/api/v1/auth/sign-in?ticket=${ticket}${next ? `&next=${encodeURIComponent(next)}` : ''}`, {
      redirect: 'manual',
    });
  const cookieOf = (res: Response) => /thidua_session=([^;]+)/.exec(res.headers.get('Set-Cookie') ?? '')![1];

  it('the npm start link opens an admin session with a Secure, HttpOnly, SameSite=Strict cookie', async () => {
    const res = await signIn(await bootstrapTicket());
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/');
    const setCookie = res.headers.get('Set-Cookie')!;
    for (const attr of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', 'Max-Age=43200'])
      expect(setCookie).toContain(attr);
    const me = await anonymous(`${ORIGIN}/api/v1/auth/me`, { headers: { cookie: `thidua_session=${cookieOf(res)}` } });
    expect(await me.json()).toMatchObject({ email: 'ADMIN_TOKEN', role: 'admin', via: 'session' });
    // only the hash of the session id is stored
    const stored = await env.DB.prepare('SELECT id_hash FROM sessions').all<{ id_hash: string }>();
    expect(stored.results.map((r) => r.id_hash)).toContain(await sha256Hex(cookieOf(res)!));
  });

  it('a link made for a user signs in as that user; never redirects off the site', async () => {
    const link = async () => {
      const made = await api(`${ORIGIN}/api/v1/auth/sign-in-links`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ user_id: viewer.id, lifetime_hours: 2 }),
      });
      expect(made.status).toBe(201);
      return new URL(((await made.json()) as { url: string }).url).searchParams.get('ticket')!;
    };
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example'])
      expect((await signIn(await link(), next)).headers.get('Location')).toBe('/');
    const res = await signIn(await link(), '/dia-ban?unit=D1');
    expect(res.headers.get('Location')).toBe('/dia-ban?unit=D1');
    const me = await anonymous(`${ORIGIN}/api/v1/auth/me`, { headers: { cookie: `thidua_session=${cookieOf(res)}` } });
    expect(await me.json()).toMatchObject({ email: viewer.email, role: 'viewer', scope: { unit: 'D1' } });
  });

  it('refuses expired, tampered and wrongly signed tickets', async () => {
    const expired = await bootstrapTicket(-10);
    const other = await signTicket(ADMIN_TOKEN, 0, 3600);
    const good = await bootstrapTicket();
    const tampered = good.replace(
      /\.[^.]+\./,
      `.${btoa(JSON.stringify({ purpose: 'sign-in', sub: viewer.id, exp: 9999999999 })).replace(/=+$/, '')}.`,
    );
    for (const t of [expired, other, tampered]) {
      const res = await signIn(t);
      expect(res.status).toBe(401);
      expect(res.headers.get('Set-Cookie')).toBeNull();
    }
  });

  it(
    'sends a person whose link is refused to the sign-in screen with the ' +
      'reason (still counted); scripts get the JSON',
    async () => {
      const browser = (ticket: string, ip: string) =>
        anonymous(`${ORIGIN}/api/v1/auth/sign-in?ticket=${ticket}`, {
          headers: { accept: 'text/html,application/xhtml+xml', 'CF-Connecting-IP': ip },
          redirect: 'manual',
        });
      const failures = async (ip: string) =>
        (await env.DB.prepare('SELECT count FROM auth_failures WHERE client = ?').bind(ip).first<number>('count')) ?? 0;
      const expired = await bootstrapTicket(-10);
      const bad = await browser(expired, '192.0.2.50');
      expect(bad.status).toBe(303);
      expect(bad.headers.get('Location')).toBe('/?sign_in=link-invalid');
      expect(bad.headers.get('Set-Cookie')).toBeNull();
      expect(await failures('192.0.2.50')).toBe(1);

      const gone = await person('viewer', null, '-link-gone');
      const link = (
        (await (
          await api(`${ORIGIN}/api/v1/auth/sign-in-links`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ user_id: gone.id }),
          })
        ).json()) as { url: string }
      ).url;
      await api(`${ORIGIN}/api/v1/users/${gone.id}`, {
        method: 'PATCH',
        headers: json,
        body: JSON.stringify({ disabled: true }),
      });
      const disabled = await browser(new URL(link).searchParams.get('ticket')!, '192.0.2.51');
      expect(disabled.headers.get('Location')).toBe('/?sign_in=link-no-access');
      expect(disabled.headers.get('Set-Cookie')).toBeNull();

      for (let i = 0; i < 10; i++) await browser(expired, '192.0.2.52');
      const blocked = await browser(await bootstrapTicket(), '192.0.2.52');
      expect(blocked.headers.get('Location')).toBe('/?sign_in=too-many');
      expect(blocked.headers.get('Set-Cookie')).toBeNull();

      const script = await anonymous(`${ORIGIN}/api/v1/auth/sign-in?ticket=${expired}`, {
        headers: { accept: 'application/json', 'CF-Connecting-IP': '192.0.2.53' },
        redirect: 'manual',
      });
      expect(script.status).toBe(401);
      expect(await script.json()).toEqual({
        error: 'This sign-in link is not valid or has expired: ask an administrator for a new one',
        error_vi: 'Liên kết đăng nhập không hợp lệ hoặc đã hết hạn: hãy nhờ quản trị viên gửi liên kết mới',
      });
    },
  );

  it('a cookie alone cannot make changes from another site (CSRF), and sign-out ends the session', async () => {
    const cookie = `thidua_session=${cookieOf(await signIn(await bootstrapTicket()))}`;
    const post = (headers: Record<string, string>) =>
      anonymous(`${ORIGIN}/api/v1/users`, {
        method: 'POST',
        headers: { cookie, ...json, ...headers },
        body: JSON.stringify({ email: 'csrf@example.vn', role: 'admin' }),
      });
    expect((await post({ Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await post({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM users WHERE email = 'csrf@example.vn'").first('n')).toBe(0);
    expect((await post({ Origin: ORIGIN })).status).toBe(201);

    const out = await anonymous(`${ORIGIN}/api/v1/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, Origin: ORIGIN },
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('Set-Cookie')).toMatch(/thidua_session=;.*Max-Age=0/);
    const after = await anonymous(`${ORIGIN}/api/v1/meta`, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: string }).error).toMatch(/session has ended/);
  });

  it('disabling a user ends their sessions at once', async () => {
    const u = await person('viewer', null, '-session');
    const ticket = (
      (await (
        await api(`${ORIGIN}/api/v1/auth/sign-in-links`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ user_id: u.id }),
        })
      ).json()) as { url: string }
    ).url;
    const cookie = `thidua_session=${cookieOf(await signIn(new URL(ticket).searchParams.get('ticket')!))}`;
    expect((await anonymous(`${ORIGIN}/api/v1/meta`, { headers: { cookie } })).status).toBe(200);
    await api(`${ORIGIN}/api/v1/users/${u.id}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ disabled: true }),
    });
    expect((await anonymous(`${ORIGIN}/api/v1/meta`, { headers: { cookie } })).status).toBe(401);
    expect((await signIn(new URL(ticket).searchParams.get('ticket')!)).status).toBe(401);
  });
});
