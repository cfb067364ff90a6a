import { env, introspectWorkflow } from 'cloudflare:test';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE } from './fixture';
import { load, resetDatabase, summary } from './helpers';
import { api } from './auth';
import { consistency, rollback, snapshot, upload } from './importHelpers';
import {
  cancel,
  count,
  failOnce,
  file,
  follow,
  HEAD,
  hold,
  marker,
  rawRows,
  release,
  rows,
  send,
  settled,
  storedFiles,
  view,
} from './uploadHelpers';

// A big file through R2 and the import Workflow, in workerd against the migrated local D1 and
// R2: totals equal the one-request path's, problems are answered in the same shapes with
// nothing written, a cancel keeps everything out of the cube, a step that fails is retried to
// the exact totals.

// a Workflow import of tens of thousands of rows takes seconds on this shared machine
vi.setConfig({ testTimeout: 60_000 });

const total = async (q = '') => (await summary(q)).body.total;
let base: number;
let introspector: Awaited<ReturnType<typeof introspectWorkflow>>;

beforeAll(async () => {
  await resetDatabase();
  await load(FIXTURE);
  base = await total();
});
beforeEach(async () => {
  // retries at once instead of after the configured delays (the retries themselves still run)
  introspector = await introspectWorkflow(env.IMPORT_WORKFLOW);
  await introspector.modifyAll(async (m) => m.disableRetryDelays());
});
afterEach(async () => {
  for (const step of ['read', 'commit'] as const) await release(step);
  await env.UPLOADS.delete(['test-faults/fail-read', 'test-faults/fail-commit']);
  await introspector.dispose();
});

