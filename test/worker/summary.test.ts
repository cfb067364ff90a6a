import { api } from './auth';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixture';
import { bumpDataVersion, load, resetDatabase, summary } from './helpers';

const pick = (rows: Record<string, unknown>[], ...keys: string[]) =>
  rows.map((r) => Object.fromEntries([...keys, 'count'].map((k) => [k, r[k]])));

beforeAll(async () => {
  await resetDatabase();
  await load(FIXTURE);
});

describe('GET /api/v1/awards/summary on the hand-computed fixture', () => {
  it('without group_by returns one row, the total of quantity', async () => {
    const { status, body } = await summary('');
    expect(status).toBe(200);
    expect(body).toEqual({ rows: [{ count: 41 }], total: 41 });
  });

  it('groups by year', async () => {
    const { body } = await summary('group_by=year');
    expect(body.rows).toEqual([
      { year: 2023, count: 24 },
      { year: 2024, count: 17 },
    ]);
    expect(body.total).toBe(41);
  });

  it('groups by unit: the top-level units without `unit`', async () => {
    const { body } = await summary('group_by=unit');
    expect(body.rows).toEqual([
      { unit: 'P', count: 40 },
      { unit: 'Q', count: 1 },
    ]);
  });

  it("groups by unit: the children of `unit` with their subtrees, plus the unit's own awards", async () => {
    const { body } = await summary('group_by=unit&unit=D1');
    expect(body.rows).toEqual([
      { unit: 'C1', count: 22 },
      { unit: 'C2', count: 11 },
      { unit: 'D1', count: 3 },
    ]);
    expect(body.total).toBe(36);
  });

  it('leaves out the unit itself when it recorded nothing directly', async () => {
    const { body } = await summary('group_by=unit&unit=P');
    expect(body.rows).toEqual([
      { unit: 'A', count: 4 },
      { unit: 'D1', count: 36 },
    ]);
  });

  it('groups by year and unit together', async () => {
    const { body } = await summary('group_by=year,unit&unit=D1');
    expect(body.rows).toEqual([
      { year: 2023, unit: 'C1', count: 15 },
      { year: 2023, unit: 'C2', count: 3 },
      { year: 2023, unit: 'D1', count: 2 },
      { year: 2024, unit: 'C1', count: 7 },
      { year: 2024, unit: 'C2', count: 8 },
      { year: 2024, unit: 'D1', count: 1 },
    ]);
  });

  it.each([
    [
      'tier',
      [
        ['government', 1],
        ['grassroots', 33],
        ['ministry_province', 6],
        ['state', 1],
      ],
    ],
    [
      'category',
      [
        ['commendation', 14],
        ['title', 27],
      ],
    ],
    [
      'kind',
      [
        ['collective', 3],
        ['household', 6],
        ['individual', 32],
      ],
    ],
    [
      'gender',
      [
        ['F', 20],
        ['M', 10],
        [null, 11],
      ],
    ],
    [
      'class',
      [
        ['LD_BO_TINH', 1],
        ['LD_KHAC', 5],
        ['LD_VU_SO', 4],
        ['TRUC_TIEP', 20],
        [null, 11],
      ],
    ],
    [
      'method',
      [
        ['CHUYEN_DE', 4],
        ['DOT_XUAT', 2],
        ['THUONG_XUYEN', 35],
      ],
    ],
    [
      'movement',
      [
        ['M1', 4],
        [null, 37],
      ],
    ],
    [
      'award',
      [
        ['BK_TINH', 6],
        ['BK_TTG', 1],
        ['CSTD_CS', 3],
        ['GK_XA', 6],
        ['HC_LD_3', 1],
        ['LDTT', 22],
        ['TTLDTT', 2],
      ],
    ],
  ] as const)('groups by %s', async (dim, expected) => {
    const { status, body } = await summary(`group_by=${dim}`);
    expect(status).toBe(200);
    expect(pick(body.rows, dim)).toEqual(expected.map(([v, count]) => ({ [dim]: v, count })));
    expect(body.total).toBe(41);
  });

  it.each([
    ['unit=D1', 36],
    ['unit=C2', 11],
    ['from=2024', 17],
    ['to=2023', 24],
    ['from=2023&to=2023', 24],
    ['award=LDTT', 22],
    ['award=LDTT,CSTD_CS', 25],
    ['tier=grassroots,government', 34],
    ['category=title', 27],
    ['kind=household', 6],
    ['gender=F', 20],
    ['class=TRUC_TIEP', 20],
    ['method=CHUYEN_DE,DOT_XUAT', 6],
    ['movement=M1', 4],
    ['gender=F&unit=D1', 20],
    ['gender=M&class=LD_VU_SO&unit=P', 4],
    ['unit=Q&tier=state', 1],
    ['unit=A&award=LDTT', 0],
  ])('filters %s', async (query, total) => {
    const { status, body } = await summary(query);
    expect(status).toBe(200);
    expect(body.total).toBe(total);
  });

  it('combines filters with grouping', async () => {
    const { body } = await summary('group_by=year&tier=grassroots,government');
    expect(body.rows).toEqual([
      { year: 2023, count: 20 },
      { year: 2024, count: 14 },
    ]);
  });

  it('returns no rows for a filter that matches nothing', async () => {
    const { body } = await summary('group_by=year&award=CO_CP');
    expect(body).toEqual({ rows: [], total: 0 });
  });

  it('reads from the aggregates, not the raw awards: cost does not grow with raw rows', async () => {
    // the second call of each pair runs with the unit tree cached, so only cube reads differ
    const warm = async (q: string) => {
      await summary(q);
      return summary(q);
    };
    const before = await warm('group_by=year');
    const rows = Array.from(
      { length: 300 },
      (_, i) => `(${i + 1}, 2023, 'LDTT', (SELECT id FROM units WHERE code = 'C1'), 'individual', 1, 'F', 'TRUC_TIEP')`,
    );
    // one more committed batch of 300 single-person rows, aggregated like any other
    await env.DB.prepare(`INSERT INTO import_batches (id, dataset, format, content_hash, rows, created_by,
      created_at, status)
      VALUES (900, 'awards', 'csv', 'x', 300, 'test', '2026-01-01', 'committed')`).run();
    for (let i = 0; i < rows.length; i += 100) {
      await env.DB.prepare(`INSERT INTO awards (row_no, year, award_code, unit_id, recipient_kind, quantity,
        gender, recipient_class, batch_id)
        SELECT column1, column2, column3, column4, column5, column6, column7, column8, 900 FROM (VALUES
          ${rows.slice(i, i + 100).join(',')})`).run();
    }
    const { applyBatchToCube } = await import('../../worker/queries/cube/refresh');
    const { toStatement } = await import('../../worker/db/run');
    await env.DB.batch(applyBatchToCube(900, 1).map((q) => toStatement(env.DB, q)));
    await bumpDataVersion();

    const after = await warm('group_by=year');
    expect(after.body.rows).toEqual([
      { year: 2023, count: 324 },
      { year: 2024, count: 17 },
    ]);
    expect(before.rowsRead).toBeGreaterThan(0);
    expect(after.rowsRead).toBe(before.rowsRead);

    // and removing the batch restores every figure
    await env.DB.batch(applyBatchToCube(900, -1).map((q) => toStatement(env.DB, q)));
    await bumpDataVersion();
    const restored = await summary('group_by=year,gender');
    expect(restored.body.total).toBe(41);
  });

  it('reports its cost in X-Rows-Read and Server-Timing', async () => {
    const res = await api('http://local/api/v1/awards/summary?group_by=year');
    expect(Number(res.headers.get('X-Rows-Read'))).toBeGreaterThan(0);
    expect(res.headers.get('Server-Timing')).toMatch(/^app;dur=\d+(\.\d+)?$/);
  });
});

