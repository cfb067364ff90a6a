import { pageCsp } from '../../worker/security/pageHeaders';
import { anonymous, api } from './auth';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { signEmbed } from '../../worker/embed/token';
import { CLUSTER_K, FIXTURE } from './fixture';
import type { DemoDataset } from '../../scripts/demo/types';
import { load, resetDatabase } from './helpers';

const ADMIN = { Authorization: 'Bearer test-admin-token-7Qm2xWv9Lk4Rt8Zp3Hs6Jd1N', 'Content-Type': 'application/json' };
const ORIGIN = 'https://host.example';

interface Created {
  id: string;
  token: string;
  url: string;
  snippet: string;
  chart: string;
  params: Record<string, string>;
  origin: string;
  expires_at: string;
  status: string;
}

async function create(body: unknown, headers: Record<string, string> = ADMIN) {
  const res = await anonymous('http://local/api/v1/embeds', { method: 'POST', headers, body: JSON.stringify(body) });
  return {
    status: res.status,
    body: (await res.json()) as Created & { error?: string; error_vi?: string; parameter?: string },
  };
}

const countTokens = async () =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM embed_tokens').first<{ n: number }>())!.n;

async function data(chart: string, query: string) {
  const res = await api(`http://local/api/v1/embed-data/${chart}?${query}`);
  return {
    status: res.status,
    body: (await res.json()) as {
      rows?: unknown[];
      total?: number;
      about?: { area: { vi: string; en: string }; years: { vi: string; en: string } };
      error?: string;
      parameter?: string;
    },
  };
}

/** The same token with its payload replaced: the signature no longer matches. */
function withPayload(token: string, change: (p: Record<string, unknown>) => void) {
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/')));
  change(payload);
  const b64 = btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${h}.${b64}.${s}`;
}

// the fixture with a cluster of P and Q and its year-end ranks, for the ranks chart
const WITH_CLUSTER: DemoDataset = { ...FIXTURE, ...CLUSTER_K };

beforeAll(async () => {
  await resetDatabase();
  await load(WITH_CLUSTER);
});

describe('embed tokens', () => {
  it('are created with the admin token only, and listed and revoked', async () => {
    const before = await countTokens();
    expect((await create({ chart: 'trend', origin: ORIGIN }, { 'Content-Type': 'application/json' })).status).toBe(401);
    expect(await countTokens()).toBe(before);

    const made = await create({
      chart: 'trend',
      params: { unit: 'P' },
      origin: ORIGIN,
      lifetime_days: 7,
      label: 'Cổng tỉnh',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ chart: 'trend', params: { unit: 'P' }, origin: ORIGIN, status: 'active' });
    expect(made.body.token.split('.')).toHaveLength(3);
    expect(made.body.url).toBe(`http://local/embed/trend?token=${made.body.token}`);
    expect(made.body.snippet).toContain('<iframe');
    expect(made.body.snippet).toContain('thidua:height');
    expect(await countTokens()).toBe(before + 1);

    expect((await anonymous('http://local/api/v1/embeds')).status).toBe(401);
    const list = (await (await api('http://local/api/v1/embeds', { headers: ADMIN })).json()) as { tokens: Created[] };
    const listed = list.tokens.find((t) => t.id === made.body.id)!;
    expect(listed).toMatchObject({ chart: 'trend', origin: ORIGIN, status: 'active', params: { unit: 'P' } });
    expect(listed).not.toHaveProperty('token');

    expect((await anonymous(`http://local/api/v1/embeds/${made.body.id}`, { method: 'DELETE' })).status).toBe(401);
    const revoked = await api(`http://local/api/v1/embeds/${made.body.id}`, { method: 'DELETE', headers: ADMIN });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: made.body.id, status: 'revoked' });
    expect((await api('http://local/api/v1/embeds/nope', { method: 'DELETE', headers: ADMIN })).status).toBe(404);
  });

  it.each([
    [{ chart: 'nope', origin: ORIGIN }, 'chart'],
    [{ chart: 'trend', origin: 'https://host.example/page' }, 'origin'],
    [{ chart: 'trend', origin: 'javascript:alert(1)' }, 'origin'],
    [{ chart: 'trend', origin: ORIGIN, params: { group_by: 'unit' } }, 'group_by'],
    [{ chart: 'trend', origin: ORIGIN, params: { unit: 'NOPE' } }, 'unit'],
    [{ chart: 'trend', origin: ORIGIN, params: { from: '20x1' } }, 'params'],
    [{ chart: 'trend', origin: ORIGIN, lifetime_days: 0 }, 'lifetime_days'],
    // the ranks are of one cluster: it must be given, known, and nothing else is a filter there
    [{ chart: 'ranks', origin: ORIGIN }, 'params'],
    [{ chart: 'ranks', origin: ORIGIN, params: { cluster: 'NOPE' } }, 'cluster'],
    [{ chart: 'ranks', origin: ORIGIN, params: { cluster: 'K', unit: 'P' } }, 'unit'],
    [{ chart: 'shares', origin: ORIGIN, params: { unit: 'NOPE' } }, 'unit'],
    [{ chart: 'shares', origin: ORIGIN, params: { group_by: 'tier' } }, 'group_by'],
  ])('refuses a bad request %j (400 naming %s) and writes nothing', async (body, parameter) => {
    const before = await countTokens();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.parameter).toBe(parameter);
    expect(await countTokens()).toBe(before);
  });
});

