import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { pushToNational, type Transport } from '../../worker/federation/send';
import {
  call,
  createToken,
  cubeByCode,
  dbs,
  freshDatabase,
  importAwards,
  nationalEnv,
  nationalPush,
  nationalState,
  PROVINCE_P,
  PROVINCE_Q,
  recordingTransport,
  resign,
  rootAgainstTops,
  summaryOf,
} from './federation-fixture';

// The whole-cube push in slices (a resync): each slice its own signed request and its own D1
// batch at the national, readers on the previous figures until the flip and on the new ones
// from it, resumable after a crash on either side. Small slices and steps here, so that a
// fixture province's cube takes several of each.

const SLICE = 25;
const provinceP = () => ({ ...env, DB: dbs.DB });
const provinceQ = () => ({ ...env, DB: dbs.DB_PROVINCE_B });
/** The national taking one step (20 cube rows) per request after the last slice. */
const stepping = () => ({ ...nationalEnv(), FEDERATION_SLICE_ROWS: '20', FEDERATION_FINISH_MS: '0' });
const P_UNITS = ['P', 'D1', 'C1', 'C2', 'A'];
const VIEWS = [
  'group_by=year&from=2020&to=2030',
  'group_by=year,award,gender,movement&from=2020&to=2030',
  'group_by=unit,tier&from=2020&to=2030',
  'group_by=year,kind,class&from=2020&to=2030&cluster=K',
];
const CSV =
  'year,award_code,unit_code,recipient_kind,quantity,gender\n' +
  '2025,LDTT,C1,individual,7,F\n2025,CSTD_CS,C2,individual,2,M\n2024,BK_TINH,A,individual,1,F\n';

let tokenP: string;
let tokenQ: string;

beforeEach(async () => {
  await freshDatabase(dbs.DB, PROVINCE_P);
  await freshDatabase(dbs.DB_PROVINCE_B, PROVINCE_Q);
  await freshDatabase(dbs.DB_NATIONAL);
  tokenP = await createToken('P');
  tokenQ = await createToken('Q');
});

type Answer = { resync?: { phase: string; next_slice: number; longest_batch_ms: number }; reason?: string };
type Sent = { body: string; signature: string; status: number; answer: Answer };
type Body = { full: boolean; rows: { n: number; unit: string }[]; resync?: { id: string; slice: number } };

/** Every view the national answers, rows sorted: two equal strings are the same figures. */
async function nationalViews(bindings: object = nationalEnv()): Promise<string> {
  const out: string[] = [];
  for (const view of VIEWS) {
    const s = await summaryOf(bindings, view);
    out.push(`${view} ${s.total} ${s.rows.map((r) => JSON.stringify(r)).sort()}`);
  }
  return out.join('\n');
}

/** The sum of the provinces' own answers to every view, in nationalViews' form. */
async function sumOfProvinces(): Promise<string> {
  const out: string[] = [];
  for (const view of VIEWS) {
    const [p, q] = [await summaryOf(provinceP(), view), await summaryOf(provinceQ(), view)];
    const sum = new Map<string, Record<string, unknown>>();
    for (const r of [...p.rows, ...q.rows]) {
      const { count, ...key } = r;
      const k = JSON.stringify(key);
      const had = sum.get(k);
      sum.set(k, { ...r, count: Number(had?.count ?? 0) + Number(count) });
    }
    const rows = [...sum.values()].filter((r) => r.count !== 0);
    out.push(`${view} ${p.total + q.total} ${rows.map((r) => JSON.stringify(r)).sort()}`);
  }
  return out.join('\n');
}

/**
 * A transport to the national that keeps every request and answer and, after each one, the
 * figures the national's readers see (`seen`), to show they are never half of a province.
 */
function watching(bindings: object = nationalEnv()) {
  const sent: Sent[] = [];
  const seen: string[] = [];
  const t: Transport = async (body, signature) => {
    const res = await call(bindings, '/federation/push', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'X-Federation-Signature': signature, authorization: '' },
    });
    sent.push({ body, signature, status: res.status, answer: (await res.clone().json()) as Answer });
    seen.push(await nationalViews());
    return res;
  };
  return Object.assign(t, { sent, seen });
}

