import { env } from 'cloudflare:test';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_FIXTURE } from './access-fixture';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person } from './people';

// Targets per indicator, year and unit: set as JSON or CSV, all or nothing, scoped, audited in
// the same transaction, and one consistent row when PUTs of one target race.

interface Target {
  id: number;
  indicator: string;
  year: number;
  unit_code: string;
  value: number;
  comparison: string;
  updated_by: string;
}
interface Problem {
  row: number;
  column: string;
  message: string;
  message_vi: string;
}

const FIXTURE = {
  ...ACCESS_FIXTURE,
  units: [
    ...ACCESS_FIXTURE.units,
    { code: 'OLD', name: 'Huyện Cũ', kind: 'district' as const, parent_code: 'P', valid_to: '2022-12-31' },
  ],
};

let editor: Person;
let scoped: Person;
let viewer: Person;

const put = (p: Person, body: unknown, type = 'application/json') =>
  as(p, '/api/v1/targets', {
    method: 'PUT',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Every row of both tables a write may touch: a refused write must leave them as they were. */
async function tables() {
  const t = await env.DB.prepare('SELECT * FROM targets ORDER BY id').all();
  const a = await env.DB.prepare("SELECT * FROM audit_log WHERE action LIKE 'target_%' ORDER BY id").all();
  return { targets: t.results, audit: a.results };
}
const auditLines = async () =>
  (
    await env.DB.prepare("SELECT action, target, detail FROM audit_log WHERE action LIKE 'target_%' ORDER BY id").all<{
      action: string;
      target: string;
      detail: string;
    }>()
  ).results.map((r) => ({ ...r, detail: JSON.parse(r.detail) }));

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(FIXTURE);
  editor = await person('editor');
  scoped = await person('editor', { unit: 'D1' });
  viewer = await person('viewer');
});
beforeEach(async () => {
  await env.DB.batch([env.DB.prepare('DELETE FROM targets'), env.DB.prepare('DELETE FROM audit_log')]);
});

