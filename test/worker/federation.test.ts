import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { pushToNational } from '../../worker/federation/send';
import {
  call,
  createToken,
  dbs,
  freshDatabase,
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

const provinceP = () => ({ ...env, DB: dbs.DB });
const provinceQ = () => ({ ...env, DB: dbs.DB_PROVINCE_B });
const BY = 'group_by=year,award,gender,movement&from=2020&to=2030';

let tokenP: string;
let tokenQ: string;

beforeEach(async () => {
  await freshDatabase(dbs.DB, PROVINCE_P);
  await freshDatabase(dbs.DB_PROVINCE_B, PROVINCE_Q);
  await freshDatabase(dbs.DB_NATIONAL);
  tokenP = await createToken('P');
  tokenQ = await createToken('Q');
});

const sortRows = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('federation: province pushes to the national', () => {
  it('/auth/me says which instance is the national one (the dashboard shows Đối chiếu only there)', async () => {
    const me = async (bindings: object) => (await (await call(bindings, '/auth/me')).json()) as { national: boolean };
    expect((await me(nationalEnv())).national).toBe(true);
    expect((await me(provinceP())).national).toBe(false);
  });

  it('a push applied: the national answers exactly what the two provinces do, and holds no names', async () => {
    const p = await pushToNational(dbs.DB, tokenP, recordingTransport());
    const q = await pushToNational(dbs.DB_PROVINCE_B, tokenQ, recordingTransport());
    expect(p.error).toBeUndefined();
    expect(q.error).toBeUndefined();
    expect(p.acked_version).toBe(p.version);

    const [sp, sq, sn] = [
      await summaryOf(provinceP(), BY),
      await summaryOf(provinceQ(), BY),
      await summaryOf(nationalEnv(), BY),
    ];
    expect(sn.total).toBe(sp.total + sq.total);
    expect(sn.total).toBe(40 + 2);
    // a province alone, through the national, is the province's own answer
    expect(sortRows((await summaryOf(nationalEnv(), `${BY}&unit=P`)).rows)).toEqual(sortRows(sp.rows));
    expect(sortRows((await summaryOf(nationalEnv(), `${BY}&unit=Q`)).rows)).toEqual(sortRows(sq.rows));
    // by unit at the top: one line per province
    const units = await summaryOf(nationalEnv(), 'group_by=unit&from=2020&to=2030');
    expect(Object.fromEntries(units.rows.map((r) => [r.unit, r.count]))).toEqual({ P: 40, Q: 2 });

    const meta = (await (await call(nationalEnv(), '/meta')).json()) as { units: { code: string; parent: string }[] };
    expect(meta.units.map((u) => u.code).sort()).toEqual(['A', 'C1', 'C2', 'D1', 'P', 'Q', 'Q-X1']);
    const names = await dbs.DB_NATIONAL.prepare('SELECT COUNT(*) AS n FROM awards').first<{ n: number }>();
    expect(names?.n).toBe(0);
    expect(
      await dbs.DB_PROVINCE_B.prepare('SELECT COUNT(*) AS n FROM awards WHERE recipient_name IS NOT NULL').first('n'),
    ).toBe(1);

    const status = (await (await call(nationalEnv(), '/federation/status')).json()) as {
      provinces: { province: string; version: number; stale: boolean; units: number }[];
    };
    expect(status.provinces.map((s) => [s.province, s.version, s.stale, s.units])).toEqual([
      ['P', p.version, false, 5],
      ['Q', q.version, false, 2],
    ]);
    const rec = (await (await call(nationalEnv(), '/federation/reconciliation')).json()) as {
      provinces: {
        province: string;
        years: { year: number; reported: number; national: number; difference: number }[];
      }[];
    };
    expect(rec.provinces[0].years).toEqual([
      { year: 2023, reported: 24, national: 24, difference: 0 },
      { year: 2024, reported: 16, national: 16, difference: 0 },
    ]);
  });

  it('the same push again (a replay) is refused, and nothing is written', async () => {
    const t = recordingTransport();
    await pushToNational(dbs.DB, tokenP, t);
    const before = await nationalState();
    const res = await nationalPush(t.sent[0].body, t.sent[0].signature);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ reason: 'replay', error: expect.stringMatching(/^Replayed push/) });
    expect(await nationalState()).toBe(before);
  });

  it('a push signed more than 5 minutes ago is refused', async () => {
    const t = recordingTransport();
    const old = new Date(Date.now() - 6 * 60_000);
    const r = await pushToNational(dbs.DB, tokenP, t, { clock: () => old });
    expect(r.error).toMatch(/more than 5 minutes/);
    expect(await nationalState()).toContain('"version":0');
    expect((await summaryOf(nationalEnv(), 'from=2020&to=2030')).total).toBe(0);
  });

  it('a tampered body is refused (401), nothing written', async () => {
    const t = recordingTransport();
    const fail = async () => new Response('{}', { status: 418 });
    await pushToNational(dbs.DB, tokenP, async (body, sig) => {
      t.sent.push({ body, signature: sig });
      return fail();
    });
    const before = await nationalState();
    const sent = t.sent[0];
    const tampered = sent.body.replace(/"n":10\b/, '"n":1000');
    expect(tampered).not.toBe(sent.body);
    const res = await nationalPush(tampered, sent.signature);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      error: expect.stringMatching(/signature does not match/),
      error_vi: expect.stringMatching(/Chữ ký không khớp/),
    });
    const unsigned = await nationalPush(sent.body, '');
    expect(unsigned.status).toBe(401);
    expect(await nationalState()).toBe(before);
  });

  it("another province's codes are refused (422), nothing written", async () => {
    await pushToNational(dbs.DB, tokenP, recordingTransport());
    const before = await nationalState();
    // Q's token pushing P's tree
    const t = recordingTransport();
    await pushToNational(
      dbs.DB,
      tokenP,
      async (body, sig) => {
        t.sent.push({ body, signature: sig });
        return new Response('{}', { status: 418 });
      },
      { heartbeat: true },
    );
    const asQ = JSON.parse(t.sent[0].body);
    asQ.province = 'Q';
    const body = JSON.stringify(asQ);
    const res = await nationalPush(body, await resign(tokenQ, body));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      parameter: 'units',
      error: expect.stringMatching(/outside province Q: P/),
    });
    // Q's own tree with one of P's units slipped in under it
    const withP = JSON.parse(body);
    withP.units = [
      { code: 'Q', name: 'Tỉnh Q', kind: 'province', parent: null, valid_from: null, valid_to: null },
      { code: 'C1', name: 'Xã C1', kind: 'commune', parent: 'Q', valid_from: null, valid_to: null },
    ];
    withP.rows = [];
    withP.lineage = [];
    withP.movements = [];
    const b2 = JSON.stringify(withP);
    const res2 = await nationalPush(b2, await resign(tokenQ, b2));
    expect(res2.status).toBe(422);
    expect(await res2.json()).toMatchObject({ codes: ['C1'], error: expect.stringMatching(/another province: C1/) });
    // P's token for Q's push
    const asP = JSON.parse(b2);
    asP.units = asP.units.slice(0, 1);
    const b3 = JSON.stringify(asP);
    const res3 = await nationalPush(b3, await resign(tokenP, b3));
    expect(res3.status).toBe(422);
    expect(await res3.json()).toMatchObject({ parameter: 'province' });
    expect(await nationalState()).toBe(before);
  });

  it('a field the cube does not have (a name) is refused (422), nothing written', async () => {
    const t = recordingTransport();
    await pushToNational(dbs.DB, tokenP, async (body, sig) => {
      t.sent.push({ body, signature: sig });
      return new Response('{}', { status: 418 });
    });
    const before = await nationalState();
    const push = JSON.parse(t.sent[0].body);
    push.rows[0].recipient_name = 'Nguyễn Văn A';
    const body = JSON.stringify(push);
    const res = await nationalPush(body, await resign(tokenP, body));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ parameter: 'rows.0', error: expect.stringContaining('recipient_name') });
    expect(await nationalState()).toBe(before);
  });

  it('a gap is refused with the version the national expects; the province then resends it all', async () => {
    await pushToNational(dbs.DB, tokenP, recordingTransport());
    const applied = JSON.parse(await nationalState())[4][0].version as number;
    // the province lost its outbox (restored from an old backup): it believes nothing was acknowledged
    await dbs.DB.batch([
      dbs.DB.prepare('DELETE FROM federation_pending'),
      dbs.DB.prepare('UPDATE federation_outbox SET acked_version = 0'),
      dbs.DB.prepare('UPDATE data_state SET version = version + 1'),
    ]);
    const t = recordingTransport();
    const r = await pushToNational(dbs.DB, tokenP, t);
    // the national answered the first attempt with a gap and where to resend from
    expect(t.answers[0]).toMatchObject({ status: 409, body: { reason: 'gap', expected_version: applied } });
    // then the whole cube from there: one slice (a small cube), and the request that finishes it
    expect(t.sent).toHaveLength(3);
    expect(JSON.parse(t.sent[0].body)).toMatchObject({ base_version: 0, full: false });
    expect(JSON.parse(t.sent[1].body)).toMatchObject({
      base_version: applied,
      full: true,
      resync: { slice: 0, last: true, finish: false },
    });
    expect(JSON.parse(t.sent[2].body)).toMatchObject({ full: true, rows: [], resync: { finish: true } });
    expect(t.answers[2]).toMatchObject({ status: 200, body: { resync: { phase: 'done' } } });
    expect(r).toMatchObject({ acked_version: r.version, pushes: 3 });
    expect((await summaryOf(nationalEnv(), BY)).total).toBe(40);
    // the whole-cube resync took P's old rows off the national's root before adding the new ones
    const [kept, summed] = await rootAgainstTops(dbs.DB_NATIONAL);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(summed);
    expect((await summaryOf(nationalEnv(), 'group_by=year&from=2020&to=2030')).total).toBe(40);
  });

  it('two pushes at once: applied once, and the national equals the province', async () => {
    const t = recordingTransport();
    await pushToNational(dbs.DB, tokenP, async (body, sig) => {
      t.sent.push({ body, signature: sig });
      return new Response('{}', { status: 418 });
    });
    await dbs.DB.prepare('UPDATE federation_outbox SET lease_until = NULL, last_error = NULL').run();
    const { body, signature } = t.sent[0];
    const answers = await Promise.all([nationalPush(body, signature), nationalPush(body, signature)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    // the slice went in once, invisible until the resync is finished: the province carries on
    expect((await summaryOf(nationalEnv(), BY)).total).toBe(0);
    expect((await pushToNational(dbs.DB, tokenP, recordingTransport())).error).toBeUndefined();
    expect((await summaryOf(nationalEnv(), BY)).total).toBe(40);
    // and two senders on the province at once: one sends, the other leaves it to it
    await freshDatabase(dbs.DB_NATIONAL);
    tokenP = await createToken('P');
    await dbs.DB.batch([
      dbs.DB.prepare('DELETE FROM federation_pending'),
      dbs.DB.prepare('DELETE FROM federation_outbox'),
    ]);
    const both = await Promise.all([
      pushToNational(dbs.DB, tokenP, recordingTransport()),
      pushToNational(dbs.DB, tokenP, recordingTransport()),
    ]);
    // one sends (its slice, then its finish), the other finds the lease taken and sends nothing
    expect(both.map((b) => b.pushes).sort()).toEqual([0, 2]);
    expect(sortRows((await summaryOf(nationalEnv(), BY)).rows)).toEqual(
      sortRows((await summaryOf(provinceP(), BY)).rows),
    );
  });

  it('a rollback in the province subtracts exactly that batch at the national', async () => {
    await pushToNational(dbs.DB, tokenP, recordingTransport());
    await pushToNational(dbs.DB_PROVINCE_B, tokenQ, recordingTransport());
    const batch2024 = await dbs.DB.prepare(
      "SELECT id FROM import_batches WHERE dataset = 'awards' AND id IN " +
        '(SELECT batch_id FROM awards WHERE year = 2024)',
    ).first<{ id: number }>('id');
    const del = await call(provinceP(), `/imports/${batch2024}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    const r = await pushToNational(dbs.DB, tokenP, recordingTransport());
    expect(r.error).toBeUndefined();
    const sp = await summaryOf(provinceP(), BY);
    expect(sp.total).toBe(24);
    expect(sortRows((await summaryOf(nationalEnv(), `${BY}&unit=P`)).rows)).toEqual(sortRows(sp.rows));
    expect((await summaryOf(nationalEnv(), BY)).total).toBe(24 + 2);
    expect(await dbs.DB_NATIONAL.prepare('SELECT COUNT(*) AS n FROM award_cube WHERE n <= 0').first('n')).toBe(0);
  });

  it('routes of the other role answer 404, and tokens are for admins', async () => {
    const res = await call(provinceP(), '/federation/tokens', {
      method: 'POST',
      body: JSON.stringify({ province: 'P' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error_vi: expect.stringContaining('máy chủ quốc gia') });
    const anon = await call(nationalEnv(), '/federation/status', { headers: { authorization: '' } });
    expect(anon.status).toBe(401);
    const bad = await call(nationalEnv(), '/federation/tokens', {
      method: 'POST',
      body: JSON.stringify({ province: '' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(await dbs.DB_NATIONAL.prepare('SELECT COUNT(*) AS n FROM federation_tokens').first('n')).toBe(2);
  });
});
