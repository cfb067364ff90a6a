import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_FIXTURE } from './access-fixture';
import { anonymous } from './auth';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person, type Role, type ScopeSpec } from './people';

// Every route x every role x no scope / a unit scope / a cluster scope, asked about something
// inside the scope and something outside it, with the status each must answer. Refused writes
// must leave every table as it was.

const ROLES: Role[] = ['viewer', 'analyst', 'editor', 'admin'];
const SCOPES: ScopeSpec[] = [null, { unit: 'D1' }, { cluster: 'K_DIST' }];
type Where = 'inside' | 'outside';
const rank = (r: Role) => ROLES.indexOf(r);

/** A unit inside / outside each scope (both are fine for no scope). */
function unitFor(p: Person, w: Where): string {
  if (p.scope === null) return w === 'inside' ? 'C1' : 'Q';
  if ('unit' in p.scope) return w === 'inside' ? 'C1' : 'D2';
  return w === 'inside' ? 'C3' : 'A';
}
/** A cluster the scope may / may not see (D1 is a member of K_DIST, not of K_PROV). */
const clusterFor = (_p: Person, w: Where) => (w === 'inside' ? 'K_DIST' : 'K_PROV');

const scopeKind = (p: Person) => (p.scope === null ? 'none' : 'unit' in p.scope ? 'unit' : 'cluster');

interface Case {
  name: string;
  method?: string;
  path: (p: Person, w: Where) => string;
  body?: (p: Person, w: Where) => { type: string; data: string };
  need: Role;
  ok: number;
  /** The status for a scoped person asking about something outside (default 403), or a rule of its own. */
  scoped?: (p: Person, w: Where, ok: number) => number;
}

const outside403 = (p: Person, w: Where, ok: number) => (p.scope !== null && w === 'outside' ? 403 : ok);
const unscopedOnly = (p: Person, _w: Where, ok: number) => (p.scope !== null ? 403 : ok);
const jsonBody = (data: unknown) => ({ type: 'application/json', data: JSON.stringify(data) });
const csv = (header: string, row: string) => ({ type: 'text/csv', data: `${header}\n${row}\n` });

