import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { toStatement } from '../../worker/db/run';
import { applyBatchToCube } from '../../worker/queries/cube/refresh';
import {
  expandStart,
  expandStatements,
  flipStatements,
  mergeStep,
  sliceStatements,
  startPhase,
} from '../../worker/queries/imports/transitions';
import { api } from './auth';
import { FIXTURE } from './fixture';
import { load, resetDatabase, summary } from './helpers';
import { AUTH, consistency, csv, rollback, upload } from './importHelpers';

// The life of an awards batch under concurrency and crashes: totals, the consistency check and
// the raw rows of rolled-back batches are asserted after each scenario.

const HEAD = 'year,award_code,unit_code,recipient_kind,quantity';
const rows = (n: number, year = 2010, quantity = 1) =>
  Array.from({ length: n }, (_, i) => `${year},LDTT,${i % 2 ? 'C1' : 'C2'},individual,${quantity}`);
const total = async (q = '') => (await summary(q)).body.total;
const run = (statements: Parameters<typeof toStatement>[1][]) =>
  env.DB.batch(statements.map((s) => toStatement(env.DB, s)));
const rawRows = async (id: number) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM awards WHERE batch_id = ?').bind(id).first<{ n: number }>())!.n;
const deltaRows = async (id: number) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM award_cube_delta WHERE batch_id = ?')
    .bind(id)
    .first<{ n: number }>())!.n;
const sumsRows = async (id: number) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM award_batch_sums WHERE batch_id = ?')
    .bind(id)
    .first<{ n: number }>())!.n;
/** The batch's award ids (lo, hi] and its sums ids (sumsLo, sumsHi]. */
const ranges = async (id: number) =>
  (await env.DB.prepare(
    `SELECT (SELECT MIN(id) - 1 FROM awards WHERE batch_id = ?1) AS lo, (SELECT MAX(id) FROM awards WHERE batch_id = ?1)
  AS hi, (SELECT MIN(id) - 1 FROM award_batch_sums WHERE batch_id = ?1) AS sumsLo, (SELECT MAX(id) FROM
  award_batch_sums WHERE batch_id = ?1) AS sumsHi`,
  )
    .bind(id)
    .first<{ lo: number; hi: number; sumsLo: number; sumsHi: number }>())!;
/** What a batch staged or committed by the code before the sums looks like: no sums, no summed_to. */
const withoutSums = async (id: number) => {
  await env.DB.batch([
    env.DB.prepare('DELETE FROM award_batch_sums WHERE batch_id = ?').bind(id),
    env.DB.prepare('UPDATE import_batches SET summed_to = NULL WHERE id = ?').bind(id),
  ]);
};
const progress = async (id: number) =>
  (
    (await (await api('http://local/api/v1/imports', { headers: AUTH })).json()) as {
      batches: { id: number; progress: number | null }[];
    }
  ).batches.find((b) => b.id === id)!.progress;
const status = async (id: number) =>
  (await env.DB.prepare('SELECT status FROM import_batches WHERE id = ?').bind(id).first<{ status: string }>())!.status;
const expired = (id: number) =>
  env.DB.prepare(
    "UPDATE import_batches SET lease_owner = 'crashed', lease_until = '2000-01-01T00:00:00.000Z' WHERE id = ?",
  )
    .bind(id)
    .run();

async function importAwards(n: number, year = 2010, quantity = 1): Promise<number> {
  const res = await upload('awards', csv([HEAD, ...rows(n, year, quantity)]));
  expect(res.status).toBe(201);
  return res.body.batch!.id!;
}

let base: number;
beforeAll(async () => {
  await resetDatabase();
  await load(FIXTURE);
  base = await total();
});

