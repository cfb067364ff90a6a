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
  PROVINCE_P,
  PROVINCE_Q,
  recordingTransport,
  rootAgainstTops,
  summaryOf,
} from './federation-fixture';

// A unit the province no longer has (its units batch rolled back there) leaves the national with
// the push that no longer carries it, rows and all; and the national's virtual root follows when
// the province's set of top-level units changes.

const provinceP = () => ({ ...env, DB: dbs.DB });
const provinceQ = () => ({ ...env, DB: dbs.DB_PROVINCE_B });

let tokenP: string;

beforeEach(async () => {
  await freshDatabase(dbs.DB, PROVINCE_P);
  await freshDatabase(dbs.DB_PROVINCE_B, PROVINCE_Q);
  await freshDatabase(dbs.DB_NATIONAL);
  tokenP = await createToken('P');
  const tokenQ = await createToken('Q');
  expect((await pushToNational(dbs.DB, tokenP, recordingTransport())).error).toBeUndefined();
  expect((await pushToNational(dbs.DB_PROVINCE_B, tokenQ, recordingTransport())).error).toBeUndefined();
});

async function importFile(dataset: string, csv: string): Promise<number> {
  const res = await call(provinceP(), `/imports/${dataset}?filename=${dataset}.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  if (res.status !== 201) throw new Error(`${dataset}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { batch: { id: number } }).batch.id;
}

async function rollBack(id: number) {
  const res = await call(provinceP(), `/imports/${id}`, { method: 'DELETE' });
  expect(res.status, await res.clone().text()).toBe(200);
}

const push = async () => {
  const t = recordingTransport();
  const r = await pushToNational(dbs.DB, tokenP, t);
  expect(r.error, JSON.stringify(t.answers)).toBeUndefined();
  return t;
};

const nationalCodes = async () =>
  (
    await dbs.DB_NATIONAL.prepare(
      "SELECT u.code FROM units u JOIN federation_units f ON f.unit_id = u.id WHERE f.province = 'P' ORDER BY u.code",
    ).all<{ code: string }>()
  ).results.map((r) => r.code);

/** The national equals the two provinces for every unit of P's, the root is the sum of the tops. */
async function expectFollows(units: string[]) {
  expect(await nationalCodes()).toEqual([...units].sort());
  expect(await cubeByCode(dbs.DB_NATIONAL, units)).toEqual(await cubeByCode(dbs.DB, units));
  const view = 'group_by=unit&from=2020&to=2030';
  const [p, q, n] = [
    await summaryOf(provinceP(), view),
    await summaryOf(provinceQ(), view),
    await summaryOf(nationalEnv(), view),
  ];
  expect(n.total).toBe(p.total + q.total);
  const [kept, summed] = await rootAgainstTops(dbs.DB_NATIONAL);
  expect(kept).toEqual(summed);
  expect((await summaryOf(nationalEnv(), 'from=2020&to=2030')).total).toBe(p.total + q.total);
}

const P_UNITS = ['P', 'D1', 'C1', 'C2', 'A'];

describe('federation: units removed in a province', () => {
  it('a commune removed leaves the national with the next delta, its rows with it', async () => {
    const units = await importFile('units', 'code,name,kind,parent_code\nC3,Xã C3,commune,D1\n');
    const awards = await importAwards(
      provinceP(),
      'year,award_code,unit_code,recipient_kind,quantity\n2024,LDTT,C3,individual,5\n',
    );
    await push();
    await expectFollows([...P_UNITS, 'C3']);
    expect((await summaryOf(nationalEnv(), 'from=2024&to=2024&unit=C3')).total).toBe(5);

    // both rolled back before the next push: its rows take C3's counts off, its units no longer name C3
    await rollBack(awards.id);
    await rollBack(units);
    // the province keeps C3's code while changes of it wait, and forgets it once they are acknowledged
    const removed = 'SELECT kind, code FROM federation_removed';
    expect((await dbs.DB.prepare(removed).all()).results).toEqual([{ kind: 'unit', code: 'C3' }]);
    const t = await push();
    expect((await dbs.DB.prepare(removed).all()).results).toEqual([]);
    const body = JSON.parse(t.sent[0].body) as { full: boolean; units: { code: string }[]; rows: { unit: string }[] };
    expect(body.full).toBe(false);
    expect(body.units.map((u) => u.code)).not.toContain('C3');
    expect(body.rows.some((r) => r.unit === 'C3')).toBe(true);
    await expectFollows(P_UNITS);
    expect(await dbs.DB_NATIONAL.prepare("SELECT COUNT(*) AS n FROM units WHERE code = 'C3'").first('n')).toBe(0);
    expect(
      await dbs.DB_NATIONAL.prepare(
        'SELECT COUNT(*) AS n FROM award_cube WHERE unit_id NOT IN (SELECT id FROM units) AND unit_id <> 0',
      ).first('n'),
    ).toBe(0);
    expect(
      await dbs.DB_NATIONAL.prepare(
        'SELECT COUNT(*) AS n FROM unit_closure WHERE unit_id NOT IN (SELECT id FROM units)',
      ).first('n'),
    ).toBe(0);
  });

  it('a unit removed while the national had a gap leaves with the resync', async () => {
    const units = await importFile('units', 'code,name,kind,parent_code\nC3,Xã C3,commune,D1\n');
    const awards = await importAwards(
      provinceP(),
      'year,award_code,unit_code,recipient_kind,quantity\n2024,LDTT,C3,individual,5\n',
    );
    await push();
    await rollBack(awards.id);
    await rollBack(units);
    // the province's outbox lost: it resends its whole cube, which no longer has C3
    await dbs.DB.batch([
      dbs.DB.prepare('DELETE FROM federation_pending'),
      dbs.DB.prepare('UPDATE federation_outbox SET acked_version = 0'),
    ]);
    const t = await push();
    expect(t.answers[0]).toMatchObject({ status: 409, body: { reason: 'gap' } });
    expect(JSON.parse(t.sent[1].body)).toMatchObject({ full: true, resync: { slice: 0 } });
    await expectFollows(P_UNITS);
  });

  it('a top-level unit added and removed: the root follows the province’s own tops', async () => {
    const units = await importFile('units', 'code,name,kind,parent_code\nZ,Huyện Z (cũ),district,\n');
    const lineage = await importFile('unit_lineage', 'from_code,to_code,effective_date\nZ,P,2024-07-01\n');
    const awards = await importAwards(
      provinceP(),
      'year,award_code,unit_code,recipient_kind,quantity\n2023,LDTT,Z,individual,6\n',
    );
    await push();
    await expectFollows([...P_UNITS, 'Z']);
    // Z is top-level beside P: the whole country counts it, P's subtree does not
    expect((await summaryOf(nationalEnv(), 'from=2023&to=2023&unit=Z')).total).toBe(6);
    await rollBack(awards.id);
    await rollBack(lineage);
    await rollBack(units);
    await push();
    await expectFollows(P_UNITS);
  });
});
