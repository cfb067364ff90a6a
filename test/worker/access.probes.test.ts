import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signTicket } from '../../worker/auth/ticket';
import app from '../../worker/index';
import { ACCESS_FIXTURE } from './access-fixture';
import { ADMIN_TOKEN, anonymous, api, bootstrapTicket } from './auth';
import { load, resetDatabase } from './helpers';
import { person, resetAccess, type Person } from './people';

// The cases a security probe found, each sent as the prober sent it: the answer is a
// refusal, and nothing was created (no session, no embed row, no spent link).

const ORIGIN = 'http://local';
const json = { 'content-type': 'application/json' };
const count = async (sql: string) => (await env.DB.prepare(sql).first<number>('n'))!;
const sessions = () => count('SELECT COUNT(*) AS n FROM sessions');
const cookieOf = (res: Response) => /thidua_session=([^;]+)/.exec(res.headers.get('Set-Cookie') ?? '')?.[1];

const jtiOf = (ticket: string) =>
  (JSON.parse(atob(ticket.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { jti: string }).jti;

const open = (ticket: string, headers: Record<string, string> = {}, next?: string) =>
  anonymous(`${ORIGIN}/api/v1/auth/sign-in?ticket=${ticket}${next === undefined ? '' : `&next=${next}`}`, {
    headers,
    redirect: 'manual',
  });

async function userLink(p: Person, hours = 24): Promise<string> {
  const made = await api(`${ORIGIN}/api/v1/auth/sign-in-links`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ user_id: p.id, lifetime_hours: hours }),
  });
  expect(made.status).toBe(201);
  return new URL(((await made.json()) as { url: string }).url).searchParams.get('ticket')!;
}

const patchUser = async (p: Person, body: object) => {
  const res = await api(`${ORIGIN}/api/v1/users/${p.id}`, {
    method: 'PATCH',
    headers: json,
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
};

/** The worker itself with other bindings (a deployed Worker's weak secret, or `npm start`'s LOCAL_DEV),
 * on the same D1. */
async function withBindings(bindings: Record<string, string>, path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${ORIGIN}${path}`, init), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

let viewer: Person;

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  viewer = await person('viewer', { unit: 'D1' }, '-probes');
});
beforeEach(async () => {
  await env.DB.prepare('DELETE FROM auth_failures').run();
});

describe('the redirect after a sign-in stays on this site', () => {
  it.each([
    ['/%09/evil.example', 'a tab the browser drops'],
    ['/%0A/evil.example', 'a line feed'],
    ['/%0D%0A/evil.example', 'CR LF'],
    ['/%0D%0ASet-Cookie:%20x=1', 'a header injection'],
    ['/%5C/evil.example', 'a backslash'],
    ['/%20/evil.example', 'a space'],
    ['https:evil.example', 'a scheme without slashes'],
  ])('next=%s (%s) answers 303 to a path on this site', async (next) => {
    const res = await open(await bootstrapTicket(), {}, next);
    expect(res.status).toBe(303);
    const location = res.headers.get('Location')!;
    expect(location.startsWith('/') && !location.startsWith('//')).toBe(true);
    expect(location).not.toMatch(/[\t\r\n\\]/);
    expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
  });

  it('keeps the path and query of a target on this site', async () => {
    const res = await open(await bootstrapTicket(), {}, encodeURIComponent('/dia-ban?unit=D1&from=2020'));
    expect(res.headers.get('Location')).toBe('/dia-ban?unit=D1&from=2020');
  });
});

describe('a sign-in link opens one session', () => {
  it('the npm start link: a second opening, or one after signing out, is refused and opens nothing', async () => {
    const ticket = await bootstrapTicket();
    const first = await open(ticket);
    expect(first.status).toBe(303);
    const before = await sessions();
    const again = await open(ticket);
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({
      error: 'This sign-in link has already been used: a link opens one session; ask an administrator for a new one',
      error_vi:
        'Liên kết đăng nhập này đã được dùng: mỗi liên kết chỉ mở một phiên; hãy nhờ quản trị viên gửi liên kết mới',
    });
    expect(again.headers.get('Set-Cookie')).toBeNull();
    const out = await anonymous(`${ORIGIN}/api/v1/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: `thidua_session=${cookieOf(first)}`, Origin: ORIGIN },
    });
    expect(out.status).toBe(200);
    const afterOut = await open(ticket, { accept: 'text/html' });
    expect(afterOut.status).toBe(303);
    expect(afterOut.headers.get('Location')).toBe('/?sign_in=link-used');
    expect(afterOut.headers.get('Set-Cookie')).toBeNull();
    expect(await sessions()).toBe(before - 1);
  });

  it.each([
    ['the npm start link', () => bootstrapTicket()],
    ['a link made for a user', () => userLink(viewer)],
  ])('%s opened 5 times at once makes exactly one session', async (_, make) => {
    const ticket = await make();
    const before = await sessions();
    const answers = await Promise.all(Array.from({ length: 5 }, () => open(ticket)));
    expect(answers.map((r) => r.status).sort()).toEqual([303, 401, 401, 401, 401]);
    expect(answers.filter((r) => cookieOf(r)).length).toBe(1);
    expect(await sessions()).toBe(before + 1);
  });

  it.each([
    ['disabled and enabled again', '-reenabled', [{ disabled: true }, { disabled: false }]],
    ['given another role', '-role', [{ role: 'analyst' }]],
    ['given another scope', '-scope', [{ scope_unit: 'D2' }]],
    ['freed of their scope', '-unscoped', [{ scope_unit: null }]],
  ])('a link made before its user was %s is refused', async (_, tag, changes) => {
    const p = await person('viewer', { unit: 'D1' }, tag);
    const ticket = await userLink(p);
    for (const change of changes) await patchUser(p, change);
    const before = await sessions();
    const res = await open(ticket);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toMatch(/withdrawn: the user's access changed/);
    expect(await sessions()).toBe(before);
    // a link made after the change works
    expect((await open(await userLink(p))).status).toBe(303);
  });

  it('a change of name only keeps the link', async () => {
    const p = await person('viewer', null, '-renamed');
    const ticket = await userLink(p);
    await patchUser(p, { name: 'Nguyễn Văn A' });
    expect((await open(ticket)).status).toBe(303);
  });

  it('is signed with SIGN_IN_SECRET, not ADMIN_TOKEN: a ticket signed with ADMIN_TOKEN opens nothing', async () => {
    const before = await sessions();
    const res = await open(await signTicket(ADMIN_TOKEN, 0, 3600));
    expect(res.status).toBe(401);
    expect(await sessions()).toBe(before);
  });
});

