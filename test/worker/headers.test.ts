import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_FIXTURE } from './access-fixture';
import { anonymous, api } from './auth';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person } from './people';

// Hardening: the same security headers on every API answer, whatever its status; CORS closed;
// bodies size-limited with a clear 413; failures that say what went wrong without a stack or SQL.

let viewer: Person;
beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  viewer = await person('viewer', { unit: 'D1' });
});

const FOREIGN = { Origin: 'https://elsewhere.example' };

function expectApiHeaders(res: Response, label: string) {
  expect(res.headers.get('Content-Type'), label).toMatch(/^application\/json/);
  expect(res.headers.get('X-Content-Type-Options'), label).toBe('nosniff');
  expect(res.headers.get('Content-Security-Policy'), label).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(res.headers.get('X-Frame-Options'), label).toBe('DENY');
  expect(res.headers.get('Referrer-Policy'), label).toBe('no-referrer');
  expect(res.headers.get('Strict-Transport-Security'), label).toMatch(/max-age=\d+/);
  expect(res.headers.get('Cross-Origin-Resource-Policy'), label).toBe('same-origin');
  // CORS stays closed: no cross-origin grant, whatever the Origin
  expect(res.headers.get('Access-Control-Allow-Origin'), label).toBeNull();
  expect(res.headers.get('Access-Control-Allow-Credentials'), label).toBeNull();
}

describe('security headers on every API response', () => {
  it.each([
    ['GET', '/api/v1/meta', 'admin', 200],
    ['GET', '/api/v1/awards/summary?group_by=nope', 'admin', 400],
    ['GET', '/api/v1/meta', 'anonymous', 401],
    ['GET', '/api/v1/awards/summary?unit=Q', 'viewer', 403],
    ['GET', '/api/v1/users', 'viewer', 403],
    ['GET', '/api/v1/nope', 'admin', 404],
    ['GET', '/api/v1/nope', 'anonymous', 401],
    ['POST', '/api/v1/meta', 'admin', 404],
    ['GET', '/api/v1/openapi.json', 'anonymous', 200],
  ])('%s %s as %s: %i', async (method, path, who, status) => {
    const init = { method, headers: FOREIGN };
    const res =
      who === 'anonymous'
        ? await anonymous(`http://local${path}`, init)
        : who === 'viewer'
          ? await as(viewer, path, init)
          : await api(`http://local${path}`, init);
    expect(res.status).toBe(status);
    expectApiHeaders(res, `${method} ${path}`);
  });

  it('a CORS preflight from another origin is granted nothing', async () => {
    const res = await anonymous('http://local/api/v1/awards/summary', {
      method: 'OPTIONS',
      headers: {
        ...FOREIGN,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Access-Control-Allow-Headers')).toBeNull();
    expect(res.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });
});

describe('request size limits', () => {
  const users = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM users').first<{ n: number }>())!.n;

  it('refuses a JSON body over 64 KB with 413, reading and writing nothing', async () => {
    const before = await users();
    const big = JSON.stringify({ email: 'big@example.vn', role: 'viewer', name: 'x'.repeat(70_000) });
    const res = await api('http://local/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'Request body too large: at most 64 KB',
      error_vi: 'Nội dung gửi lên quá lớn: tối đa 64 KB',
    });
    expectApiHeaders(res, '413');
    expect(await users()).toBe(before);
  });

  it('refuses an upload declared larger than 100 MB before reading it', async () => {
    const batches = (await env.DB.prepare('SELECT COUNT(*) AS n FROM import_batches').first<{ n: number }>())!.n;
    const res = await api('http://local/api/v1/imports/awards', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': String(101 * 1024 * 1024) },
      body: 'year,award_code,unit_code,recipient_kind\n',
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/at most 100 MB; send larger award lists in parts/);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM import_batches').first<{ n: number }>())!.n).toBe(batches);
  });
});

describe('errors never show a stack trace or SQL', () => {
  it('a failing query answers a plain 500', async () => {
    await env.DB.prepare('ALTER TABLE movement_results RENAME TO movement_results_hidden').run();
    try {
      const res = await api('http://local/api/v1/movements/results?cluster=K_DIST', {
        headers: { 'X-Cache-Bypass': '1' },
      });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        error: 'Internal error: the request could not be completed. Nothing was changed.',
        error_vi: 'Lỗi máy chủ: yêu cầu chưa thực hiện được, không có gì bị thay đổi.',
      });
      expect(text).not.toMatch(/SELECT|movement_results|SQLITE|D1_ERROR|\.ts:\d+/);
      expectApiHeaders(res, '500');
    } finally {
      await env.DB.prepare('ALTER TABLE movement_results_hidden RENAME TO movement_results').run();
    }
  });

  it('a malformed JSON body is a 400 in words, not a parser trace', async () => {
    const res = await api('http://local/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at JSON\.parse|SyntaxError:.*\n\s+at /);
  });
});