const CASES: Case[] = [
  { name: 'meta', path: () => '/api/v1/meta', need: 'viewer', ok: 200 },
  {
    name: 'summary by unit',
    path: (p, w) => `/api/v1/awards/summary?unit=${unitFor(p, w)}&group_by=year`,
    need: 'viewer',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'summary by cluster',
    path: (p, w) => `/api/v1/awards/summary?cluster=${clusterFor(p, w)}`,
    need: 'viewer',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'indicators',
    path: (p, w) => `/api/v1/awards/indicators?unit=${unitFor(p, w)}`,
    need: 'viewer',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'summary CSV',
    path: (p, w) => `/api/v1/awards/summary?unit=${unitFor(p, w)}&group_by=unit&format=csv`,
    need: 'analyst',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'indicators XLSX',
    path: (p, w) => `/api/v1/awards/indicators?unit=${unitFor(p, w)}&format=xlsx`,
    need: 'analyst',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'results',
    path: (p, w) => `/api/v1/movements/results?cluster=${clusterFor(p, w)}`,
    need: 'viewer',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'results XLSX',
    path: (p, w) => `/api/v1/movements/results?cluster=${clusterFor(p, w)}&format=xlsx`,
    need: 'analyst',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'form 0601',
    path: (p, w) => `/api/v1/reports/0601?unit=${unitFor(p, w)}&year=2024`,
    need: 'analyst',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'form 0603 XLSX',
    path: (p, w) => `/api/v1/reports/0603?unit=${unitFor(p, w)}&year=2024&format=xlsx`,
    need: 'analyst',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'year-end report DOCX',
    path: (p, w) => `/api/v1/reports/year-end?unit=${unitFor(p, w)}&year=2024&format=docx`,
    need: 'analyst',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'create embed',
    method: 'POST',
    path: () => '/api/v1/embeds',
    body: (p, w) => jsonBody({ chart: 'trend', params: { unit: unitFor(p, w) }, origin: 'https://portal.example.vn' }),
    need: 'analyst',
    ok: 201,
    scoped: outside403,
  },
  { name: 'list embeds', path: () => '/api/v1/embeds', need: 'analyst', ok: 200 },
  {
    name: 'publish snapshot',
    method: 'POST',
    path: () => '/api/v1/snapshots',
    body: (p, w) => jsonBody({ chart: 'trend', params: { unit: unitFor(p, w) } }),
    need: 'analyst',
    ok: 201,
    scoped: outside403,
  },
  { name: 'revoke embed (none)', method: 'DELETE', path: () => '/api/v1/embeds/nope', need: 'analyst', ok: 404 },
  { name: 'list snapshots', path: () => '/api/v1/snapshots', need: 'analyst', ok: 200 },
  {
    name: 'withdraw snapshot (none)',
    method: 'DELETE',
    path: () => '/api/v1/snapshots/nope',
    need: 'analyst',
    ok: 404,
  },
  { name: 'import history', path: () => '/api/v1/imports', need: 'editor', ok: 200 },
  { name: 'consistency', path: () => '/api/v1/imports/consistency', need: 'editor', ok: 200, scoped: unscopedOnly },
  { name: 'template', path: () => '/api/v1/imports/templates/awards.csv', need: 'editor', ok: 200 },
  { name: 'list unit aliases', path: () => '/api/v1/imports/aliases', need: 'editor', ok: 200 },
  {
    name: 'remove unit alias (none)',
    method: 'DELETE',
    path: () => '/api/v1/imports/aliases/999999',
    need: 'editor',
    ok: 404,
  },
  {
    name: 'import awards (dry run)',
    method: 'POST',
    path: () => '/api/v1/imports/awards?dry_run=1',
    body: (p, w) => csv('year,award_code,unit_code,recipient_kind,quantity', `2025,LDTT,${unitFor(p, w)},individual,3`),
    need: 'editor',
    ok: 200,
    // a unit-scoped editor's row outside the unit is a row error; cluster-scoped editors do not import award lists
    scoped: (p, w, ok) => (scopeKind(p) === 'cluster' ? 403 : scopeKind(p) === 'unit' && w === 'outside' ? 422 : ok),
  },
  {
    name: 'import results (dry run)',
    method: 'POST',
    path: () => '/api/v1/imports/movement_results?dry_run=1',
    body: (p, w) =>
      csv(
        'year,cluster_code,unit_code,score,rank',
        `2025,${clusterFor(p, w)},${clusterFor(p, w) === 'K_DIST' ? 'D1' : 'P'},90,1`,
      ),
    need: 'editor',
    ok: 200,
    scoped: (p, w, ok) => (scopeKind(p) === 'unit' ? 403 : scopeKind(p) === 'cluster' && w === 'outside' ? 422 : ok),
  },
  {
    name: 'import units (dry run)',
    method: 'POST',
    path: () => '/api/v1/imports/units?dry_run=1',
    body: () => csv('code,name,kind,parent_code', 'C9,Xã C9,commune,D1'),
    need: 'editor',
    ok: 200,
    scoped: unscopedOnly,
  },
  {
    name: 'import award types (dry run)',
    method: 'POST',
    path: () => '/api/v1/imports/award_types?dry_run=1',
    body: () => csv('code,name_vi,category,tier,scope', 'KT_MOI,Khen thưởng mới,commendation,grassroots,individual'),
    need: 'admin',
    ok: 200,
  },
  { name: 'rollback (no such batch)', method: 'DELETE', path: () => '/api/v1/imports/999999', need: 'editor', ok: 404 },
  {
    name: 'targets',
    path: (p, w) => `/api/v1/targets?unit=${unitFor(p, w)}`,
    need: 'viewer',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'set a target',
    method: 'PUT',
    path: () => '/api/v1/targets',
    body: (p, w) =>
      jsonBody({ targets: [{ indicator: 'direct_share', year: 2024, unit_code: unitFor(p, w), value: 0.3 }] }),
    need: 'editor',
    ok: 200,
    scoped: outside403,
  },
  { name: 'remove target (none)', method: 'DELETE', path: () => '/api/v1/targets/999999', need: 'editor', ok: 404 },
  {
    name: 'chart notes',
    path: (p, w) => `/api/v1/annotations?on=${unitFor(p, w)}`,
    need: 'viewer',
    ok: 200,
    scoped: outside403,
  },
  {
    name: 'add a chart note',
    method: 'POST',
    path: () => '/api/v1/annotations',
    // a text of its own each time: the same note twice is a 409
    body: (p, w) => jsonBody({ year: 2024, text_vi: `Ghi chú ${p.email} ${w}`, unit_code: unitFor(p, w) }),
    need: 'editor',
    ok: 201,
    scoped: outside403,
  },
  {
    name: 'change chart note (none)',
    method: 'PUT',
    path: () => '/api/v1/annotations/999999',
    body: () => jsonBody({ year: 2024, text_vi: 'x' }),
    need: 'editor',
    ok: 404,
  },
  {
    name: 'remove chart note (none)',
    method: 'DELETE',
    path: () => '/api/v1/annotations/999999',
    need: 'editor',
    ok: 404,
  },
  { name: 'users', path: () => '/api/v1/users', need: 'admin', ok: 200 },
  {
    name: 'add user (bad email)',
    method: 'POST',
    path: () => '/api/v1/users',
    body: () => jsonBody({ email: 'not-an-email', role: 'viewer' }),
    need: 'admin',
    ok: 400,
  },
  {
    name: 'change user (none)',
    method: 'PATCH',
    path: () => '/api/v1/users/999999',
    body: () => jsonBody({ role: 'viewer' }),
    need: 'admin',
    ok: 404,
  },
  { name: 'audit log', path: () => '/api/v1/audit', need: 'admin', ok: 200 },
  {
    name: 'sign-in link (no user)',
    method: 'POST',
    path: () => '/api/v1/auth/sign-in-links',
    body: () => jsonBody({ user_id: 999999 }),
    need: 'admin',
    ok: 404,
  },
  { name: 'who am I', path: () => '/api/v1/auth/me', need: 'viewer', ok: 200 },
  { name: 'my tokens', path: () => '/api/v1/tokens', need: 'viewer', ok: 200 },
  {
    name: 'revoke token (none)',
    method: 'DELETE',
    path: () => '/api/v1/tokens/00000000-0000-4000-8000-000000000000',
    need: 'viewer',
    ok: 404,
  },
];