describe('bad parameters are a 400 naming the parameter', () => {
  it.each([
    ['group_by=colour', 'group_by', /unknown value 'colour'/],
    ['group_by=year,year', 'group_by', /listed twice/],
    ['group_by=year,', 'group_by', /empty item/],
    ['from=abc', 'from', /four-digit year/],
    ['to=20x4', 'to', /four-digit year/],
    ['from=2025&to=2020', 'from', /must not be after to/],
    ['unit=NOPE', 'unit', /unknown code 'NOPE'/],
    ['award=LDTT,XYZ', 'award', /unknown code 'XYZ'/],
    ['movement=NOPE', 'movement', /unknown code 'NOPE'/],
    ['tier=national', 'tier', /unknown value 'national'/],
    ['gender=X', 'gender', /unknown value 'X'/],
    ['kind=person', 'kind', /unknown value 'person'/],
    ['class=BOSS', 'class', /unknown value 'BOSS'/],
    ['method=ANY', 'method', /unknown value 'ANY'/],
    ['category=medal', 'category', /unknown value 'medal'/],
    ['colour=red', 'colour', /unknown parameter/],
    ['cluster=X', 'cluster', /unknown code 'X'/],
    ['as_of=2025-02-31', 'as_of', /not a date/],
    ['as_of=31/02/2025', 'as_of', /not a date/],
    ['as_of=yesterday', 'as_of', /not a date/],
    ['ethnic=2', 'ethnic', /unknown value '2'/],
  ])('%s', async (query, parameter, message) => {
    const { status, body } = await summary(query);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
    expect(body.error).toMatch(message);
    expect(body.error?.startsWith(`${parameter}:`)).toBe(true);
  });
});