describe('a sign-in link followed from another site (login CSRF)', () => {
  it.each(['cross-site', 'same-site'])(
    'Sec-Fetch-Site: %s answers a confirmation page and sets nothing',
    async (site) => {
      const ticket = await bootstrapTicket();
      const before = await sessions();
      const res = await open(ticket, { 'Sec-Fetch-Site': site, accept: 'text/html' }, encodeURIComponent('/dia-ban'));
      expect(res.status).toBe(200);
      expect(res.headers.get('Set-Cookie')).toBeNull();
      expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toContain('Xác nhận đăng nhập');
      expect(html).toContain('<form method="post" action="/api/v1/auth/sign-in">');
      expect(html).toContain('name="next" value="/dia-ban"');
      expect(await sessions()).toBe(before);
      // the link is still unused: the confirmation, posted from this site, signs in
      const confirmed = await anonymous(`${ORIGIN}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: {
          'Sec-Fetch-Site': 'same-origin',
          Origin: 'null',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ ticket, next: '/dia-ban' }),
        redirect: 'manual',
      });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('Location')).toBe('/dia-ban');
      expect(cookieOf(confirmed)).toBeTruthy();
      expect(await sessions()).toBe(before + 1);
    },
  );

  it.each([
    ['from another site', { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }],
    ['from a sibling site', { 'Sec-Fetch-Site': 'same-site', Origin: 'https://other.local' }],
    ['with another Origin and no Sec-Fetch-Site', { Origin: 'https://evil.example' }],
    ['with neither header', {}],
  ])('the confirmation POST %s is refused (403) and spends nothing', async (_, headers) => {
    const ticket = await userLink(viewer);
    const before = await sessions();
    const res = await anonymous(`${ORIGIN}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ticket }),
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: 'Refused: a sign-in can only be confirmed from this site',
      error_vi: 'Bị từ chối: chỉ có thể xác nhận đăng nhập từ chính trang này',
    });
    expect(res.headers.get('Set-Cookie')).toBeNull();
    expect(await sessions()).toBe(before);
    expect(
      await count(`SELECT COUNT(*) AS n FROM sign_in_links WHERE id = '${jtiOf(ticket)}' AND used_at IS NULL`),
    ).toBe(1);
    // the link still works from this site
    expect((await open(ticket, { 'Sec-Fetch-Site': 'none' })).status).toBe(303);
  });
});

describe('embed origins are exactly one scheme://host[:port]', () => {
  it.each([
    'https://*',
    'https://*.example',
    'https://a.example;sandbox',
    "https://a.example'",
    'https://a.example/path',
    'https://a.example https://b.example',
    "https://a.example 'unsafe-inline'",
    'https://a.example:99999',
    'javascript:alert(1)',
    'https://user@a.example',
  ])('origin %s is refused (400) and no token is made', async (origin) => {
    const before = await count('SELECT COUNT(*) AS n FROM embed_tokens');
    const res = await api(`${ORIGIN}/api/v1/embeds`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ chart: 'trend', origin }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      parameter: 'origin',
      error: expect.stringMatching(/^origin: expected exactly one origin/),
    });
    expect(await count('SELECT COUNT(*) AS n FROM embed_tokens')).toBe(before);
  });

  it('stores the canonical origin, and the page’s frame-ancestors is built from the stored row', async () => {
    const res = await api(`${ORIGIN}/api/v1/embeds`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ chart: 'trend', origin: 'HTTPS://Portal.Example.vn' }),
    });
    expect(res.status).toBe(201);
    const made = (await res.json()) as { id: string; origin: string; token: string };
    expect(made.origin).toBe('https://portal.example.vn');
    expect(await env.DB.prepare('SELECT origin FROM embed_tokens WHERE id = ?').bind(made.id).first('origin')).toBe(
      'https://portal.example.vn',
    );
    // a row from before origins were parsed: its page is refused, never framed by a wildcard
    await env.DB.prepare("UPDATE embed_tokens SET origin = 'https://*' WHERE id = ?").bind(made.id).run();
    const page = await anonymous(`${ORIGIN}/embed/trend?token=${made.token}`);
    expect(page.status).toBe(401);
    expect(page.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('not a single scheme://host[:port]');
  });
});

