import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import { ACCESS_FIXTURE, IN_SCOPE, QTY } from './access-fixture';
import { anonymous } from './auth';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person } from './people';

// Out-of-scope numbers never come back, through any read path. Each unit's awards are a
// different power of ten (access-fixture.ts), so a number below 10^k holds only awards of
// the k smallest units: D1's subtree is C1, C2, D1 (below 1,000), K_DIST's adds C3, D2
// (below 100,000). Every count in every answer is checked against that bound.

let d1: Person;
let kDist: Person;
let all: Person;

const BOUND = { D1: 1_000, K_DIST: 100_000 } as const;
const SUMMARY_VIEWS = [
  '',
  'group_by=year',
  'group_by=unit',
  'group_by=unit,year',
  'group_by=cluster',
  'group_by=award,kind',
  'group_by=gender,class',
  'group_by=tier,category,method',
  'as_of=2025-07-01&group_by=unit',
  'from=2024&to=2024&group_by=year',
];

async function json<T>(p: Person, path: string): Promise<T> {
  const res = await as(p, path);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
}

type Summary = { rows: { count: number; unit?: string }[]; total: number };

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  d1 = await person('analyst', { unit: 'D1' });
  kDist = await person('analyst', { cluster: 'K_DIST' });
  all = await person('analyst');
});

describe('a unit scope (D1)', () => {
  it.each(SUMMARY_VIEWS)('summary %s counts only its subtree', async (query) => {
    const body = await json<Summary>(d1, `/api/v1/awards/summary?${query}`);
    const total = query.includes('from=2024') ? IN_SCOPE.D1 / 2 : IN_SCOPE.D1;
    // group_by=cluster counts an award under every cluster it is in (K_DIST and K_PROV)
    expect(body.total).toBe(query.includes('cluster') ? 2 * total : total);
    for (const r of body.rows) expect(r.count).toBeLessThan(BOUND.D1);
  });

  it('starts its views at its unit: group_by=unit gives its children and its own awards', async () => {
    const body = await json<Summary>(d1, '/api/v1/awards/summary?group_by=unit');
    expect(Object.fromEntries(body.rows.map((r) => [r.unit, r.count]))).toEqual({
      C1: 2 * QTY.C1,
      C2: 2 * QTY.C2,
      D1: 2 * QTY.D1,
    });
  });

  it('indicators count only its subtree', async () => {
    const { rows } = await json<{ rows: { year: number; total: number; individual: number }[] }>(
      d1,
      '/api/v1/awards/indicators',
    );
    expect(rows.map((r) => r.total)).toEqual([IN_SCOPE.D1 / 2, IN_SCOPE.D1 / 2]);
  });

  it('downloads (CSV and XLSX) hold only its numbers', async () => {
    const csv = await (await as(d1, '/api/v1/awards/summary?group_by=unit,year&format=csv')).text();
    const counts = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => Number(line.split(',').at(-1)));
    expect(counts.reduce((s, n) => s + n, 0)).toBe(IN_SCOPE.D1);
    for (const n of counts) expect(n).toBeLessThan(BOUND.D1);

    const xlsx = await (await as(d1, '/api/v1/awards/summary?group_by=unit&format=xlsx')).arrayBuffer();
    const sheet = read(new Uint8Array(xlsx)).Sheets['Dữ liệu'] ?? Object.values(read(new Uint8Array(xlsx)).Sheets)[0]!;
    const cells = utils
      .sheet_to_json<unknown[]>(sheet, { header: 1 })
      .slice(1)
      .map((r) => Number(r.at(-1)));
    expect(cells.reduce((s, n) => s + n, 0)).toBe(IN_SCOPE.D1);
  });

  it('report forms: its own units only, within its numbers', async () => {
    const form = await json<{ rows: { group: string; cells: (number | null)[] }[] }>(
      d1,
      '/api/v1/reports/0603?unit=D1&year=2024',
    );
    const byMethod = form.rows.filter((r) => r.group === 'method').flatMap((r) => r.cells.map((c) => c ?? 0));
    expect(byMethod.reduce((s, n) => s + n, 0)).toBe(IN_SCOPE.D1 / 2);
    const res = await as(d1, '/api/v1/reports/0603?unit=P&year=2024');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ parameter: 'unit' });
  });

  it('movement results: only clusters it is in, only its rows', async () => {
    const { rows } = await json<{ rows: { unit: string }[] }>(d1, '/api/v1/movements/results?cluster=K_DIST');
    expect(rows.map((r) => r.unit)).toEqual(['D1', 'D1']);
    expect((await as(d1, '/api/v1/movements/results?cluster=K_PROV')).status).toBe(403);
  });

  it('the catalog lists its units with their ancestors, and the clusters it is in', async () => {
    const meta = await json<{
      units: { code: string }[];
      clusters: { code: string; members: { unit_code: string }[] }[];
    }>(d1, '/api/v1/meta');
    expect(meta.units.map((u) => u.code).sort()).toEqual(['C1', 'C2', 'D1', 'P']);
    expect(meta.clusters).toEqual([
      expect.objectContaining({ code: 'K_DIST', members: [expect.objectContaining({ unit_code: 'D1' })] }),
    ]);
  });

  it('an embed it makes shows only its numbers, and cannot be widened through the open filters', async () => {
    const made = await as(d1, '/api/v1/embeds', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chart: 'trend', origin: 'https://portal.example.vn' }),
    });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    const data = (await (await anonymous(`http://local/api/v1/embed-data/trend?token=${token}`)).json()) as Summary;
    expect(data.total).toBe(IN_SCOPE.D1);
    for (const r of data.rows) expect(r.count).toBeLessThan(BOUND.D1);
    const widened = await anonymous(`http://local/api/v1/embed-data/trend?token=${token}&unit=Q`);
    expect(widened.status).toBe(403);
    expect(await widened.text()).not.toMatch(/count/);
  });

  it('a snapshot it publishes freezes only its numbers', async () => {
    const made = await as(d1, '/api/v1/snapshots', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chart: 'kinds' }),
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const shown = (await (await anonymous(`http://local/api/v1/snapshots/${id}`)).json()) as { data: Summary };
    expect(shown.data.total).toBe(IN_SCOPE.D1);
  });

  it('asking outside it is a 403 naming the parameter, with no numbers', async () => {
    for (const q of ['unit=Q', 'unit=P', 'unit=D2&group_by=year', 'cluster=K_PROV']) {
      const res = await as(d1, `/api/v1/awards/summary?${q}`);
      expect(res.status, q).toBe(403);
      const body = (await res.json()) as { error: string; parameter: string };
      expect(body.error).toMatch(/outside your scope/);
      expect(body).not.toHaveProperty('rows');
    }
  });
});

