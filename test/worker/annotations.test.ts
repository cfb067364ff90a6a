import { env } from 'cloudflare:test';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_FIXTURE } from './access-fixture';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person } from './people';

// Notes editors put on time charts: a day or a year, for a unit's subtree or every chart;
// scoped, audited in the same transaction, added once however often "Thêm" is pressed.

interface Note {
  id: number;
  year: number;
  date: string | null;
  text_vi: string;
  text_en: string | null;
  unit_code: string | null;
}

let editor: Person;
let scoped: Person;
let viewer: Person;
let scopedViewer: Person;

const post = (p: Person, body: unknown) =>
  as(p, '/api/v1/annotations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const list = async (p: Person, q = '') =>
  ((await (await as(p, `/api/v1/annotations${q}`)).json()) as { annotations: Note[] }).annotations;

async function tables() {
  const n = await env.DB.prepare('SELECT * FROM annotations ORDER BY id').all();
  const a = await env.DB.prepare("SELECT * FROM audit_log WHERE action LIKE 'annotation_%' ORDER BY id").all();
  return { notes: n.results, audit: a.results };
}

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  editor = await person('editor');
  scoped = await person('editor', { unit: 'D1' });
  viewer = await person('viewer');
  scopedViewer = await person('viewer', { unit: 'C1' });
});
beforeEach(async () => {
  await env.DB.batch([env.DB.prepare('DELETE FROM annotations'), env.DB.prepare('DELETE FROM audit_log')]);
});