describe('PUT /targets', () => {
  it('sets a target, replaces it, and audits both with the value before', async () => {
    const first = await put(editor, {
      targets: [{ indicator: 'direct_share', year: 2024, unit_code: 'P', value: 0.3 }],
    });
    expect(first.status).toBe(200);
    const [made] = ((await first.json()) as { targets: Target[] }).targets;
    expect(made).toMatchObject({
      indicator: 'direct_share',
      year: 2024,
      unit_code: 'P',
      value: 0.3,
      comparison: 'at_least',
    });
    expect(made.updated_by).toContain(editor.email);

    const again = await put(editor, {
      targets: [{ indicator: 'direct_share', year: 2024, unit_code: 'P', value: 0.35, comparison: 'at_most' }],
    });
    expect(again.status).toBe(200);
    const list = (await (await as(viewer, '/api/v1/targets?unit=P')).json()) as { targets: Target[] };
    expect(list.targets).toHaveLength(1);
    expect(list.targets[0]).toMatchObject({ id: made.id, value: 0.35, comparison: 'at_most' });

    const lines = await auditLines();
    expect(lines).toEqual([
      {
        action: 'target_set',
        target: 'direct_share 2024 P',
        detail: expect.objectContaining({ value: 0.3, comparison: 'at_least', before: null }),
      },
      {
        action: 'target_set',
        target: 'direct_share 2024 P',
        detail: expect.objectContaining({
          value: 0.35,
          comparison: 'at_most',
          before: { value: 0.3, comparison: 'at_least' },
        }),
      },
    ]);
  });

  it('reads a CSV with Vietnamese headers, names, percent and vi-VN numbers', async () => {
    const csv =
      '\uFEFFChỉ tiêu;Năm;Đơn vị;Giá trị (%, hoặc số);So sánh\r\n' +
      'Tỷ lệ lao động trực tiếp;2024;P;30,5%;Tối thiểu\r\n' +
      'Tổng số khen thưởng;2024;P;1.200;\r\n' +
      'leader_share;2023;D1;40;Tối đa\r\n';
    const res = await put(editor, csv, 'text/csv');
    expect(res.status).toBe(200);
    const { targets } = (await res.json()) as { targets: Target[] };
    // in the file's order
    expect(targets.map((t) => [t.indicator, t.year, t.unit_code, t.value, t.comparison])).toEqual([
      ['direct_share', 2024, 'P', 0.305, 'at_least'],
      ['total', 2024, 'P', 1200, 'at_least'],
      ['leader_share', 2023, 'D1', 0.4, 'at_most'],
    ]);
    expect(await auditLines()).toHaveLength(3);
  });

  const BAD: [string, unknown, string, string][] = [
    [
      'unknown indicator',
      { targets: [{ indicator: 'nope', year: 2024, unit_code: 'P', value: 1 }] },
      'Chỉ tiêu',
      'row 1',
    ],
    [
      'share above 1',
      { targets: [{ indicator: 'women_share', year: 2024, unit_code: 'P', value: 30 }] },
      'Giá trị',
      'fraction',
    ],
    [
      'fractional count',
      { targets: [{ indicator: 'total', year: 2024, unit_code: 'P', value: 10.5 }] },
      'Giá trị',
      'whole',
    ],
    ['negative', { targets: [{ indicator: 'total', year: 2024, unit_code: 'P', value: -1 }] }, 'Giá trị', 'row 1'],
    ['year as text', { targets: [{ indicator: 'total', year: '2024', unit_code: 'P', value: 1 }] }, 'Năm', 'row 1'],
    [
      'unknown field',
      { targets: [{ indicator: 'total', year: 2024, unit_code: 'P', value: 1, x: 1 }] },
      'Chỉ tiêu',
      'x',
    ],
    [
      'unknown unit',
      { targets: [{ indicator: 'total', year: 2024, unit_code: 'ZZ', value: 1 }] },
      'Đơn vị',
      "no unit 'ZZ'",
    ],
    [
      'unit gone that year',
      { targets: [{ indicator: 'total', year: 2024, unit_code: 'OLD', value: 1 }] },
      'Đơn vị',
      'did not exist in 2024',
    ],
    [
      'bad comparison',
      { targets: [{ indicator: 'total', year: 2024, unit_code: 'P', value: 1, comparison: 'eq' }] },
      'So sánh',
      'row 1',
    ],
    ['empty list', { targets: [] }, 'targets', 'at least one'],
    ['not a list', { target: {} }, 'targets', 'at least one'],
    ['too many', { targets: Array.from({ length: 501 }, () => ({})) }, 'targets', 'at most 500'],
  ];
  for (const [name, body, parameter, words] of BAD) {
    it(`refuses ${name} with a clear 400 and writes nothing`, async () => {
      await put(editor, { targets: [{ indicator: 'total', year: 2023, unit_code: 'P', value: 5 }] });
      const before = await tables();
      const res = await put(editor, body);
      expect(res.status).toBe(400);
      const e = (await res.json()) as { error: string; error_vi: string; parameter: string };
      expect(e.parameter).toBe(parameter);
      expect(e.error).toContain(words);
      expect(e.error_vi.length).toBeGreaterThan(5);
      expect(await tables()).toEqual(before);
    });
  }

  it('lists every bad row and writes none of the good ones', async () => {
    const res = await put(editor, {
      targets: [
        { indicator: 'total', year: 2024, unit_code: 'P', value: 100 },
        { indicator: 'total', year: 2024, unit_code: 'P', value: 1.5 },
        { indicator: 'women_share', year: 2024, unit_code: 'P', value: 0.5 },
        { indicator: 'women_share', year: 2024, unit_code: 'P', value: 2 },
      ],
    });
    expect(res.status).toBe(400);
    const e = (await res.json()) as { errors: Problem[]; error_vi: string };
    expect(e.errors.map((p) => [p.row, p.column])).toEqual([
      [2, 'Giá trị'],
      [4, 'Giá trị'],
    ]);
    expect(e.error_vi).toMatch(/^dòng 2, cột Giá trị/);
    expect(await tables()).toEqual({ targets: [], audit: [] });
  });

  it('refuses the same target twice in one request', async () => {
    const res = await put(editor, {
      targets: [
        { indicator: 'total', year: 2024, unit_code: 'P', value: 100 },
        { indicator: 'total', year: 2024, unit_code: 'P', value: 200 },
      ],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('as row 1');
    expect(await tables()).toEqual({ targets: [], audit: [] });
  });

  const BAD_CSV: [string, string, string][] = [
    ['a missing column', 'Chỉ tiêu,Năm,Giá trị\ntotal,2024,5\n', 'lacks Đơn vị'],
    ['no rows', 'Chỉ tiêu,Năm,Đơn vị,Giá trị\n', 'no targets'],
    ['an empty file', '', 'empty'],
    ['an unknown indicator name', 'Chỉ tiêu,Năm,Đơn vị,Giá trị\nTỷ lệ thanh niên,2024,P,5\n', 'row 1, Chỉ tiêu'],
    ['a value that is not a number', 'Chỉ tiêu,Năm,Đơn vị,Giá trị\ntotal,2024,P,nhiều\n', 'row 1, Giá trị'],
    ['a share over 100 %', 'Chỉ tiêu,Năm,Đơn vị,Giá trị\nTỷ lệ nữ,2024,P,130%\n', 'row 1, Giá trị'],
    ['a bad year', 'Chỉ tiêu,Năm,Đơn vị,Giá trị\ntotal,năm nay,P,5\n', 'row 1, Năm'],
  ];
  for (const [name, csv, words] of BAD_CSV) {
    it(`refuses a CSV with ${name}, writing nothing`, async () => {
      const res = await put(editor, csv, 'text/csv');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain(words);
      expect(await tables()).toEqual({ targets: [], audit: [] });
    });
  }

  it('refuses other content types and invalid JSON', async () => {
    expect((await put(editor, 'x', 'text/plain')).status).toBe(415);
    const res = await put(editor, '{"targets": [', 'application/json');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('not valid JSON');
    expect(await tables()).toEqual({ targets: [], audit: [] });
  });

  it('lets a scoped editor set targets inside the scope only, all or nothing', async () => {
    expect(
      (await put(scoped, { targets: [{ indicator: 'total', year: 2024, unit_code: 'C1', value: 3 }] })).status,
    ).toBe(200);
    const before = await tables();
    const mixed = await put(scoped, {
      targets: [
        { indicator: 'total', year: 2024, unit_code: 'D1', value: 3 },
        { indicator: 'total', year: 2024, unit_code: 'D2', value: 3 },
      ],
    });
    expect(mixed.status).toBe(403);
    expect(await mixed.json()).toMatchObject({ parameter: 'unit_code', error: expect.stringContaining("'D2'") });
    expect(
      (await put(scoped, { targets: [{ indicator: 'total', year: 2024, unit_code: 'P', value: 3 }] })).status,
    ).toBe(403);
    expect(
      (await put(viewer, { targets: [{ indicator: 'total', year: 2024, unit_code: 'P', value: 3 }] })).status,
    ).toBe(403);
    expect(await tables()).toEqual(before);
  });

  it('gives one consistent target when PUTs of it race', async () => {
    const values = Array.from({ length: 8 }, (_, i) => 100 + i);
    const answers = await Promise.all(
      values.map((value) => put(editor, { targets: [{ indicator: 'total', year: 2024, unit_code: 'D1', value }] })),
    );
    expect(answers.map((r) => r.status)).toEqual(values.map(() => 200));
    const wrote = await Promise.all(
      answers.map(async (r) => ((await r.json()) as { targets: Target[] }).targets[0].value),
    );
    expect(wrote.sort()).toEqual(values);
    const { targets } = await tables();
    expect(targets).toHaveLength(1);
    const lines = await auditLines();
    expect(lines).toHaveLength(8);
    // the lines form one chain: each "before" is the previous line's value, the last is the row's
    expect(lines[0].detail.before).toBeNull();
    for (let i = 1; i < lines.length; i++) expect(lines[i].detail.before.value).toBe(lines[i - 1].detail.value);
    expect(lines.at(-1)!.detail.value).toBe((targets[0] as { value: number }).value);
  });
});

describe('GET and DELETE /targets', () => {
  it('filters by unit, years and indicator, and cuts the list to the scope', async () => {
    await put(editor, {
      targets: [
        { indicator: 'total', year: 2023, unit_code: 'P', value: 10 },
        { indicator: 'total', year: 2024, unit_code: 'P', value: 11 },
        { indicator: 'women_share', year: 2024, unit_code: 'D1', value: 0.4 },
        { indicator: 'women_share', year: 2024, unit_code: 'D2', value: 0.4 },
      ],
    });
    const get = async (p: Person, q: string) => {
      const r = await as(p, `/api/v1/targets${q}`);
      return { status: r.status, body: (await r.json()) as { targets: Target[]; parameter?: string } };
    };
    expect((await get(viewer, '?unit=P&from=2024')).body.targets.map((t) => t.value)).toEqual([11]);
    expect((await get(viewer, '?indicator=women_share')).body.targets.map((t) => t.unit_code)).toEqual(['D1', 'D2']);
    expect((await get(scoped, '')).body.targets.map((t) => t.unit_code)).toEqual(['D1']);
    expect((await get(scoped, '?unit=D2')).status).toBe(403);
    expect((await get(viewer, '?unit=ZZ')).body.parameter).toBe('unit');
    expect((await get(viewer, '?from=2025&to=2024')).body.parameter).toBe('from');
    expect((await get(viewer, '?indicator=x')).body.parameter).toBe('indicator');
    expect((await get(viewer, '?bogus=1')).body.parameter).toBe('bogus');
  });

  it('removes a target once, audited; refuses outside the scope and for viewers', async () => {
    const res = await put(editor, {
      targets: [
        { indicator: 'total', year: 2024, unit_code: 'D2', value: 10 },
        { indicator: 'total', year: 2024, unit_code: 'D1', value: 10 },
      ],
    });
    const [d2, d1] = ((await res.json()) as { targets: Target[] }).targets;
    const before = await tables();
    expect((await as(scoped, `/api/v1/targets/${d2.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await as(viewer, `/api/v1/targets/${d1.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await as(editor, '/api/v1/targets/abc', { method: 'DELETE' })).status).toBe(400);
    expect(await tables()).toEqual(before);

    const [a, b] = await Promise.all([
      as(scoped, `/api/v1/targets/${d1.id}`, { method: 'DELETE' }),
      as(editor, `/api/v1/targets/${d1.id}`, { method: 'DELETE' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 404]);
    const lines = (await auditLines()).filter((l) => l.action === 'target_delete');
    expect(lines).toEqual([
      { action: 'target_delete', target: 'total 2024 D1', detail: expect.objectContaining({ value: 10 }) },
    ]);
    expect((await tables()).targets).toHaveLength(1);
  });
});