describe('embed data', () => {
  let token: string;
  let id: string;
  beforeAll(async () => {
    const made = await create({ chart: 'trend', params: { unit: 'D1', from: '2023' }, origin: ORIGIN });
    token = made.body.token;
    id = made.body.id;
  });

  it('answers a valid token with what /awards/summary answers for the same query', async () => {
    const res = await data('trend', `token=${token}`);
    expect(res.status).toBe(200);
    const direct = await (await api('http://local/api/v1/awards/summary?group_by=year,tier&unit=D1&from=2023')).json();
    const { about, ...figures } = res.body;
    expect(figures).toEqual(direct);
    // and what it is of, in words: the unit's name and the years the answer holds
    expect(about).toEqual({ area: { vi: 'Huyện D1', en: 'Huyện D1' }, years: { vi: '2023–2024', en: '2023–2024' } });
    expect(res.body.total).toBe(36); // D1's subtree: 10+5+3+2 in 2023, 7+1+6+2 in 2024
    // an open filter may be set by the embedding page
    const narrowed = await data('trend', `token=${token}&to=2023`);
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.total).toBe(20);
    expect(narrowed.body.about?.years).toEqual({ vi: '2023', en: '2023' });
  });

  it('names all areas and the years of the data when the token leaves them open', async () => {
    const made = await create({ chart: 'by-tier', origin: ORIGIN });
    expect(made.status).toBe(201);
    const res = await data('by-tier', `token=${made.body.token}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(41);
    expect(res.body.about).toEqual({
      area: { vi: 'Tất cả địa bàn', en: 'All areas' },
      years: { vi: 'Tất cả các năm có số liệu', en: 'Every year with data' },
    });
    const years = await data('by-tier', `token=${made.body.token}&from=2020&to=2024`);
    expect(years.body.about?.years).toEqual({ vi: '2020–2024', en: '2020–2024' });
  });

  it('refuses to change a locked parameter, with its name and no data', async () => {
    for (const [query, parameter] of [
      ['unit=Q', 'unit'],
      ['from=2024', 'from'],
      ['group_by=year,unit', 'group_by'],
    ]) {
      const res = await data('trend', `token=${token}&${query}`);
      expect(res.status).toBe(400);
      expect(res.body.parameter).toBe(parameter);
      expect(res.body.error).toMatch(/locked by the embed token/);
      expect(res.body.rows).toBeUndefined();
    }
    // repeating the locked value is not an override
    expect((await data('trend', `token=${token}&unit=D1`)).status).toBe(200);
  });

  it('refuses a tampered, foreign, expired, revoked or missing token with 401 and no data', async () => {
    const secret = env.EMBED_SECRET as string;
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      jti: id,
      chart: 'trend' as const,
      params: { unit: 'D1' },
      origin: ORIGIN,
      iat: now - 100,
      exp: now + 100,
    };
    const cases: [string, RegExp][] = [
      [withPayload(token, (p) => ((p.params as Record<string, string>).unit = 'Q')), /signature/],
      [token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA'), /signature/],
      [await signEmbed(claims, 'another-secret'), /signature/],
      [await signEmbed({ ...claims, exp: now - 10 }, secret), /expired/],
      [await signEmbed({ ...claims, jti: 'not-issued' }, secret), /unknown/],
      ['', /Missing/],
    ];
    for (const [bad, message] of cases) {
      const res = await data('trend', `token=${bad}`);
      expect(res.status, String(message)).toBe(401);
      expect(res.body.error).toMatch(message);
      expect(res.body.rows).toBeUndefined();
    }
    // a token for another chart
    expect((await data('kinds', `token=${token}`)).status).toBe(401);
    // an unknown chart
    expect((await data('nope', `token=${token}`)).status).toBe(400);

    await api(`http://local/api/v1/embeds/${id}`, { method: 'DELETE', headers: ADMIN });
    const revoked = await data('trend', `token=${token}`);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toMatch(/revoked/);
  });
});