/** Every state seen is `before` or `after`, in that order: the switch is one request, never half. */
function expectBeforeThenAfter(seen: string[], before: string, after: string): number {
  expect(before).not.toBe(after);
  const flip = seen.indexOf(after);
  expect(flip).toBeGreaterThanOrEqual(0);
  for (const [i, s] of seen.entries()) expect(s, `request ${i}`).toBe(i < flip ? before : after);
  return flip;
}

/** Nothing of a resync left behind at the national: no delta rows, no batch, the root the sum of the tops. */
async function expectNothingLeft() {
  const db = dbs.DB_NATIONAL;
  expect(await db.prepare('SELECT COUNT(*) AS n FROM award_cube_delta').first('n')).toBe(0);
  expect(await db.prepare("SELECT COUNT(*) AS n FROM import_batches WHERE dataset = 'awards'").first('n')).toBe(0);
  expect(await db.prepare("SELECT COUNT(*) AS n FROM federation_resyncs WHERE phase <> 'done'").first('n')).toBe(0);
  const [kept, summed] = await rootAgainstTops(db);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(summed);
}

const outboxOf = (db: D1Database) =>
  db
    .prepare('SELECT full_needed, resync_id, resync_slice, resync_sent, acked_version FROM federation_outbox')
    .first<{ full_needed: number; resync_id: string | null; resync_slice: number; resync_sent: number }>();

const slices = (sent: Sent[]) =>
  sent.map((s) => JSON.parse(s.body) as Body).filter((b) => b.full && b.rows.length >= 0 && !isFinish(b));
const isFinish = (b: Body) => (b.resync as { finish?: boolean } | undefined)?.finish === true;

/** The province in its pre-resync state at the national, then its outbox lost: the next push is a gap. */
async function pushThenLoseOutbox() {
  expect((await pushToNational(dbs.DB, tokenP, recordingTransport())).error).toBeUndefined();
  await dbs.DB.batch([
    dbs.DB.prepare('DELETE FROM federation_pending'),
    dbs.DB.prepare('UPDATE federation_outbox SET acked_version = 0'),
  ]);
}