describe('ADMIN_TOKEN guesses are rate limited, and the limit is keyed by who Cloudflare says', () => {
  const guess = (ip: string, token: string) =>
    anonymous(`${ORIGIN}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}`, 'CF-Connecting-IP': ip } });

  it(
    'after 10 wrong guesses from an address, the right ADMIN_TOKEN gets 429 ' +
      'too (no oracle); other addresses are served',
    async () => {
      for (let i = 0; i < 10; i++)
        expect((await guess('203.0.113.20', `${ADMIN_TOKEN.slice(0, -1)}${i}`)).status).toBe(i < 9 ? 401 : 429);
      const right = await guess('203.0.113.20', ADMIN_TOKEN);
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('Retry-After'))).toBeGreaterThan(800);
      expect((await guess('203.0.113.21', ADMIN_TOKEN)).status).toBe(200);
    },
  );

  it(
    'under npm start (LOCAL_DEV) CF-Connecting-IP is the client’s own text ' +
      'and is ignored: changing it does not buy more guesses',
    async () => {
      const local = (ip: string, token: string) =>
        withBindings({ LOCAL_DEV: '1' }, '/api/v1/auth/me', {
          headers: { authorization: `Bearer ${token}`, 'CF-Connecting-IP': ip },
        });
      for (let i = 0; i < 10; i++) await local(`198.51.100.${i}`, `wrong-${i}`);
      const res = await local('198.51.100.200', ADMIN_TOKEN);
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: string }).error).toMatch(/or restart npm start$/);
      expect(await count("SELECT COUNT(*) AS n FROM auth_failures WHERE client LIKE '198.51.100.%'")).toBe(0);
      expect(await count("SELECT count AS n FROM auth_failures WHERE client = 'local'")).toBe(10);
    },
  );
});

describe('a weak secret on a deployed Worker', () => {
  it('ADMIN_TOKEN=t: the bootstrap admin answers 503 saying how to fix it (npm start keeps honouring it)', async () => {
    const res = await withBindings({ ADMIN_TOKEN: 't' }, '/api/v1/users', {
      method: 'POST',
      headers: { authorization: 'Bearer t', ...json },
      body: JSON.stringify({ email: 'weak@example.vn', role: 'admin' }),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toBe(
      'The bootstrap admin is switched off: ADMIN_TOKEN is too weak for a ' +
        'deployed Worker (at least 32 random characters): set a new one with ' +
        '`openssl rand -base64 32 | npx wrangler secret put ADMIN_TOKEN`',
    );
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE email = 'weak@example.vn'")).toBe(0);
    for (const weak of ['x'.repeat(40), 'abababababababababababababababab12']) {
      expect(
        (await withBindings({ ADMIN_TOKEN: weak }, '/api/v1/auth/me', { headers: { authorization: `Bearer ${weak}` } }))
          .status,
      ).toBe(503);
    }
    const local = await withBindings({ ADMIN_TOKEN: 't', LOCAL_DEV: '1' }, '/api/v1/auth/me', {
      headers: { authorization: 'Bearer t' },
    });
    expect(local.status).toBe(200);
  });

  it('a weak or missing SIGN_IN_SECRET switches links off (503): none is made, none opens', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM sign_in_links');
    const make = (bindings: Record<string, string>) =>
      withBindings(bindings, '/api/v1/auth/sign-in-links', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...json },
        body: JSON.stringify({ user_id: viewer.id }),
      });
    const weak = await make({ SIGN_IN_SECRET: 'short' });
    expect(weak.status).toBe(503);
    expect(((await weak.json()) as { error: string }).error).toMatch(
      /^Sign-in links are disabled: SIGN_IN_SECRET is too weak/,
    );
    const missing = await make({ SIGN_IN_SECRET: '' });
    expect(await missing.json()).toEqual({
      error: 'Sign-in links are disabled: the server has no SIGN_IN_SECRET configured',
      error_vi: 'Liên kết đăng nhập đang bị tắt: máy chủ chưa có SIGN_IN_SECRET',
    });
    expect(await count('SELECT COUNT(*) AS n FROM sign_in_links')).toBe(before);
    const sessionsBefore = await sessions();
    const opened = await withBindings(
      { SIGN_IN_SECRET: 'short' },
      `/api/v1/auth/sign-in?ticket=${await signTicket('short', 0, 3600)}`,
      { redirect: 'manual' },
    );
    expect(opened.status).toBe(503);
    expect(await sessions()).toBe(sessionsBefore);
  });
});