describe('embed data of the cards that are not summaries', () => {
  it('answers the shares chart with what /awards/indicators answers, in words, without a total', async () => {
    const made = await create({ chart: 'shares', params: { unit: 'P' }, origin: ORIGIN });
    expect(made.status).toBe(201);
    const res = await data('shares', `token=${made.body.token}`);
    expect(res.status).toBe(200);
    const direct = (await (await api('http://local/api/v1/awards/indicators?unit=P')).json()) as { rows: unknown[] };
    expect(res.body.rows).toEqual(direct.rows);
    expect(res.body.rows?.length).toBeGreaterThan(0);
    expect(res.body.total).toBeUndefined();
    expect(res.body.about).toEqual({
      area: { vi: 'Tỉnh P', en: 'Tỉnh P' },
      years: { vi: '2023–2024', en: '2023–2024' },
    });
    const locked = await data('shares', `token=${made.body.token}&unit=Q`);
    expect(locked.status).toBe(400);
    expect(locked.body.parameter).toBe('unit');
    expect(locked.body.rows).toBeUndefined();
  });

  it("answers the ranks chart with the cluster's results, the cluster and its members named", async () => {
    const made = await create({ chart: 'ranks', params: { cluster: 'K' }, origin: ORIGIN });
    expect(made.status).toBe(201);
    const res = await data('ranks', `token=${made.body.token}`);
    expect(res.status).toBe(200);
    const direct = (await (await api('http://local/api/v1/movements/results?cluster=K')).json()) as { rows: unknown[] };
    expect(res.body.rows).toEqual(direct.rows);
    expect(res.body.rows).toHaveLength(4);
    expect(res.body.about).toEqual({
      area: { vi: 'Cụm K', en: 'Cụm K' },
      years: { vi: '2023–2024', en: '2023–2024' },
      names: { P: { vi: 'Tỉnh P', en: 'Tỉnh P' }, Q: { vi: 'Tỉnh Q', en: 'Tỉnh Q' } },
    });
    // the years left open may be narrowed by the embedding page; the cluster may not be changed
    const narrowed = await data('ranks', `token=${made.body.token}&from=2024`);
    expect(narrowed.body.rows).toHaveLength(2);
    expect(narrowed.body.about?.years).toEqual({ vi: '2024', en: '2024' });
    for (const [query, parameter] of [
      ['cluster=L', 'cluster'],
      ['unit=P', 'unit'],
    ]) {
      const bad = await data('ranks', `token=${made.body.token}&${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body.parameter).toBe(parameter);
      expect(bad.body.rows).toBeUndefined();
    }
  });

  it('answers the high tiers with its locked tiers only, and a token for it shows no other chart', async () => {
    const made = await create({ chart: 'high-tiers', params: { tier: 'state,government' }, origin: ORIGIN });
    expect(made.status).toBe(201);
    const res = await data('high-tiers', `token=${made.body.token}`);
    expect(res.status).toBe(200);
    const direct = await (
      await api('http://local/api/v1/awards/summary?group_by=year,tier&tier=state,government')
    ).json();
    const { about: _about, ...figures } = res.body;
    expect(figures).toEqual(direct);
    expect((await data('trend', `token=${made.body.token}`)).status).toBe(401);
  });
});

describe('the half-year chart', () => {
  it('locks the decision months and answers like the summary with them, tier first', async () => {
    const params = { from: '2023', to: '2024', months: '1-6' };
    const made = await create({ chart: 'half-year', params, origin: ORIGIN });
    expect(made.status).toBe(201);
    expect(made.body.params).toEqual(params);
    const res = await data('half-year', `token=${made.body.token}`);
    expect(res.status).toBe(200);
    const direct = await (
      await api('http://local/api/v1/awards/summary?group_by=tier,year&from=2023&to=2024&months=1-6')
    ).json();
    const { about: _about, ...figures } = res.body;
    expect(figures).toEqual(direct);
    // the months are locked like any other filter
    const changed = await data('half-year', `token=${made.body.token}&months=1-9`);
    expect(changed.status).toBe(400);
    expect(changed.body.parameter).toBe('months');
    expect(changed.body.rows).toBeUndefined();
  });

  it('refuses decision months on a chart whose endpoint has none, and keeps no token', async () => {
    const before = await countTokens();
    const made = await create({ chart: 'shares', params: { months: '1-6' }, origin: ORIGIN });
    expect(made.status).toBe(400);
    expect(made.body.parameter).toBe('months');
    expect(made.body.error).toMatch(/unknown parameter/);
    expect(made.body.error_vi).toMatch(/tham số không được hỗ trợ/);
    const bad = await create({ chart: 'half-year', params: { months: '13' }, origin: ORIGIN });
    expect(bad.status).toBe(400);
    // a bad value inside params is named by its object, the message says which
    expect(bad.body.parameter).toBe('params');
    expect(bad.body.error).toMatch(/months are 1 to 12/);
    expect(await countTokens()).toBe(before);
  });
});

describe('the embed page', () => {
  it("may be framed only by the token's origin", async () => {
    const made = await create({ chart: 'kinds', origin: 'http://127.0.0.1:5555' });
    const res = await api(`http://local/embed/kinds?token=${made.body.token}&theme=dark&lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(pageCsp('http://127.0.0.1:5555'));
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(res.headers.get('X-Frame-Options')).toBeNull();
    expect(await res.text()).toMatch(/<div id="app">/);
  });

  it.each([
    ['no token', ''],
    ['a bad token', 'token=abc.def.ghi'],
  ])('answers %s with a readable 401 page that nobody may frame', async (_, query) => {
    const res = await api(`http://local/embed/trend?${query}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('Content-Security-Policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toMatch(/Không hiển thị được biểu đồ/);
    expect(html).not.toMatch(/"rows"/);
    expect(html).not.toMatch(/<script/);
  });

  it('answers a frame on another origin with a readable 403 page in both languages, without the app', async () => {
    const made = await create({ chart: 'trend', origin: 'https://allowed.example' });
    const frame = (referer: string | null, dest = 'iframe') =>
      api(`http://local/embed/trend?token=${made.body.token}`, {
        headers: { 'Sec-Fetch-Dest': dest, ...(referer ? { Referer: referer } : {}) },
      });
    const refused = await frame('https://other.example/page.html');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'.*frame-ancestors \*$/);
    expect(refused.headers.get('X-Frame-Options')).toBeNull();
    const html = await refused.text();
    expect(html).toMatch(/không được phép hiển thị trên trang https:\/\/other\.example\./);
    expect(html).toMatch(/chỉ dùng được trên https:\/\/allowed\.example/);
    expect(html).toMatch(/<p lang="en">This chart may not be shown on https:\/\/other\.example\.<\/p>/);
    expect(html).not.toMatch(/<div id="app">|<script/);

    // the allowed origin, a visit of its own, and a host that sends no referrer get the chart,
    // still behind frame-ancestors (the browser refuses any other framing page)
    for (const res of [
      await frame('https://allowed.example/tin-tuc/bai-1'),
      await frame('https://other.example/', 'document'),
      await frame(null),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Security-Policy')).toBe(pageCsp('https://allowed.example'));
      expect(await res.text()).toMatch(/<div id="app">/);
    }
  });
});

describe('published snapshots', () => {
  const countSnapshots = async () =>
    (await env.DB.prepare('SELECT COUNT(*) AS n FROM snapshots').first<{ n: number }>())!.n;
  const publish = (body: unknown, headers: Record<string, string> = ADMIN) =>
    anonymous('http://local/api/v1/snapshots', { method: 'POST', headers, body: JSON.stringify(body) });

  it('freeze the answer of a chart with a fixed query, which later imports do not change', async () => {
    const before = await countSnapshots();
    expect((await publish({ chart: 'kinds' }, { 'Content-Type': 'application/json' })).status).toBe(401);
    const bad = await publish({ chart: 'kinds', params: { unit: 'NOPE' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parameter: string }).parameter).toBe('unit');
    expect(await countSnapshots()).toBe(before);

    const res = await publish({ chart: 'kinds', params: { unit: 'P' }, label: 'Báo cáo năm 2024' });
    expect(res.status).toBe(201);
    const made = (await res.json()) as { id: string; url: string; data: { total: number }; about: unknown };
    const direct = await (await api('http://local/api/v1/awards/summary?group_by=year,kind&unit=P')).json();
    expect(made.data).toEqual(direct);
    expect(made.data.total).toBe(40); // every fixture award but Q's
    expect(made.url).toBe(`http://local/snapshot/${made.id}`);
    const about = { area: { vi: 'Tỉnh P', en: 'Tỉnh P' }, years: { vi: '2023–2024', en: '2023–2024' } };
    expect(made.about).toEqual(about);
    expect(await countSnapshots()).toBe(before + 1);

    await resetDatabase();
    const later = await api(`http://local/api/v1/snapshots/${made.id}`);
    expect(later.status).toBe(200);
    expect(await later.json()).toMatchObject({
      id: made.id,
      chart: 'kinds',
      params: { unit: 'P' },
      label: 'Báo cáo năm 2024',
      data: direct,
      // frozen with the figures: the names stay although the data was reset
      about,
    });
    expect((await api('http://local/api/v1/snapshots/nope')).status).toBe(404);
    await load(WITH_CLUSTER);
  });

  it('freeze the shares and the ranks with the answers of their own endpoints', async () => {
    for (const [chart, params, path] of [
      ['shares', { unit: 'P' }, 'awards/indicators?unit=P'],
      ['ranks', { cluster: 'K', to: '2023' }, 'movements/results?cluster=K&to=2023'],
    ] as const) {
      const res = await publish({ chart, params });
      expect(res.status).toBe(201);
      const made = (await res.json()) as { id: string; data: { rows: unknown[] }; about: { area: unknown } };
      const direct = (await (await api(`http://local/api/v1/${path}`)).json()) as { rows: unknown[] };
      expect(made.data).toEqual({ rows: direct.rows });
      const read = (await (await api(`http://local/api/v1/snapshots/${made.id}`)).json()) as typeof made;
      expect(read.data).toEqual({ rows: direct.rows });
      expect(read.about.area).toEqual(
        chart === 'ranks' ? { vi: 'Cụm K', en: 'Cụm K' } : { vi: 'Tỉnh P', en: 'Tỉnh P' },
      );
    }
    const before = await countSnapshots();
    const bad = await publish({ chart: 'ranks', params: { cluster: 'NOPE' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parameter: string }).parameter).toBe('cluster');
    expect(await countSnapshots()).toBe(before);
  });
});