describe('federation: the whole cube in slices', () => {
  it('a first push in slices: nothing of the province shows until the flip, then all of it', async () => {
    expect((await pushToNational(dbs.DB_PROVINCE_B, tokenQ, recordingTransport())).error).toBeUndefined();
    const cubeRows = (await cubeByCode(dbs.DB, P_UNITS)).length;
    expect(cubeRows).toBeGreaterThan(3 * SLICE);
    const before = await nationalViews();
    const t = watching(stepping());
    const r = await pushToNational(dbs.DB, tokenP, t, { sliceRows: SLICE });
    expect(r.error).toBeUndefined();
    expect(r.acked_version).toBe(r.version);

    // one request per slice of at most SLICE rows, in order, under one resync id; then the finishing
    const sliced = slices(t.sent);
    expect(sliced.length).toBe(Math.floor(cubeRows / SLICE) + 1);
    expect(sliced.map((b) => b.resync?.slice)).toEqual(sliced.map((_, i) => i));
    expect(new Set(sliced.map((b) => b.resync?.id)).size).toBe(1);
    expect(sliced.every((b) => b.rows.length <= SLICE && b.rows.every((row) => row.n > 0))).toBe(true);
    expect(sliced.reduce((s, b) => s + b.rows.length, 0)).toBe(cubeRows);
    expect(t.sent.every((s) => s.status === 200)).toBe(true);
    // the removal, the flip and the merge a step per request (20 rows), each batch timed
    const finishing = t.sent.slice(sliced.length);
    expect(finishing.length).toBeGreaterThan(3);
    expect(finishing.map((s) => s.answer.resync?.phase)).toContain('merging');
    expect(finishing.at(-1)?.answer.resync?.phase).toBe('done');
    expect(t.sent.every((s) => typeof s.answer.resync?.longest_batch_ms === 'number')).toBe(true);

    const after = await sumOfProvinces();
    const flip = expectBeforeThenAfter(t.seen, before, after);
    expect(t.sent[flip].answer.resync?.phase).toBe('merging'); // the request that flipped
    expect(await nationalViews()).toBe(after);
    expect(await cubeByCode(dbs.DB_NATIONAL, P_UNITS)).toEqual(await cubeByCode(dbs.DB, P_UNITS));
    await expectNothingLeft();
    expect(await outboxOf(dbs.DB)).toMatchObject({ full_needed: 0, resync_id: null });
    const status = (await (await call(nationalEnv(), '/federation/status')).json()) as {
      provinces: { province: string; last_rows: number; resync: { longest_batch_ms: number } }[];
    };
    expect(status.provinces.find((p) => p.province === 'P')).toMatchObject({
      last_rows: cubeRows,
      resync: { phase: 'done', rows: cubeRows, requests: t.sent.length },
    });
  });

  it('a resync after a gap switches at once; an import merged meanwhile is neither lost nor doubled', async () => {
    expect((await pushToNational(dbs.DB_PROVINCE_B, tokenQ, recordingTransport())).error).toBeUndefined();
    await pushThenLoseOutbox();
    const before = await nationalViews();
    expect(before).toBe(await sumOfProvinces());
    await importAwards(provinceP(), CSV);
    // a second import lands at the province after the first slice went: its keys are either still
    // to come (their slice carries them) or already sent (the next slice carries the change)
    const inner = watching(stepping());
    let imported = false;
    const t: Transport = async (body, signature) => {
      const res = await inner(body, signature);
      if (!imported && (JSON.parse(body) as Body).resync?.slice === 0) {
        imported = true;
        await importAwards(
          provinceP(),
          'year,award_code,unit_code,recipient_kind,quantity\n' +
            '2023,LDTT,C1,individual,4\n2025,BK_TINH,D1,individual,3\n',
          'them.csv',
        );
      }
      return res;
    };
    const r = await pushToNational(dbs.DB, tokenP, t, { sliceRows: SLICE });
    expect(r.error).toBeUndefined();
    expect(inner.sent[0].answer).toMatchObject({ reason: 'gap' });
    // the slices after the import carried the changes of keys already sent
    const later = slices(inner.sent).slice(1);
    expect(later.some((b) => b.rows.some((row) => row.n === 4 || row.n === 3))).toBe(true);
    const after = await sumOfProvinces();
    expectBeforeThenAfter(inner.seen.slice(1), before, after);
    expect(await nationalViews()).toBe(after);
    expect((await summaryOf(nationalEnv(), 'from=2025&to=2025&unit=P')).total).toBe(9 + 3);
    expect(await cubeByCode(dbs.DB_NATIONAL, P_UNITS)).toEqual(await cubeByCode(dbs.DB, P_UNITS));
    expect(await dbs.DB.prepare('SELECT COUNT(*) AS n FROM federation_pending').first('n')).toBe(0);
    await expectNothingLeft();
  });

  it('the national unreachable after two slices: the province resumes at the third', async () => {
    let delivered = 0;
    const first = recordingTransport();
    const down: Transport = async (body, signature) => {
      if (delivered === 2) throw new Error('connection refused');
      delivered++;
      return first(body, signature);
    };
    const failed = await pushToNational(dbs.DB, tokenP, down, { sliceRows: SLICE });
    expect(failed.error).toMatch(/connection refused/);
    expect(await outboxOf(dbs.DB)).toMatchObject({ full_needed: 1, resync_slice: 2, resync_sent: 0 });
    const id = (JSON.parse(first.sent[0].body) as Body).resync?.id;
    const held = await dbs.DB_NATIONAL.prepare('SELECT id, phase, next_slice FROM federation_resyncs').first();
    expect(held).toEqual({ id, phase: 'receiving', next_slice: 2 });
    // readers see nothing of the province meanwhile
    expect((await summaryOf(nationalEnv(), 'from=2020&to=2030')).total).toBe(0);

    const t = recordingTransport();
    expect((await pushToNational(dbs.DB, tokenP, t, { sliceRows: SLICE })).error).toBeUndefined();
    expect(JSON.parse(t.sent[0].body)).toMatchObject({ resync: { id, slice: 2 } });
    expect((await summaryOf(nationalEnv(), 'from=2020&to=2030')).total).toBe(40);
    expect(await cubeByCode(dbs.DB_NATIONAL, P_UNITS)).toEqual(await cubeByCode(dbs.DB, P_UNITS));
    await expectNothingLeft();
  }, 20_000);

  it('an answer lost after the national took a slice: the province starts again, nothing counts twice', async () => {
    let requests = 0;
    const t = recordingTransport();
    const lossy: Transport = async (body, signature) => {
      const res = await t(body, signature);
      if (++requests === 2) throw new Error('connection reset'); // slice 1 applied, its answer lost
      return res;
    };
    const r = await pushToNational(dbs.DB, tokenP, lossy, { sliceRows: SLICE });
    expect(r.error).toBeUndefined();
    // the same slice again is a replay; the province then starts a new resync from slice 0
    expect(t.answers[2]).toMatchObject({ status: 409, body: { reason: 'replay' } });
    const ids = t.sent.map((s) => (JSON.parse(s.body) as Body).resync?.id);
    expect(new Set(ids).size).toBe(2);
    expect(JSON.parse(t.sent[3].body)).toMatchObject({ resync: { slice: 0 } });
    expect((await summaryOf(nationalEnv(), 'from=2020&to=2030')).total).toBe(40);
    expect(await cubeByCode(dbs.DB_NATIONAL, P_UNITS)).toEqual(await cubeByCode(dbs.DB, P_UNITS));
    // the first resync's delta, cancelled, was dropped on the way
    await expectNothingLeft();
  }, 20_000);

  it('a crash during the merge: readers already see the new figures, the next request finishes it', async () => {
    expect((await pushToNational(dbs.DB_PROVINCE_B, tokenQ, recordingTransport())).error).toBeUndefined();
    const inner = watching(stepping());
    let merging = false;
    const crashing: Transport = async (body, signature) => {
      if (merging) throw new Error('the province was stopped');
      const res = await inner(body, signature);
      merging = inner.sent.at(-1)?.answer.resync?.phase === 'merging';
      return res;
    };
    expect((await pushToNational(dbs.DB, tokenP, crashing, { sliceRows: SLICE })).error).toMatch(/stopped/);
    const phase = "SELECT phase FROM federation_resyncs WHERE province = 'P'";
    expect(await dbs.DB_NATIONAL.prepare(phase).first('phase')).toBe('merging');
    expect(await dbs.DB_NATIONAL.prepare('SELECT COUNT(*) AS n FROM award_cube_delta').first('n')).toBeGreaterThan(20);
    const after = await sumOfProvinces();
    expect(await nationalViews()).toBe(after);
    const rec = (await (await call(nationalEnv(), '/federation/reconciliation')).json()) as {
      provinces: { province: string; years: { difference: number }[]; resync: { phase: string } | null }[];
    };
    const p = rec.provinces.find((x) => x.province === 'P')!;
    expect(p.resync).toMatchObject({ phase: 'merging' });
    expect(p.years.map((y) => y.difference)).toEqual([0, 0]);

    const t = watching(stepping());
    expect((await pushToNational(dbs.DB, tokenP, t, { sliceRows: SLICE })).error).toBeUndefined();
    expect(t.seen.every((s) => s === after)).toBe(true);
    expect(t.sent.at(-1)?.answer.resync?.phase).toBe('done');
    await expectNothingLeft();
  }, 30_000);

  it('two provinces at once, and two requests finishing one resync at once: each step applied once', async () => {
    const [p, q] = await Promise.all([
      pushToNational(dbs.DB, tokenP, recordingTransport(), { sliceRows: SLICE }),
      pushToNational(dbs.DB_PROVINCE_B, tokenQ, recordingTransport(), { sliceRows: 3 }),
    ]);
    expect([p.error, q.error]).toEqual([undefined, undefined]);
    expect(await nationalViews()).toBe(await sumOfProvinces());
    await expectNothingLeft();

    // P again from a gap; its finishing requests refused on the way, two sent by hand at once
    await pushThenLoseOutbox();
    await importAwards(provinceP(), CSV);
    const finishes: string[] = [];
    const t = recordingTransport();
    const noFinish: Transport = async (body, signature) => {
      if (isFinish(JSON.parse(body) as Body)) {
        finishes.push(body);
        return new Response('{"error":"not now"}', { status: 418 });
      }
      return t(body, signature);
    };
    expect((await pushToNational(dbs.DB, tokenP, noFinish, { sliceRows: SLICE })).error).toBeDefined();
    const body = JSON.parse(finishes[0]);
    const two = await Promise.all(
      [1, 2].map(async (ms) => {
        const b = JSON.stringify({ ...body, signed_at: new Date(Date.now() + ms).toISOString() });
        const res = await call(stepping(), '/federation/push', {
          method: 'POST',
          body: b,
          headers: { 'content-type': 'application/json', 'X-Federation-Signature': await resign(tokenP, b) },
        });
        return res.status;
      }),
    );
    expect(two).toContain(200);
    expect(two.every((s) => s === 200 || s === 409)).toBe(true);
    expect((await pushToNational(dbs.DB, tokenP, recordingTransport(), { sliceRows: SLICE })).error).toBeUndefined();
    expect(await nationalViews()).toBe(await sumOfProvinces());
    expect(await cubeByCode(dbs.DB_NATIONAL, P_UNITS)).toEqual(await cubeByCode(dbs.DB, P_UNITS));
    await expectNothingLeft();
  }, 30_000);

  it('replayed, tampered, out-of-order and malformed slices are refused, nothing written', async () => {
    const t = recordingTransport();
    const held: { body: string; signature: string }[] = [];
    const oneSlice: Transport = async (body, signature) => {
      if (t.sent.length) {
        held.push({ body, signature });
        return new Response('{"error":"held"}', { status: 418 });
      }
      return t(body, signature);
    };
    await pushToNational(dbs.DB, tokenP, oneSlice, { sliceRows: SLICE });
    expect(t.answers[0].status).toBe(200);
    const before = await nationalState();
    const expectRefused = async (body: string, signature: string, status: number, match: object) => {
      const res = await nationalPush(body, signature);
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject(match);
      expect(await nationalState()).toBe(before);
    };
    // slice 0 again, as it was sent
    await expectRefused(t.sent[0].body, t.sent[0].signature, 409, { reason: 'replay' });
    // slice 1 with a count changed under its signature
    const slice1 = held[0];
    const tampered = slice1.body.replace(/"n":(\d+)/, (_, n) => `"n":${Number(n) + 1}`);
    expect(tampered).not.toBe(slice1.body);
    await expectRefused(tampered, slice1.signature, 401, { error: expect.stringMatching(/signature does not match/) });
    const resigned = async (change: (b: Record<string, unknown>) => void) => {
      const b = JSON.parse(slice1.body);
      change(b);
      const s = JSON.stringify(b);
      return [s, await resign(tokenP, s)] as const;
    };
    // properly signed, but slice 2 where the national expects 1
    await expectRefused(
      ...(await resigned((b) => {
        (b.resync as { slice: number }).slice = 2;
      })),
      409,
      { reason: 'resync', expected_slice: 1, error_vi: expect.stringContaining('lát') },
    );
    // a whole cube without its resync, and a finish with rows
    await expectRefused(
      ...(await resigned((b) => {
        delete b.resync;
      })),
      422,
      { parameter: 'resync' },
    );
    await expectRefused(
      ...(await resigned((b) => {
        (b.resync as { finish: boolean }).finish = true;
      })),
      422,
      { parameter: 'rows' },
    );
    // a row for a unit the slice's geography does not have
    await expectRefused(
      ...(await resigned((b) => {
        (b.rows as { unit: string }[])[0].unit = 'Q';
      })),
      422,
      { parameter: 'rows.0.unit' },
    );
    // the genuine slice 1 still goes in
    expect((await nationalPush(slice1.body, slice1.signature)).status).toBe(200);
  });

  it("the national's DELETE /imports leaves a province's batches alone (its resync's delta, its results)", async () => {
    let sent = 0;
    const t = recordingTransport();
    const twoSlices: Transport = async (body, signature) => {
      if (++sent > 2) throw new Error('connection refused');
      return t(body, signature);
    };
    await pushToNational(dbs.DB_PROVINCE_B, tokenQ, recordingTransport());
    expect((await pushToNational(dbs.DB, tokenP, twoSlices, { sliceRows: SLICE })).error).toMatch(/refused/);
    const before = await nationalState();
    const batches = (
      await dbs.DB_NATIONAL.prepare("SELECT id FROM import_batches WHERE created_by LIKE 'federation:%'").all<{
        id: number;
      }>()
    ).results;
    expect(batches.length).toBeGreaterThanOrEqual(2); // P's resync, Q's results
    for (const { id } of batches) {
      const res = await call(nationalEnv(), `/imports/${id}`, { method: 'DELETE' });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({
        error: expect.stringMatching(/follows that province's pushes/),
        error_vi: expect.stringContaining('tỉnh'),
      });
    }
    expect(await nationalState()).toBe(before);
    expect((await pushToNational(dbs.DB, tokenP, recordingTransport(), { sliceRows: SLICE })).error).toBeUndefined();
    expect(await nationalViews()).toBe(await sumOfProvinces());
  }, 20_000);
});