describe('upload → Workflow → committed', () => {
  it('counts exactly what the one-request import of the same file counts', async () => {
    const body = file([HEAD, ...rows(12_000, 2011, 3)]);
    const sent = await send(body, 'text/csv', '?filename=lon.csv');
    expect(sent.status).toBe(202);
    expect(sent.body.upload).toMatchObject({ stage: 'queued', rows_read: 0, can_cancel: true });
    const done = await follow(sent.body.upload!.id);
    expect(done).toMatchObject({ stage: 'done', rows_checked: 12_000, errors: 0, batch_status: 'committed' });
    expect((await settled(done.id)).status).toBe('complete');
    const viaWorkflow = (await total('group_by=year')) - base;
    expect(viaWorkflow).toBe(36_000);
    expect(await consistency()).toMatchObject({ ok: true });
    expect(await storedFiles()).toBe(0); // the clean-up step removed the file from R2

    // the same bytes again through the one-request path: a duplicate of the Workflow's batch
    const again = await upload('awards', body);
    expect(again.status).toBe(200);
    expect(again.body.duplicate_of).toBe(done.batch_id);
    // rolled back, then imported in one request: the same totals, by year too
    const byYear = (await summary('group_by=year')).body;
    expect((await rollback(done.batch_id!)).status).toBe(200);
    expect(await total()).toBe(base);
    const one = await upload('awards', body);
    expect(one.status).toBe(201);
    expect((await summary('group_by=year')).body.rows).toEqual(byYear.rows);
    expect((await rollback(one.body.batch!.id!)).status).toBe(200);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('a file sent again through the Workflow ends as a duplicate, nothing counted twice', async () => {
    const body = file([HEAD, ...rows(50, 2012)]);
    const first = await follow((await send(body)).body.upload!.id);
    expect(first.stage).toBe('done');
    const second = await follow((await send(body)).body.upload!.id);
    expect(second.stage).toBe('duplicate');
    expect(second.result).toMatchObject({ duplicate_of: first.batch_id });
    expect(await total()).toBe(base + 50);
    expect(await count('SELECT COUNT(*) AS n FROM import_batches WHERE id > ?', first.batch_id)).toBe(0);
    expect((await rollback(first.batch_id!)).status).toBe(200);
    expect(await consistency()).toMatchObject({ ok: true });
  });
});

describe('a file with problems', () => {
  it('answers the same errors and error groups as the one-request path, and writes nothing', async () => {
    const lines = [HEAD, ...rows(9000, 2013)];
    lines[100] = '2013,LDTT,NO-SUCH-UNIT,individual,1';
    lines[7000] = '2013,LDTT,C1,individual,-4';
    const body = file(lines);
    const before = await snapshot();
    const one = await upload('awards', body);
    expect(one.status).toBe(422);
    const ended = await follow((await send(body)).body.upload!.id);
    expect(ended).toMatchObject({ stage: 'invalid', errors: 2, batch_id: null, can_cancel: false });
    expect(ended.result).toEqual(one.body);
    expect(ended.result!.errors).toHaveLength(2);
    expect((ended.result!.error_groups as unknown[]).length).toBe(2);
    expect((await settled(ended.id)).status).toBe('complete');
    const after = await snapshot();
    expect(after.tables).toEqual(before.tables);
    expect(after.summary).toEqual(before.summary);
    expect(await storedFiles()).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('a file that is not UTF-8 ends invalid with the reason, nothing written', async () => {
    const before = await snapshot();
    const res = await api('http://local/api/v1/uploads/awards', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: new Uint8Array([0x79, 0x65, 0x61, 0x72, 0x0a, 0xff, 0xfe, 0x0a]),
    });
    expect(res.status).toBe(202);
    const id = ((await res.json()) as { upload: { id: string } }).upload.id;
    const ended = await follow(id);
    expect(ended.stage).toBe('invalid');
    expect(ended.result).toMatchObject({ error: expect.stringMatching(/not valid UTF-8.*Nothing was imported/) });
    expect(ended.result!.error_vi).toMatch(/UTF-8/);
    expect((await snapshot()).tables).toEqual(before.tables);
  });
});

describe('refused before anything is stored', () => {
  const refusals: [string, RequestInit & { path?: string }, number, RegExp][] = [
    ['another content type', { headers: { 'content-type': 'image/png' }, body: 'x' }, 415, /Unsupported Content-Type/],
    ['an empty body', { headers: { 'content-type': 'text/csv' }, body: '' }, 400, /empty/],
    [
      'a dataset other than awards',
      { path: 'units', headers: { 'content-type': 'text/csv' }, body: 'a' },
      400,
      /only awards/,
    ],
    [
      'an unknown dataset',
      { path: 'prizes', headers: { 'content-type': 'text/csv' }, body: 'a' },
      400,
      /unknown dataset/,
    ],
    [
      'a body without a length',
      {
        headers: { 'content-type': 'text/csv' },
        body: new ReadableStream({
          start: (c) => {
            c.enqueue(new TextEncoder().encode('a'));
            c.close();
          },
        }),
      },
      411,
      /Content-Length is required/,
    ],
    [
      'multipart for a workbook',
      { headers: { 'content-type': 'application/json' } },
      400,
      /only CSV files go in parts/,
    ],
  ];
  for (const [what, init, status, message] of refusals)
    it(what, async () => {
      const uploads = await count('SELECT COUNT(*) AS n FROM uploads');
      const multipart = what.startsWith('multipart') ? '?multipart=1' : '';
      const res = await api(`http://local/api/v1/uploads/${init.path ?? 'awards'}${multipart}`, {
        method: 'POST',
        ...init,
      });
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: string; error_vi: string };
      expect(body.error).toMatch(message);
      expect(body.error_vi.length).toBeGreaterThan(0);
      expect(await count('SELECT COUNT(*) AS n FROM uploads')).toBe(uploads);
      expect(await storedFiles()).toBe(0);
    });

  it('a viewer may not upload; an unknown upload is a 404, a malformed id a 400', async () => {
    const { anonymous } = await import('./auth');
    const res = await anonymous('http://local/api/v1/uploads/awards', { method: 'POST', body: 'a' });
    expect(res.status).toBe(401);
    expect((await api(`http://local/api/v1/uploads/${crypto.randomUUID()}`)).status).toBe(404);
    const bad = await api('http://local/api/v1/uploads/not-an-id');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parameter: string }).parameter).toBe('id');
  });
});

