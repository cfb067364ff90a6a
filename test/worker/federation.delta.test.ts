import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { pushToNational } from '../../worker/federation/send';
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
  rootAgainstTops,
  summaryOf,
} from './federation-fixture';

// Per-batch deltas: after the first (whole-cube) push, a push carries what the batches merged
// since the last acknowledged one changed, and the national's virtual root follows incrementally.

const provinceP = () => ({ ...env, DB: dbs.DB });
const provinceQ = () => ({ ...env, DB: dbs.DB_PROVINCE_B });
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
  expect((await pushToNational(dbs.DB, tokenP, recordingTransport())).error).toBeUndefined();
  expect((await pushToNational(dbs.DB_PROVINCE_B, tokenQ, recordingTransport())).error).toBeUndefined();
});

/** Every view at the national is the sum of the provinces', and P's cube is copied row for row. */
async function expectNationalIsTheSum() {
  for (const view of VIEWS) {
    const [p, q, n] = [
      await summaryOf(provinceP(), view),
      await summaryOf(provinceQ(), view),
      await summaryOf(nationalEnv(), view),
    ];
    expect(n.total, view).toBe(p.total + q.total);
    const sum = new Map<string, number>();
    for (const r of [...p.rows, ...q.rows]) {
      const { count, ...key } = r;
      const k = JSON.stringify(key);
      sum.set(k, (sum.get(k) ?? 0) + Number(count));
    }
    const national = new Map(n.rows.map(({ count, ...key }) => [JSON.stringify(key), Number(count)]));
    expect(national, view).toEqual(sum);
  }
  expect(await cubeByCode(dbs.DB_NATIONAL, P_UNITS)).toEqual(await cubeByCode(dbs.DB, P_UNITS));
  const [kept, summed] = await rootAgainstTops(dbs.DB_NATIONAL);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(summed);
}