describe('POST /annotations', () => {
  it('adds a note for a day or a year, audited', async () => {
    const day = await post(editor, { date: '15/03/2024', text_vi: 'Phát động đợt thi đua', unit_code: 'D1' });
    expect(day.status).toBe(201);
    expect(await day.json()).toMatchObject({
      year: 2024,
      date: '2024-03-15',
      text_vi: 'Phát động đợt thi đua',
      text_en: null,
      unit_code: 'D1',
    });
    const year = await post(editor, { year: 2023, text_vi: 'Tổng kết 5 năm', text_en: 'Five-year review' });
    expect(year.status).toBe(201);
    expect(await year.json()).toMatchObject({ year: 2023, date: null, unit_code: null, text_en: 'Five-year review' });
    const { audit } = await tables();
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ['annotation_create', 'Phát động đợt thi đua'],
      ['annotation_create', 'Tổng kết 5 năm'],
    ]);
    expect(JSON.parse(String(audit[0].detail))).toMatchObject({ year: 2024, date: '2024-03-15', unit_code: 'D1' });
  });

  const BAD: [string, unknown, string][] = [
    ['neither date nor year', { text_vi: 'x' }, 'date'],
    ['an impossible date', { date: '31/02/2024', text_vi: 'x' }, 'date'],
    ["a year that is not the date's", { date: '2024-03-01', year: 2023, text_vi: 'x' }, 'year'],
    ['an empty text', { year: 2024, text_vi: '   ' }, 'text_vi'],
    ['a text too long', { year: 2024, text_vi: 'x'.repeat(201) }, 'text_vi'],
    ['an unknown unit', { year: 2024, text_vi: 'x', unit_code: 'ZZ' }, 'unit_code'],
    ['an unknown field', { year: 2024, text_vi: 'x', colour: 'red' }, 'colour'],
    ['a year out of range', { year: 1800, text_vi: 'x' }, 'year'],
  ];
  for (const [name, body, parameter] of BAD) {
    it(`refuses ${name} with a 400 naming ${parameter}, writing nothing`, async () => {
      await post(editor, { year: 2024, text_vi: 'có sẵn' });
      const before = await tables();
      const res = await post(editor, body);
      expect(res.status).toBe(400);
      const e = (await res.json()) as { parameter: string; error_vi: string };
      expect(e.parameter).toBe(parameter);
      expect(e.error_vi).toContain(parameter);
      expect(await tables()).toEqual(before);
    });
  }

  it('adds the same note once when it is sent twice at the same time (409 for the other)', async () => {
    const body = { date: '2024-01-01', text_vi: 'Luật mới', unit_code: 'P' };
    const answers = await Promise.all([post(editor, body), post(editor, body), post(editor, body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const refused = answers.find((r) => r.status === 409)!;
    expect(((await refused.json()) as { error_vi: string }).error_vi).toContain('01/01/2024');
    const { notes, audit } = await tables();
    expect(notes).toHaveLength(1);
    expect(audit).toHaveLength(1);
  });

  it('keeps scoped editors to their units and viewers out', async () => {
    expect((await post(scoped, { year: 2024, text_vi: 'Xã C1', unit_code: 'C1' })).status).toBe(201);
    const before = await tables();
    for (const [who, body] of [
      [scoped, { year: 2024, text_vi: 'Huyện D2', unit_code: 'D2' }],
      [scoped, { year: 2024, text_vi: 'Mọi biểu đồ' }],
      [viewer, { year: 2024, text_vi: 'Người xem' }],
    ] as const) {
      const res = await post(who, body);
      expect(res.status).toBe(403);
    }
    expect(await tables()).toEqual(before);
  });
});

describe('GET and DELETE /annotations', () => {
  it("shows a unit's charts the notes for everywhere, the unit and its ancestors", async () => {
    for (const [unit_code, text_vi] of [
      [null, 'Mọi nơi'],
      ['P', 'Tỉnh P'],
      ['D1', 'Huyện D1'],
      ['C1', 'Xã C1'],
      ['D2', 'Huyện D2'],
      ['Q', 'Tỉnh Q'],
    ])
      expect((await post(editor, { year: 2024, text_vi, unit_code })).status).toBe(201);
    const texts = (notes: Note[]) => notes.map((n) => n.text_vi).sort();
    expect(texts(await list(viewer, '?on=C1'))).toEqual(['Huyện D1', 'Mọi nơi', 'Tỉnh P', 'Xã C1']);
    expect(texts(await list(viewer, '?on=D1'))).toEqual(['Huyện D1', 'Mọi nơi', 'Tỉnh P']);
    expect(texts(await list(viewer, '?on=everywhere'))).toEqual(['Mọi nơi']);
    expect(await list(viewer, '')).toHaveLength(6);
    // a scope sees everywhere's and its own units' notes; its charts also its ancestors'
    expect(texts(await list(scopedViewer, ''))).toEqual(['Mọi nơi', 'Xã C1']);
    expect(texts(await list(scopedViewer, '?on=C1'))).toEqual(['Huyện D1', 'Mọi nơi', 'Tỉnh P', 'Xã C1']);
    expect((await as(scopedViewer, '/api/v1/annotations?on=D2')).status).toBe(403);
    expect((await as(viewer, '/api/v1/annotations?on=ZZ')).status).toBe(400);
    expect((await as(viewer, '/api/v1/annotations?from=2025&to=2024')).status).toBe(400);
    expect(await list(viewer, '?from=2025')).toEqual([]);
  });

  it('removes a note once, audited, inside the scope only', async () => {
    const mine = (await (await post(editor, { year: 2024, text_vi: 'Xã C1', unit_code: 'C1' })).json()) as Note;
    const all = (await (await post(editor, { year: 2024, text_vi: 'Mọi nơi' })).json()) as Note;
    const before = await tables();
    expect((await as(scoped, `/api/v1/annotations/${all.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await as(viewer, `/api/v1/annotations/${mine.id}`, { method: 'DELETE' })).status).toBe(403);
    expect(await tables()).toEqual(before);
    const [a, b] = await Promise.all([
      as(scoped, `/api/v1/annotations/${mine.id}`, { method: 'DELETE' }),
      as(editor, `/api/v1/annotations/${mine.id}`, { method: 'DELETE' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 404]);
    const { notes, audit } = await tables();
    expect(notes).toHaveLength(1);
    expect(audit.filter((l) => l.action === 'annotation_delete').map((l) => l.target)).toEqual(['Xã C1']);
  });

  it('changes a note in place, audited with the note before; refuses a clash, a gone note and the scope', async () => {
    const a = (await (await post(editor, { year: 2024, text_vi: 'Cũ', unit_code: 'C1' })).json()) as Note;
    await post(editor, { year: 2024, text_vi: 'Khác', unit_code: 'C1' });
    const change = (p: Person, id: number, body: unknown) =>
      as(p, `/api/v1/annotations/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const res = await change(scoped, a.id, { date: '2024-05-01', text_vi: 'Mới', text_en: 'New', unit_code: 'D1' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: a.id,
      year: 2024,
      date: '2024-05-01',
      text_vi: 'Mới',
      unit_code: 'D1',
    });
    const line = (await tables()).audit.find((l) => l.action === 'annotation_update')!;
    expect(JSON.parse(String(line.detail))).toMatchObject({ before: { text_vi: 'Cũ', unit_code: 'C1', date: null } });

    const before = await tables();
    expect((await change(editor, a.id, { year: 2024, text_vi: 'Khác', unit_code: 'C1' })).status).toBe(409);
    expect((await change(scoped, a.id, { year: 2024, text_vi: 'Mới', unit_code: 'D2' })).status).toBe(403);
    expect((await change(scoped, a.id, { year: 2024, text_vi: 'Mới' })).status).toBe(403);
    expect((await change(viewer, a.id, { year: 2024, text_vi: 'Mới', unit_code: 'D1' })).status).toBe(403);
    expect((await change(editor, a.id, { year: 2024, text_vi: '' })).status).toBe(400);
    expect((await change(editor, 999999, { year: 2024, text_vi: 'x' })).status).toBe(404);
    expect(await tables()).toEqual(before);
  });
});