function expected(c: Case, p: Person, w: Where): number {
  if (rank(p.role) < rank(c.need)) return 403;
  return c.scoped ? c.scoped(p, w, c.ok) : c.ok;
}

const COUNTED = [
  'users',
  'api_tokens',
  'embed_tokens',
  'snapshots',
  'import_batches',
  'units',
  'awards',
  'award_types',
  'movement_results',
  'targets',
  'annotations',
];
async function counts(): Promise<Record<string, number>> {
  const rows = await env.DB.batch(COUNTED.map((t) => env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`)));
  return Object.fromEntries(COUNTED.map((t, i) => [t, (rows[i]!.results[0] as { n: number }).n]));
}

const people: Person[] = [];

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  for (const role of ROLES) for (const scope of SCOPES) people.push(await person(role, scope));
});

describe('access matrix: route x role x scope', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const failures: string[] = [];
    for (const p of people) {
      for (const w of ['inside', 'outside'] as const) {
        const body = c.body?.(p, w);
        const before = c.method ? await counts() : undefined;
        const res = await as(p, c.path(p, w), {
          method: c.method ?? 'GET',
          headers: body ? { 'content-type': body.type } : {},
          body: body?.data,
        });
        const want = expected(c, p, w);
        const text = new TextDecoder().decode(await res.arrayBuffer());
        const label =
          `${p.role}/${scopeKind(p)}${p.scope ? `:${Object.values(p.scope)[0]}` : ''} ` +
          `${w} ${c.method ?? 'GET'} ${c.path(p, w)}`;
        if (res.status !== want) failures.push(`${label}: ${res.status}, expected ${want}: ${text.slice(0, 160)}`);
        if (res.status >= 400) {
          // refusals are JSON with a message, and say nothing about the data
          if (!res.headers.get('content-type')?.startsWith('application/json'))
            failures.push(`${label}: error is not JSON`);
          else if (!(JSON.parse(text) as { error?: string }).error) failures.push(`${label}: error without a message`);
          if (c.method && res.status !== 422 && JSON.stringify(await counts()) !== JSON.stringify(before))
            failures.push(`${label}: a refused request changed the database`);
        }
        // recipient names are kept for the record but no route returns them, to any role
        if (text.includes('Nguyễn Văn')) failures.push(`${label}: a recipient name left the database`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 to every route without credentials, and changes nothing', async () => {
    const before = await counts();
    const someone = people[0]!;
    for (const c of CASES) {
      const body = c.body?.(someone, 'inside');
      const res = await anonymous(`http://local${c.path(someone, 'inside')}`, {
        method: c.method ?? 'GET',
        headers: body ? { 'content-type': body.type } : {},
        body: body?.data,
      });
      expect(res.status, c.name).toBe(401);
      expect(((await res.json()) as { error: string }).error, c.name).toMatch(/Sign in required/);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('what /auth/me says each identity may import', () => {
  it('follows the same rules as the import route', async () => {
    const imports = Object.fromEntries(
      await Promise.all(
        people.map(
          async (p) =>
            [
              `${p.role}/${scopeKind(p)}`,
              ((await (await as(p, '/api/v1/auth/me')).json()) as { imports: string[] }).imports.sort(),
            ] as const,
        ),
      ),
    );
    const everything = [
      'award_types',
      'awards',
      'cluster_members',
      'clusters',
      'movement_results',
      'movements',
      'unit_lineage',
      'units',
    ];
    expect(imports).toEqual({
      'viewer/none': [],
      'viewer/unit': [],
      'viewer/cluster': [],
      'analyst/none': [],
      'analyst/unit': [],
      'analyst/cluster': [],
      'editor/none': everything.filter((d) => d !== 'award_types'),
      'editor/unit': ['awards'],
      'editor/cluster': ['movement_results'],
      'admin/none': everything,
      'admin/unit': ['award_types', 'awards'],
      'admin/cluster': ['award_types', 'movement_results'],
    });
  });
});