describe('federation: per-batch deltas', () => {
  it('the first push is the whole cube; an import then sends only the keys it changed, and the sum holds', async () => {
    const cubeRows = (await cubeByCode(dbs.DB, P_UNITS)).length;
    await expectNationalIsTheSum();

    const batch = await importAwards(provinceP(), CSV);
    const pending = await dbs.DB.prepare('SELECT COUNT(*) AS n FROM federation_pending').first<number>('n');
    const t = recordingTransport();
    const r = await pushToNational(dbs.DB, tokenP, t);
    expect(r).toMatchObject({ pushes: 1, acked_version: r.version });
    const push = JSON.parse(t.sent[0].body) as { full: boolean; rows: { unit: string; n: number }[] };
    expect(push.full).toBe(false);
    expect(push.rows.length).toBe(pending);
    expect(push.rows.length).toBeLessThan(cubeRows);
    // every row is an addition of this batch, none is under the virtual root
    expect(push.rows.every((row) => row.n > 0 && P_UNITS.includes(row.unit))).toBe(true);
    expect(await dbs.DB.prepare('SELECT COUNT(*) AS n FROM federation_pending').first('n')).toBe(0);
    const status = (await (await call(nationalEnv(), '/federation/status')).json()) as {
      provinces: { province: string; last_rows: number }[];
    };
    expect(status.provinces.find((p) => p.province === 'P')?.last_rows).toBe(push.rows.length);
    await expectNationalIsTheSum();
    expect((await summaryOf(nationalEnv(), 'from=2025&to=2025')).total).toBe(9);

    // the same delta again is refused, and nothing is written
    const before = await nationalState();
    const replay = await nationalPush(t.sent[0].body, t.sent[0].signature);
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ reason: 'replay' });
    expect(await nationalState()).toBe(before);
    // tampered: one count changed under the same signature
    const tampered = t.sent[0].body.replace('"n":7', '"n":70');
    expect(tampered).not.toBe(t.sent[0].body);
    expect((await nationalPush(tampered, t.sent[0].signature)).status).toBe(401);
    expect(await nationalState()).toBe(before);

    // the rollback of that batch reaches the national as a delta of negative rows
    expect((await call(provinceP(), `/imports/${batch.id}`, { method: 'DELETE' })).status).toBe(200);
    const t2 = recordingTransport();
    expect((await pushToNational(dbs.DB, tokenP, t2)).error).toBeUndefined();
    const back = JSON.parse(t2.sent[0].body) as { full: boolean; rows: { n: number }[] };
    expect(back.full).toBe(false);
    expect(back.rows.length).toBe(push.rows.length);
    expect(back.rows.every((row) => row.n < 0)).toBe(true);
    await expectNationalIsTheSum();
    expect((await summaryOf(nationalEnv(), 'from=2025&to=2025')).total).toBe(0);
    expect(await dbs.DB_NATIONAL.prepare('SELECT COUNT(*) AS n FROM award_cube WHERE n <= 0').first('n')).toBe(0);
  });

  it('changes merged while a push is out stay pending for the next one', async () => {
    await importAwards(provinceP(), CSV);
    // the national is unreachable: nothing acknowledged, the change stays pending
    const down = await pushToNational(dbs.DB, tokenP, async () => {
      throw new Error('connection refused');
    });
    expect(down.error).toMatch(/connection refused/);
    await importAwards(provinceP(), 'year,award_code,unit_code,recipient_kind,quantity\n2025,LDTT,D1,individual,4\n');
    const t = recordingTransport();
    expect((await pushToNational(dbs.DB, tokenP, t)).error).toBeUndefined();
    expect(t.sent).toHaveLength(1); // both batches in one delta
    await expectNationalIsTheSum();
    expect((await summaryOf(nationalEnv(), 'from=2025&to=2025')).total).toBe(13);
  }, 20_000);

  it('clusters travel: members, results and cluster totals over both provinces', async () => {
    const results = async (bindings: object, cluster: string) =>
      ((await (await call(bindings, `/movements/results?cluster=${cluster}`)).json()) as { rows: unknown[] }).rows;
    expect(await results(nationalEnv(), 'KP')).toEqual(await results(provinceP(), 'KP'));
    const k = (await results(nationalEnv(), 'K')) as { unit: string; rank: number }[];
    expect(k.map((r) => [r.unit, r.rank])).toEqual([
      ['P', 1],
      ['Q', 2],
    ]);
    const byCluster = await summaryOf(nationalEnv(), 'from=2020&to=2030&cluster=K&group_by=unit');
    expect(Object.fromEntries(byCluster.rows.map((r) => [r.unit, r.count]))).toEqual({ P: 40, Q: 2 });
  });

  it('a stand-alone instance (no push ever tried) keeps no pending changes', async () => {
    await freshDatabase(dbs.DB, PROVINCE_P);
    await importAwards(provinceP(), CSV);
    expect(await dbs.DB.prepare('SELECT COUNT(*) AS n FROM federation_pending').first('n')).toBe(0);
  });
});

describe('federation: a province that stops', () => {
  it('is marked stale after FEDERATION_STALE_SECONDS, and its last figures still count', async () => {
    const stale = { ...nationalEnv(), FEDERATION_STALE_SECONDS: '1' };
    const status = async () =>
      (
        (await (await call(stale, '/federation/status')).json()) as {
          provinces: { province: string; stale: boolean; pushed_at: string }[];
        }
      ).provinces.map((p) => [p.province, p.stale]);
    expect(await status()).toEqual([
      ['P', false],
      ['Q', false],
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    // Q is alive (a heartbeat), P has stopped
    const hb = recordingTransport();
    expect((await pushToNational(dbs.DB_PROVINCE_B, tokenQ, hb, { heartbeat: true })).error).toBeUndefined();
    expect(JSON.parse(hb.sent[0].body)).toMatchObject({ rows: [], full: false });
    expect(hb.answers[0]).toMatchObject({ status: 200, body: { heartbeat: true } });
    expect(await status()).toEqual([
      ['P', true],
      ['Q', false],
    ]);
    const rec = (await (await call(stale, '/federation/reconciliation')).json()) as {
      provinces: { province: string; stale: boolean; years: { national: number; difference: number }[] }[];
    };
    expect(rec.provinces[0]).toMatchObject({ province: 'P', stale: true });
    expect(rec.provinces[0].years.map((y) => [y.national, y.difference])).toEqual([
      [24, 0],
      [16, 0],
    ]);
    expect((await summaryOf(stale, 'group_by=unit&from=2020&to=2030')).rows).toEqual([
      expect.objectContaining({ unit: 'P', count: 40 }),
      expect.objectContaining({ unit: 'Q', count: 2 }),
    ]);
  });
});