describe('concurrent DELETEs', () => {
  it('five at once: exactly one rolls back, the others are 409; subtracted once', async () => {
    const id = await importAwards(3000, 2010, 2);
    expect(await total()).toBe(base + 6000);
    const answers = await Promise.all(Array.from({ length: 5 }, () => rollback(id)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.map((a) => a.status)).toEqual([409, 409, 409, 409]);
    for (const a of refused) expect(a.body.error).toMatch(/already (being )?rolled back/);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
    expect(await rawRows(id)).toBe(0);
    expect(await status(id)).toBe('rolled_back');
  });

  it('a DELETE while another request holds the batch is a 409 that says so', async () => {
    const id = await importAwards(10);
    await env.DB.prepare(
      "UPDATE import_batches SET lease_owner = 'other', lease_until = '2999-01-01T00:00:00.000Z' WHERE id = ?",
    )
      .bind(id)
      .run();
    const res = await rollback(id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/by another request/);
    expect(await total()).toBe(base + 10);
    await expired(id);
    expect((await rollback(id)).status).toBe(200);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });
});

describe('a DELETE of a running import cancels it', () => {
  it('staging: the upload stops with a 409, nothing reaches the cube, no row is left', async () => {
    const head = new TextEncoder().encode(`${HEAD}\n${rows(15_000).join('\n')}\n`);
    const tail = new TextEncoder().encode(`${rows(5000).join('\n')}\n`);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        c.enqueue(head);
        await gate;
        c.enqueue(tail);
        c.close();
      },
    });
    const answer = upload('awards', body);
    let id: number | undefined;
    for (let i = 0; i < 200 && id === undefined; i++) {
      const b = await env.DB.prepare(
        "SELECT id FROM import_batches WHERE status = 'staging' AND (SELECT " +
          'COUNT(*) FROM awards WHERE batch_id = import_batches.id) > 0',
      ).first<{ id: number }>();
      id = b?.id;
      if (id === undefined) await new Promise((r) => setTimeout(r, 20));
    }
    expect(id).toBeDefined();
    const del = await rollback(id!);
    expect(del.status).toBe(200);
    expect(del.body.batch?.status).toBe('rolled_back');
    release();
    const res = await answer;
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/rolled back by ADMIN_TOKEN while it was being imported/);
    expect(await status(id!)).toBe('rolled_back');
    expect(await rawRows(id!)).toBe(0);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('committing: the partial cube change is dropped, not counted', async () => {
    // a commit half-way through its slices, as a running (or crashed) commit request has it
    const staged = await upload('awards', csv([HEAD, ...rows(100)]), 'text/csv', '?part=1&first_row=1');
    expect(staged.status).toBe(202);
    const id = staged.body.batch!.id!;
    const { sumsLo, sumsHi } = await ranges(id);
    expect(sumsHi - sumsLo).toBe(2); // staging summed its rows: one sums row per unit
    await run(startPhase(id, 'committing', 'running', { hash: 'h'.repeat(64), rows: 100 }));
    await run(expandStart(id, 'committing'));
    await run(expandStatements(id, 'committing', sumsLo, sumsLo + 1));
    expect(await deltaRows(id)).toBeGreaterThan(0);
    expect(await total()).toBe(base);

    const del = await rollback(id);
    expect(del.status).toBe(200);
    // the running commit's next slice is refused by its guard
    await expect(run(expandStatements(id, 'committing', sumsLo + 1, sumsHi))).rejects.toThrow(/import_batch_changed/);
    expect(await deltaRows(id)).toBe(0);
    expect(await sumsRows(id)).toBe(0);
    expect(await rawRows(id)).toBe(0);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });
});