describe('cancel', () => {
  it('while reading: nothing reaches the cube, no raw row is left, the file is removed', async () => {
    await hold('read', 10_000);
    const id = (await send(file([HEAD, ...rows(20_000, 2014)]))).body.upload!.id;
    const reading = await follow(id, (u) => u.stage === 'reading' && u.rows_read >= 10_000);
    expect(reading.batch_id).not.toBeNull();
    const res = await cancel(id);
    expect(res.status).toBe(200);
    expect(res.body.upload).toMatchObject({ stage: 'cancelled', can_cancel: false, batch_status: 'rolled_back' });
    // the cancel itself stops the instance and removes the file: nothing waits on a Workflow
    // that may never run again (a local one does not resume after a restart)
    expect(await storedFiles()).toBe(0);
    await release('read');
    expect((await settled(id)).status).toBe('terminated');
    expect(await view(id)).toMatchObject({ stage: 'cancelled' });
    expect(await rawRows(reading.batch_id!)).toBe(0);
    expect(await total()).toBe(base);
    expect(await storedFiles()).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('two cancels at once: one is 200, the other 409; nothing counted', async () => {
    await hold('read', 5000);
    const id = (await send(file([HEAD, ...rows(12_000, 2015)]))).body.upload!.id;
    const reading = await follow(id, (u) => u.stage === 'reading' && u.rows_read >= 5000);
    const answers = await Promise.all([cancel(id), cancel(id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error).toMatch(/already cancelled/);
    await release('read');
    await settled(id);
    expect(await rawRows(reading.batch_id!)).toBe(0);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('during the commit, before its flip: the partial cube change is dropped', async () => {
    await hold('commit', 1);
    const id = (await send(file([HEAD, ...rows(30_000, 2016)]))).body.upload!.id;
    // held after its first slice of 25,000 ids went into the invisible delta
    const committing = await follow(id, (u) => u.batch_status === 'committing' && (u.progress ?? 0) > 0);
    expect(await total()).toBe(base);
    const res = await cancel(id);
    expect(res.status).toBe(200);
    await release('commit');
    await settled(id);
    expect(await view(id)).toMatchObject({ stage: 'cancelled', batch_status: 'rolled_back' });
    expect(await rawRows(committing.batch_id!)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM award_cube_delta WHERE batch_id = ?', committing.batch_id)).toBe(0);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('racing the commit: either nothing counts or all of it does (then a 409 says to roll back)', async () => {
    const id = (await send(file([HEAD, ...rows(30_000, 2017)]))).body.upload!.id;
    const committing = await follow(id, (u) => u.stage === 'committing');
    const res = await cancel(id);
    await settled(id);
    const ended = await view(id);
    if (res.status === 200) {
      expect(ended.stage).toBe('cancelled');
      expect(await total()).toBe(base);
      expect(await rawRows(committing.batch_id!)).toBe(0);
    } else {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatch(/already imported .*roll the batch back/);
      expect(ended.stage).toBe('done');
      expect(await total()).toBe(base + 30_000);
      expect((await rollback(committing.batch_id!)).status).toBe(200);
    }
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('after it ended: a 409 that says why', async () => {
    const done = await follow((await send(file([HEAD, ...rows(10, 2018)]))).body.upload!.id);
    const res = await cancel(done.id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/already imported \(batch \d+\): roll the batch back instead/);
    expect(await total()).toBe(base + 10);
    expect((await rollback(done.batch_id!)).status).toBe(200);
  });
});

describe('a step that fails once is retried', () => {
  it('read, after rows were staged: the retry starts over, exact totals', async () => {
    // past 50,000 records at least one round trip of staged rows (at most 900 KB of them) is written
    await failOnce('read', 50_000);
    const id = (await send(file([HEAD, ...rows(60_000, 2019, 2)]))).body.upload!.id;
    const done = await follow(id);
    expect(await marker('read')).toBe(false); // it did fail once
    expect(done).toMatchObject({ stage: 'done', rows_checked: 60_000 });
    expect(await rawRows(done.batch_id!)).toBe(60_000);
    expect(await total()).toBe(base + 120_000);
    // the first attempt's batch is gone, rows and all
    expect(await count('SELECT COUNT(*) AS n FROM awards WHERE batch_id != ? AND year = 2019', done.batch_id)).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
    expect((await rollback(done.batch_id!)).status).toBe(200);
  });

  it('commit, after its first slice: the retry goes on from the cursor, every slice once', async () => {
    await failOnce('commit', 1);
    const id = (await send(file([HEAD, ...rows(30_000, 2020, 3)]))).body.upload!.id;
    const done = await follow(id);
    expect(await marker('commit')).toBe(false);
    expect(done).toMatchObject({ stage: 'done', batch_status: 'committed' });
    expect(await total()).toBe(base + 90_000);
    expect(await count('SELECT COUNT(*) AS n FROM award_cube_delta')).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
    expect((await rollback(done.batch_id!)).status).toBe(200);
    expect(await total()).toBe(base);
  });
});

describe('a multipart upload (files over one request)', () => {
  const put = (id: string, n: number, body: Uint8Array) =>
    api(`http://local/api/v1/uploads/${id}/parts/${n}`, { method: 'PUT', body: body as BodyInit });
  const open = async () => {
    const res = await api('http://local/api/v1/uploads/awards?multipart=1&filename=lon.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(201);
    const u = ((await res.json()) as { upload: { id: string; stage: string } }).upload;
    expect(u.stage).toBe('receiving');
    return u.id;
  };
  const complete = (id: string) => api(`http://local/api/v1/uploads/${id}/complete`, { method: 'POST' });
  // a column the dataset does not keep pads the rows (a warning), so 5 MiB is some 23,000 rows
  const note = 'x'.repeat(200);
  const padded = (n: number) =>
    new TextEncoder().encode(file([`${HEAD},ghi_chu`, ...rows(n, 2021).map((r) => `${r},${note}`)]));
  const MIB5 = 5 * 1024 * 1024;

  it('parts cut anywhere in the bytes, put together in R2, imported like the whole file', async () => {
    const bytes = padded(24_000);
    expect(bytes.length).toBeGreaterThan(MIB5);
    const id = await open();
    expect((await put(id, 2, bytes.subarray(MIB5))).status).toBe(200);
    expect((await put(id, 1, bytes.subarray(0, MIB5))).status).toBe(200);
    const res = await complete(id);
    expect(res.status).toBe(202);
    const done = await follow(id);
    expect(done).toMatchObject({ stage: 'done', rows_checked: 24_000 });
    expect((done.result!.warnings as { column: string }[])[0].column).toBe('ghi_chu');
    expect(await total()).toBe(base + 24_000);
    expect(await consistency()).toMatchObject({ ok: true });
    expect(await storedFiles()).toBe(0);
    expect((await rollback(done.batch_id!)).status).toBe(200);
  });

  it('a part missing, or a part smaller than 5 MiB before the last: 409, nothing started', async () => {
    const id = await open();
    expect((await put(id, 2, new TextEncoder().encode('2021,LDTT,C1,individual,1\n'))).status).toBe(200);
    const gap = await complete(id);
    expect(gap.status).toBe(409);
    expect(((await gap.json()) as { error: string }).error).toMatch(/part 1 is missing/);
    expect((await put(id, 1, new TextEncoder().encode(`${HEAD}\n`))).status).toBe(200);
    const small = await complete(id);
    expect(small.status).toBe(409);
    expect(((await small.json()) as { error_vi: string }).error_vi).toMatch(/cùng kích thước, tối thiểu 5 MB/);
    expect(await view(id)).toMatchObject({ stage: 'receiving', batch_id: null });
    // abandoned: the cancel aborts the R2 multipart upload
    expect((await cancel(id)).status).toBe(200);
    expect((await put(id, 3, new TextEncoder().encode('x'))).status).toBe(409);
    expect(await total()).toBe(base);
  });
});