describe('a cluster scope (K_DIST)', () => {
  it.each(SUMMARY_VIEWS)('summary %s counts only its members', async (query) => {
    const body = await json<Summary>(kDist, `/api/v1/awards/summary?${query}`);
    const total = query.includes('from=2024') ? IN_SCOPE.K_DIST / 2 : IN_SCOPE.K_DIST;
    expect(body.total).toBe(total);
    for (const r of body.rows) expect(r.count).toBeLessThan(BOUND.K_DIST);
  });

  it('sees its cluster results whole, and no other cluster', async () => {
    const { rows } = await json<{ rows: { unit: string }[] }>(kDist, '/api/v1/movements/results?cluster=K_DIST');
    expect(rows.map((r) => r.unit)).toEqual(['D1', 'D2', 'D1', 'D2']);
    expect((await as(kDist, '/api/v1/movements/results?cluster=K_PROV')).status).toBe(403);
    expect((await as(kDist, '/api/v1/awards/summary?cluster=K_PROV')).status).toBe(403);
  });

  it('forms for a member, not for the province above it', async () => {
    expect((await as(kDist, '/api/v1/reports/0603?unit=D2&year=2024')).status).toBe(200);
    expect((await as(kDist, '/api/v1/reports/0603?unit=P&year=2024')).status).toBe(403);
  });
});

describe('no scope', () => {
  it('sees everything', async () => {
    expect((await json<Summary>(all, '/api/v1/awards/summary')).total).toBe(IN_SCOPE.all);
    expect((await json<{ units: unknown[] }>(all, '/api/v1/meta')).units).toHaveLength(8);
  });

  it('a scope whose unit no longer exists grants nothing', async () => {
    const ghost = await person('viewer', { unit: 'D1' }, '-ghost');
    await env.DB.prepare("UPDATE users SET scope_unit = 'GONE' WHERE id = ?").bind(ghost.id).run();
    const body = await json<Summary>(ghost, '/api/v1/awards/summary');
    expect(body.total).toBe(0);
    expect((await json<{ units: unknown[] }>(ghost, '/api/v1/meta')).units).toEqual([]);
  });

  it('caches answers per role and scope: the same URL answers each by their own scope', async () => {
    const url = '/api/v1/awards/summary?group_by=year&from=2023';
    const a = await as(all, url);
    const b = await as(d1, url);
    expect(((await a.json()) as Summary).total).toBe(IN_SCOPE.all);
    expect(((await b.json()) as Summary).total).toBe(IN_SCOPE.D1);
    expect(a.headers.get('ETag')).not.toBe(b.headers.get('ETag'));
    // revalidating someone else's copy gets a full answer, not a 304
    const c = await as(d1, url, { headers: { 'If-None-Match': a.headers.get('ETag')! } });
    expect(c.status).toBe(200);
    expect(((await c.json()) as Summary).total).toBe(IN_SCOPE.D1);
    // only admins may force a recomputation
    expect((await as(d1, url, { headers: { 'X-Cache-Bypass': '1' } })).headers.get('X-Cache')).toBe('HIT');
    expect((await as(all, url, { headers: { 'X-Cache-Bypass': '1' } })).headers.get('X-Cache')).toBe('HIT');
  });
});
