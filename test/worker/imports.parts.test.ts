import { api } from './auth';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixture';
import { load, resetDatabase, summary } from './helpers';
import { AUTH, consistency, csv, rollback, snapshot, upload } from './importHelpers';

// A file larger than one request may be is sent in parts into one staging batch, then
// committed: nothing counts before the commit, and one bad part discards the whole upload.
const HEAD = 'year,award_code,unit_code,recipient_kind,quantity';
const rows = (n: number, quantity = 1) =>
  Array.from({ length: n }, (_, i) => `2021,LDTT,${i % 2 ? 'C1' : 'C2'},individual,${quantity}`);
const commit = async (id: number) => {
  const res = await api(`http://local/api/v1/imports/${id}/commit`, { method: 'POST', headers: AUTH });
  return {
    status: res.status,
    body: (await res.json()) as {
      batch?: { id: number; rows: number; status: string };
      duplicate_of?: number;
      error?: string;
    },
  };
};

async function sendParts(parts: string[][]) {
  let id: number | undefined;
  let first = 1;
  const answers = [];
  for (const [i, p] of parts.entries()) {
    const q = `?part=${i + 1}&first_row=${first}${id ? `&batch=${id}` : ''}`;
    const res = await upload('awards', csv([HEAD, ...p]), 'text/csv', q);
    answers.push(res);
    if (res.status !== 202) break;
    id = res.body.batch!.id!;
    first += p.length;
  }
  return { id, answers };
}

beforeAll(async () => {
  await resetDatabase();
  await load(FIXTURE);
});

describe('uploads in parts', () => {
  it('counts nothing until the commit, then everything once; the same parts again are a duplicate', async () => {
    const before = await snapshot();
    const { id, answers } = await sendParts([rows(3000), rows(3000), rows(1000, 2)]);
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(answers[2].body.batch).toMatchObject({ id, status: 'staging', rows: 7000 });
    expect((await summary('')).body.total).toBe((before.summary as { total: number }).total);
    expect((await summary('from=2021&to=2021')).body.total).toBe(0); // staged, not counted

    const done = await commit(id!);
    expect(done.status).toBe(201);
    expect(done.body.batch).toMatchObject({ id, rows: 7000, status: 'committed' });
    expect((await summary('from=2021&to=2021')).body.total).toBe(8000);
    expect((await consistency()).ok).toBe(true);
    expect((await commit(id!)).status).toBe(409);

    const again = await sendParts([rows(3000), rows(3000), rows(1000, 2)]);
    const dup = await commit(again.id!);
    expect(dup.status).toBe(200);
    expect(dup.body.duplicate_of).toBe(id);
    expect((await summary('from=2021&to=2021')).body.total).toBe(8000);
    expect(
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM awards WHERE batch_id = ?').bind(again.id).first())?.n,
    ).toBe(0);

    expect((await rollback(id!)).status).toBe(200);
    expect((await snapshot()).summary).toEqual(before.summary);
    expect((await consistency()).ok).toBe(true);
  }, 30_000); // 14,000 rows sent twice: several seconds on a busy machine

  it('a bad row in part 3 names its row in the whole file and discards parts 1 and 2', async () => {
    const before = await snapshot();
    const { answers } = await sendParts([rows(3000), rows(3000), [...rows(10), '2021,LDTT,NOPE,individual,1']]);
    expect(answers.map((a) => a.status)).toEqual([202, 202, 422]);
    expect(answers[2].body.errors).toEqual([
      expect.objectContaining({ row: 6011, column: 'unit_code', value: 'NOPE' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses parts out of order, parts for other datasets and commits of ordinary batches', async () => {
    const before = await snapshot();
    const { id } = await sendParts([rows(5)]);
    const skip = await upload('awards', csv([HEAD, ...rows(5)]), 'text/csv', `?part=3&first_row=6&batch=${id}`);
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatch(/the next one is part 2/);
    expect(
      (await upload('units', csv(['code,name,kind', 'N1,Xã,commune']), 'text/csv', '?part=1&first_row=1')).status,
    ).toBe(400);
    expect((await upload('awards', csv([HEAD, ...rows(5)]), 'text/csv', '?part=2&first_row=6')).status).toBe(400);
    // an abandoned upload is never counted and is removed by DELETE
    expect((await summary('from=2021&to=2021')).body.total).toBe(0);
    expect((await rollback(id!)).status).toBe(200);
    expect((await commit(id!)).status).toBe(409);
    expect((await commit(999999)).status).toBe(404);
    const after = await snapshot();
    expect(after.summary).toEqual(before.summary);
    expect(after.tables).toEqual({ ...before.tables, import_batches: before.tables.import_batches + 1 });
  });
});