describe('a crash leaves work that the next request finishes', () => {
  it('a rollback whose row deletion stopped half-way: a new DELETE finishes it', async () => {
    const id = await importAwards(2000);
    // what the old one-transaction rollback left: subtracted and marked, 1,000 rows still there
    await run([...applyBatchToCube(id, -1)]);
    await env.DB.prepare(
      "UPDATE import_batches SET status = 'rolled_back', rolled_back_at = " +
        "'2026-01-01T00:00:00.000Z', rolled_back_by = 'x' WHERE id = ?",
    )
      .bind(id)
      .run();
    await env.DB.prepare('DELETE FROM awards WHERE id IN (SELECT id FROM awards WHERE batch_id = ? LIMIT 1000)')
      .bind(id)
      .run();
    await env.DB.prepare('UPDATE data_state SET version = version + 1').run();
    expect(await rawRows(id)).toBe(1000);
    expect(await total()).toBe(base);

    const res = await rollback(id);
    expect(res.status).toBe(200);
    expect(await rawRows(id)).toBe(0);
    expect((await rollback(id)).status).toBe(409); // now it is done
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('with a live lease (another request still deleting), a DELETE is a 409 and leaves the rows to it', async () => {
    const id = await importAwards(300);
    await run([...applyBatchToCube(id, -1)]);
    await env.DB.prepare(
      "UPDATE import_batches SET status = 'rolled_back', rolled_back_at = " +
        "'2026-01-01T00:00:00.000Z', lease_owner = 'other', lease_until = " +
        "'2999-01-01T00:00:00.000Z' WHERE id = ?",
    )
      .bind(id)
      .run();
    const res = await rollback(id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/already being rolled back by another request/);
    expect(await rawRows(id)).toBe(300);
    await expired(id);
    expect((await rollback(id)).status).toBe(200);
    expect(await rawRows(id)).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('the same left by a crash is finished by the clean-up after GET /imports', async () => {
    const id = await importAwards(1500);
    await run([...applyBatchToCube(id, -1)]);
    await env.DB.prepare(
      "UPDATE import_batches SET status = 'rolled_back', rolled_back_at = '2026-01-01T00:00:00.000Z' WHERE id = ?",
    )
      .bind(id)
      .run();
    await env.DB.prepare('DELETE FROM awards WHERE id IN (SELECT id FROM awards WHERE batch_id = ? LIMIT 700)')
      .bind(id)
      .run();
    let left = await rawRows(id);
    for (let i = 0; i < 100 && left > 0; i++) {
      await (await api('http://local/api/v1/imports')).json();
      await new Promise((r) => setTimeout(r, 50));
      left = await rawRows(id);
    }
    expect(left).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('a rollback that crashed in its slices resumes from its cursor', async () => {
    const id = await importAwards(400, 2011, 3);
    expect(await total('from=2011&to=2011')).toBe(1200);
    // the commit kept the batch's sums: the rollback expands them and reads no award
    const { sumsLo, sumsHi } = await ranges(id);
    expect(sumsHi - sumsLo).toBe(2);
    await run(startPhase(id, 'rolling_back', 'crashed', { by: 'x' }));
    await run(expandStart(id, 'rolling_back'));
    await run(expandStatements(id, 'rolling_back', sumsLo, sumsLo + 1));
    expect(await deltaRows(id)).toBeGreaterThan(0);
    await expired(id);
    // still counted in full while rolling back: its negative delta is not visible yet
    expect(await total('from=2011&to=2011')).toBe(1200);
    expect(await consistency()).toMatchObject({ ok: true });

    const res = await rollback(id);
    expect(res.status).toBe(200);
    expect(res.body.batch?.status).toBe('rolled_back');
    expect(await total('from=2011&to=2011')).toBe(0);
    expect(await deltaRows(id)).toBe(0);
    expect(await sumsRows(id)).toBe(0);
    expect(await rawRows(id)).toBe(0);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });
});

describe('progress of a commit', () => {
  it('follows the expansion when staging summed every award (no slice of awards left)', async () => {
    const staged = await upload('awards', csv([HEAD, ...rows(300, 2013)]), 'text/csv', '?part=1&first_row=1');
    const id = staged.body.batch!.id!;
    const { sumsLo, sumsHi } = await ranges(id);
    expect(sumsHi - sumsLo).toBe(2);
    await run(startPhase(id, 'committing', 'test', { hash: 'p'.repeat(64), rows: 300 }));
    await run(expandStart(id, 'committing'));
    expect(await progress(id)).toBe(0);
    // an integer division once kept this at 0 until the very end of a national commit
    await run(expandStatements(id, 'committing', sumsLo, sumsLo + 1));
    expect(await progress(id)).toBe(0.5);
    await run(expandStatements(id, 'committing', sumsLo + 1, sumsHi));
    expect(await progress(id)).toBe(1);
    await env.DB.prepare('UPDATE import_batches SET lease_owner = NULL, lease_until = NULL WHERE id = ?')
      .bind(id)
      .run();
    expect((await rollback(id)).status).toBe(200);
    expect(await total()).toBe(base);
    expect(await rawRows(id)).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
  });
});

describe('readers see a batch fully or not at all', () => {
  it('through every step of a commit and a rollback', async () => {
    const staged = await upload('awards', csv([HEAD, ...rows(300, 2012, 2)]), 'text/csv', '?part=1&first_row=1');
    const id = staged.body.batch!.id!;
    // as staged before the sums existed, so that the commit goes through both sub-phases
    await withoutSums(id);
    const { lo, hi } = await ranges(id);
    const seen = async () => [
      await total('from=2012&to=2012'),
      await total('from=2012&to=2012&group_by=unit,gender'),
      (await consistency()).ok,
    ];

    await run(startPhase(id, 'committing', 'test', { hash: 'v'.repeat(64), rows: 300 }));
    await run(sliceStatements(id, 'committing', lo, lo + 100));
    expect(await seen()).toEqual([0, 0, true]);
    await run(sliceStatements(id, 'committing', lo + 100, hi));
    expect(await seen()).toEqual([0, 0, true]);
    // the flip waits for the expansion
    await expect(run(flipStatements(id, 'committing', 'test', '2026-01-01T00:00:00.000Z'))).rejects.toThrow(
      /import_batch_changed/,
    );
    await run(expandStart(id, 'committing'));
    const { sumsLo, sumsHi } = await ranges(id);
    await run(expandStatements(id, 'committing', sumsLo, sumsLo + 1));
    expect(await seen()).toEqual([0, 0, true]);
    await run(expandStatements(id, 'committing', sumsLo + 1, sumsHi));
    expect(await seen()).toEqual([0, 0, true]);
    await run(flipStatements(id, 'committing', 'test', '2026-01-01T00:00:00.000Z'));
    expect(await seen()).toEqual([600, 600, true]);
    // merged a few keys at a time: the same answer at every step
    const cost = { rowsRead: 0 };
    let steps = 0;
    while (await mergeStep(env.DB, cost, id, '2026-01-01T00:00:00.000Z', 4)) {
      steps++;
      expect(await seen()).toEqual([600, 600, true]);
    }
    expect(steps).toBeGreaterThan(3);
    expect(await deltaRows(id)).toBe(0);
    expect(await seen()).toEqual([600, 600, true]);
    await env.DB.prepare('UPDATE import_batches SET lease_owner = NULL, lease_until = NULL WHERE id = ?')
      .bind(id)
      .run();

    const res = await api(`http://local/api/v1/imports/${id}`, { method: 'DELETE', headers: AUTH });
    expect(res.status).toBe(200);
    expect(await seen()).toEqual([0, 0, true]);
    expect(await rawRows(id)).toBe(0);
  });
});

describe('sums first, expanded once', () => {
  const cleanUp = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await done()); i++) {
      await (await api('http://local/api/v1/imports')).json();
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const expectSums = async (id: number, expected: number) =>
    expect(
      (await env.DB.prepare('SELECT SUM(n) AS n FROM award_batch_sums WHERE batch_id = ?')
        .bind(id)
        .first<{ n: number | null }>())!.n,
    ).toBe(expected);

  it('staging sums its rows as it writes them; the commit keeps them, the rollback deletes them', async () => {
    const id = await importAwards(3000, 2013, 2);
    expect(await sumsRows(id)).toBe(2);
    await expectSums(id, 6000);
    const { hi } = await ranges(id);
    const b = await env.DB.prepare('SELECT summed_to FROM import_batches WHERE id = ?')
      .bind(id)
      .first<{ summed_to: number }>();
    expect(b!.summed_to).toBe(hi);
    expect(await total('from=2013&to=2013')).toBe(6000);
    expect((await rollback(id)).status).toBe(200);
    expect(await sumsRows(id)).toBe(0);
    expect(await rawRows(id)).toBe(0);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('a batch committed before the sums (none kept): its rollback sums it first, exactly', async () => {
    const id = await importAwards(2500, 2014, 3);
    await withoutSums(id);
    expect(await total('from=2014&to=2014')).toBe(7500);
    const res = await rollback(id);
    expect(res.status).toBe(200);
    expect(res.body.batch?.status).toBe('rolled_back');
    expect(await total('from=2014&to=2014')).toBe(0);
    expect(await total()).toBe(base);
    expect(await sumsRows(id)).toBe(0);
    expect(await rawRows(id)).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('a crash between summing and expanding: the clean-up expands and finishes the rollback', async () => {
    const id = await importAwards(600, 2015, 2);
    await withoutSums(id);
    const { lo, hi } = await ranges(id);
    await run(startPhase(id, 'rolling_back', 'crashed', { by: 'x' }));
    await run(sliceStatements(id, 'rolling_back', lo, lo + 250));
    await run(sliceStatements(id, 'rolling_back', lo + 250, hi));
    // summed twice over? the cursor is in the guard: a slice cannot be applied again
    await expect(run(sliceStatements(id, 'rolling_back', lo + 250, hi))).rejects.toThrow(/import_batch_changed/);
    await expectSums(id, 1200);
    expect(await deltaRows(id)).toBe(0);
    await expired(id);
    expect(await total('from=2015&to=2015')).toBe(1200);
    expect(await consistency()).toMatchObject({ ok: true });

    await cleanUp(async () => (await status(id)) === 'rolled_back' && (await rawRows(id)) === 0);
    expect(await status(id)).toBe('rolled_back');
    expect(await total('from=2015&to=2015')).toBe(0);
    expect(await total()).toBe(base);
    expect(await sumsRows(id)).toBe(0);
    expect(await deltaRows(id)).toBe(0);
    expect(await rawRows(id)).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('a commit that crashed inside its expansion: the clean-up commits the rest, each sums row once', async () => {
    const staged = await upload('awards', csv([HEAD, ...rows(500, 2016, 3)]), 'text/csv', '?part=1&first_row=1');
    expect(staged.status).toBe(202);
    const id = staged.body.batch!.id!;
    const { sumsLo, sumsHi } = await ranges(id);
    await run(startPhase(id, 'committing', 'crashed', { hash: 'c'.repeat(64), rows: 500 }));
    await run(expandStart(id, 'committing'));
    await run(expandStatements(id, 'committing', sumsLo, sumsLo + 1));
    await expect(run(expandStatements(id, 'committing', sumsLo, sumsLo + 1))).rejects.toThrow(/import_batch_changed/);
    await expired(id);
    expect(await total('from=2016&to=2016')).toBe(0); // invisible until the flip

    await cleanUp(async () => (await status(id)) === 'committed' && (await deltaRows(id)) === 0);
    expect(await status(id)).toBe('committed');
    expect(sumsHi - sumsLo).toBe(2);
    expect(await total('from=2016&to=2016')).toBe(1500);
    expect(await total('from=2016&to=2016&group_by=unit,gender')).toBe(1500);
    expect(await consistency()).toMatchObject({ ok: true });
    expect((await rollback(id)).status).toBe(200);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('a commit that crashed inside its summing (awards staged before the sums): resumed, exact', async () => {
    const staged = await upload('awards', csv([HEAD, ...rows(700, 2017, 1)]), 'text/csv', '?part=1&first_row=1');
    const id = staged.body.batch!.id!;
    await withoutSums(id);
    const { lo } = await ranges(id);
    await run(startPhase(id, 'committing', 'crashed', { hash: 'd'.repeat(64), rows: 700 }));
    await run(sliceStatements(id, 'committing', lo, lo + 300));
    await expectSums(id, 300);
    await expired(id);
    await cleanUp(async () => (await status(id)) === 'committed' && (await deltaRows(id)) === 0);
    expect(await status(id)).toBe('committed');
    await expectSums(id, 700);
    expect(await total('from=2017&to=2017')).toBe(700);
    expect(await consistency()).toMatchObject({ ok: true });
    expect((await rollback(id)).status).toBe(200);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('a commit begun by the code before the sums (its slices straight into the delta) starts again', async () => {
    const staged = await upload('awards', csv([HEAD, ...rows(400, 2018, 2)]), 'text/csv', '?part=1&first_row=1');
    const id = staged.body.batch!.id!;
    // the old code's state half-way: committing, no summed_to, part of the cube change in the delta
    const { sumsLo } = await ranges(id);
    await run(startPhase(id, 'committing', 'old', { hash: 'e'.repeat(64), rows: 400 }));
    await run(expandStart(id, 'committing'));
    await run(expandStatements(id, 'committing', sumsLo, sumsLo + 1));
    await withoutSums(id);
    await env.DB.prepare(
      'UPDATE import_batches SET cube_from = (SELECT MIN(id) - 1 FROM awards WHERE batch_id = ?1), ' +
        'cube_cursor = cube_until - 200, sums_from = NULL, sums_cursor = NULL, sums_until = NULL WHERE id = ?1',
    )
      .bind(id)
      .run();
    expect(await deltaRows(id)).toBeGreaterThan(0);
    await expired(id);
    await cleanUp(async () => (await status(id)) === 'committed' && (await deltaRows(id)) === 0);
    expect(await status(id)).toBe('committed');
    await expectSums(id, 800);
    expect(await total('from=2018&to=2018')).toBe(800);
    expect(await consistency()).toMatchObject({ ok: true });
    expect((await rollback(id)).status).toBe(200);
    expect(await total()).toBe(base);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('commits and DELETEs of one staged batch at once: it counts once in full, or not at all', async () => {
    const staged = await upload('awards', csv([HEAD, ...rows(2000, 2019, 2)]), 'text/csv', '?part=1&first_row=1');
    const id = staged.body.batch!.id!;
    const commit = () =>
      api(`http://local/api/v1/imports/${id}/commit`, { method: 'POST', headers: AUTH }).then((r) => r.status);
    const answers = await Promise.all([commit(), commit(), rollback(id).then((r) => r.status), commit()]);
    expect(answers.filter((s) => s === 200 || s === 201).length).toBeGreaterThanOrEqual(1);
    for (const s of answers) expect([200, 201, 409]).toContain(s);
    const after = await status(id);
    expect(['committed', 'rolled_back']).toContain(after);
    expect(await total('from=2019&to=2019')).toBe(after === 'committed' ? 4000 : 0);
    expect(await consistency()).toMatchObject({ ok: true });
    // and then the rollback of a committed one, five at once: subtracted once
    if (after === 'committed') {
      const dels = await Promise.all(Array.from({ length: 5 }, () => rollback(id)));
      expect(dels.filter((d) => d.status === 200)).toHaveLength(1);
    }
    expect(await total()).toBe(base);
    expect(await sumsRows(id)).toBe(0);
    expect(await rawRows(id)).toBe(0);
    expect(await consistency()).toMatchObject({ ok: true });
  });
});
