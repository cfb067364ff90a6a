import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSummaryParams } from '../../worker/plan/resolveSummaryParams';
import { ALL } from '../../worker/plan/scope';
import { todayShape } from '../../worker/plan/today';
import { awardsSummary } from '../../worker/queries/awardsSummary';
import { loadGeography } from '../../worker/queries/geography';
import { advanceToday, todayState } from '../../worker/queries/today/rebuild';
import { summaryQuery } from '../../worker/validation/summaryQuery';
import { api } from './auth';
import { load, resetDatabase } from './helpers';
import { consistency, rollback, upload } from './importHelpers';
import { REORG } from './reorg-fixture';
import { answers, expectSame } from './todayHelpers';

// as_of on today's boundaries served from award_cube_today: every answer it gives must equal the
// general plan's over award_cube (up to float rounding), after the demo load, imports,
// rollbacks, a geography change and a rebuild cut short by a crash.

const TODAY = ['2025-07-01', '2026-03-15'];
const QUERIES = [
  'group_by=unit',
  'group_by=unit,year',
  'group_by=unit&unit=PN',
  'group_by=unit,year&unit=PN',
  'group_by=unit,gender&unit=PN&kind=individual',
  'group_by=year,tier&unit=PN',
  'group_by=year&unit=N1',
  'group_by=unit&unit=N2&from=2023&to=2024',
  'group_by=award,class&unit=PN',
  'group_by=year&unit=PN&months=1-6',
  'group_by=unit,ethnic&unit=PN',
];
// the dates between the fixture's two changes (2020-01-01 and 2025-07-01), served through P: the
// units of those dates, with the awards recorded on N1, N2 and PN in 2025 mapped back onto them (PN
// itself, a unit not of those dates, is shown as its area through the plan)
const PAST = ['2020-01-01', '2022-06-30', '2025-06-30'];
const PAST_QUERIES = [
  'group_by=unit',
  'group_by=unit,year',
  'group_by=unit&unit=PA',
  'group_by=unit,year&unit=DA',
  'group_by=unit,gender&unit=PA&kind=individual',
  'group_by=year,tier&unit=PA',
  'group_by=year&unit=X2',
  'group_by=year,gender&unit=DA&kind=individual',
  'group_by=unit&unit=PB&from=2023&to=2024',
  'group_by=award,class&unit=DA',
  'group_by=year&unit=PA&months=1-6',
  'group_by=unit,ethnic&unit=PA',
];
// and before 2020-01-01 (X3 became Y) for the units that change did not touch
const EARLIER = ['2019-12-31', '2010-01-01'];
const EARLIER_QUERIES = [
  'group_by=year&unit=DA',
  'group_by=year,tier&unit=PA',
  'group_by=unit,year&unit=PB',
  'group_by=year&unit=X1',
];
const SERVED: [string[], string[]][] = [
  [TODAY, QUERIES],
  [PAST, PAST_QUERIES],
  [EARLIER, EARLIER_QUERIES],
];

/** Every query on every served date: the same answer, and served by award_cube_today iff `used`. */
async function expectAllSame(used: 'used' | 'stale' | undefined) {
  for (const [dates, queries] of SERVED)
    for (const date of dates)
      for (const q of queries) {
        const query = `${q}&as_of=${date}`;
        const a = await answers(query);
        expectSame(a, query);
        expect(a.used, query).toBe(used);
      }
}

/** Waits for a rebuild another request began (waitUntil after an import), then finishes it. */
const finish = async () => {
  for (let i = 0; i < 400; i++) {
    const s = await state();
    if (s.phase === 'ready' && s.lease_owner === null) return;
    if ((await advanceToday(env.DB, { rowsRead: 0 }, 10_000)) !== 'ready') await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('award_cube_today not ready');
};
const state = async () => (await todayState(env.DB, { rowsRead: 0 }))!;
const awardsCsv = (rows: string[]) => `year,award_code,unit_code,recipient_kind,quantity,gender\n${rows.join('\n')}\n`;

beforeAll(async () => {
  await resetDatabase();
  await load(REORG);
});

describe('award_cube_today after the demo loader', () => {
  it('is ready, built from the geography read, serving today, the era before and untouched units earlier', async () => {
    const s = await state();
    const geo = await loadGeography(env.DB, { rowsRead: 0 });
    expect(s).toMatchObject({ phase: 'ready', served_from: '2025-07-01', geo_hash: todayShape(geo).hash });
    await expectAllSame('used');
  });

  it('leaves dates before a change that touches the unit, clusters and units not of the date to the plan', async () => {
    for (const query of [
      'group_by=unit&unit=DA&as_of=2019-12-31',
      'group_by=year&unit=X3&as_of=2019-06-30',
      'group_by=unit&unit=PN&as_of=2025-06-30',
      'group_by=year&unit=N1&as_of=2022-01-01',
      'group_by=unit&cluster=K&as_of=2025-07-01',
      'group_by=unit&cluster=K&as_of=2024-01-01',
      'group_by=unit&unit=DA&as_of=2025-07-01',
      'group_by=year&as_of=2025-07-01',
    ]) {
      const a = await answers(query);
      expectSame(a, query);
      expect(a.used, query).toBeUndefined();
    }
  });

  it('answers the hand-computed figures of the reorganisation through the API, for fewer rows', async () => {
    const res = await api('http://local/api/v1/awards/summary?group_by=unit&unit=PN&as_of=2025-07-01');
    const body = (await res.json()) as { rows: { unit: string; count: number }[] };
    const map = Object.fromEntries(body.rows.map((r) => [r.unit, r.count]));
    // as in reorg.test.ts: N1 = 10 + 0.6 x 25 + 0.5 x 5 + 30, N2 = 0.4 x 25 + 0.5 x 5 + 6 + 4 + 8, PN's own 12
    expect(map).toEqual({ N1: 57.5, N2: 30.5, PN: 12 });
    // the keys of PN, N1 and N2 (and the state's check), not the old communes the plan goes down to
    const geo = await loadGeography(env.DB, { rowsRead: 0 });
    const q = summaryQuery.parse({ group_by: 'unit,year', unit: 'PN', as_of: '2025-07-01' });
    const params = resolveSummaryParams(geo, q, ALL);
    const [today, plan] = [{ rowsRead: 0 }, { rowsRead: 0 }];
    await awardsSummary(env.DB, today, geo, params);
    await awardsSummary(env.DB, plan, geo, { ...params, today: false });
    expect(today.rowsRead).toBeLessThan(plan.rowsRead);
  });

  it('is checked by the consistency check, which finds a wrong key', async () => {
    expect(await consistency()).toMatchObject({ ok: true, today: { phase: 'ready', kernel_mismatches: 0 } });
    await env.DB.prepare(
      'UPDATE award_cube_today SET n = n + 1 WHERE rowid = (SELECT MIN(rowid) FROM award_cube_today WHERE cuboid = 5)',
    ).run();
    const bad = (await (await api('http://local/api/v1/imports/consistency')).json()) as {
      ok: boolean;
      today: { cuboids: { id: number; mismatched_keys: number }[] };
    };
    expect(bad.ok).toBe(false);
    expect(bad.today.cuboids.find((c) => c.id === 5)?.mismatched_keys).toBe(1);
    await env.DB.prepare(
      'UPDATE award_cube_today SET n = n - 1 WHERE rowid = (SELECT MIN(rowid) FROM award_cube_today WHERE cuboid = 5)',
    ).run();
    expect(await consistency()).toMatchObject({ ok: true });
    // and a wrong key of P (a negated id)
    const key = (await env.DB.prepare(
      'SELECT rowid AS id, cuboid FROM award_cube_today WHERE unit_id < 0 ORDER BY rowid LIMIT 1',
    ).first<{ id: number; cuboid: number }>())!;
    await env.DB.prepare('UPDATE award_cube_today SET n = n + 0.5 WHERE rowid = ?').bind(key.id).run();
    const badP = (await (await api('http://local/api/v1/imports/consistency')).json()) as typeof bad;
    expect(badP.ok).toBe(false);
    expect(badP.today.cuboids.find((c) => c.id === key.cuboid)?.mismatched_keys).toBe(1);
    await env.DB.prepare('UPDATE award_cube_today SET n = n - 0.5 WHERE rowid = ?').bind(key.id).run();
    expect(await consistency()).toMatchObject({ ok: true });
  });
});

describe('award_cube_today kept on write', () => {
  let batch = 0;
  it('follows an awards import merged into the cube, in the same transaction', async () => {
    const res = await upload(
      'awards',
      awardsCsv(['2024,LDTT,X2,individual,7,F', '2024,TTLDTT,DA,collective,2,', '2025,LDTT,N2,individual,3,M']),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    batch = res.body.batch!.id!;
    expect((await state()).phase).toBe('ready');
    await expectAllSame('used');
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('is not read while a batch delta is visible but not merged, which the plan counts', async () => {
    // a commit's delta made visible by its flip, not yet merged (what a crash between the two leaves)
    const id = (await env.DB.prepare(
      `INSERT INTO import_batches (dataset, format, content_hash, rows, created_by, created_at, status,
        delta_visible) VALUES ('awards', 'csv', 'visible-delta', 1, 't', '2026-01-01', 'committed', 1) RETURNING id`,
    ).first<{ id: number }>())!.id;
    const x1 = (await env.DB.prepare("SELECT id FROM units WHERE code = 'X1'").first<{ id: number }>())!.id;
    await env.DB.prepare(
      `INSERT INTO award_cube_delta (batch_id, cuboid, unit_id, year, n)
        SELECT ?, 0, ancestor_id, 2024, 5 FROM unit_closure WHERE unit_id = ?`,
    )
      .bind(id, x1)
      .run();
    const query = 'group_by=unit&unit=PN&as_of=2025-07-01';
    const a = await answers(query);
    expect(a.used).toBe('stale');
    expectSame(a, query);
    expect(a.today.total).toBeCloseTo(a.plan.total, 6);
    await env.DB.batch([
      env.DB.prepare('DELETE FROM award_cube_delta WHERE batch_id = ?').bind(id),
      env.DB.prepare('DELETE FROM import_batches WHERE id = ?').bind(id),
    ]);
    expect((await answers(query)).used).toBe('used');
  });

  it('follows a rollback', async () => {
    expect((await rollback(batch)).status).toBe(200);
    await expectAllSame('used');
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('stays right under concurrent imports and reads', async () => {
    const files = [1, 2, 3].map((i) => awardsCsv([`2023,LDTT,X${i === 3 ? 2 : i},individual,${i},M`]));
    const reads = Array.from({ length: 4 }, () => answers('group_by=unit,year&unit=PN&as_of=2025-07-01'));
    const results = await Promise.all([
      ...files.map((f, i) => upload('awards', f, 'text/csv', `?filename=c${i}.csv`)),
      ...reads,
    ]);
    for (const r of results.slice(0, 3)) expect((r as { status: number }).status).toBe(201);
    for (const r of results.slice(3) as Awaited<ReturnType<typeof answers>>[]) expectSame(r, 'concurrent');
    await expectAllSame('used');
    expect(await consistency()).toMatchObject({ ok: true });
  });
});

describe('a geography change', () => {
  it('makes award_cube_today stale in the import that changes it; the plan answers until it is rebuilt', async () => {
    const before = await state();
    // a commune of DA that ended with the others, its awards and where it went
    const units = 'code,name,kind,parent_code,valid_to\nX4,Xã X4,commune,DA,2025-06-30\n';
    expect((await upload('units', units)).status).toBe(201);
    const s = await state();
    expect(s.epoch).toBeGreaterThan(before.epoch);
    // whatever the background rebuild has reached, the answers are the plan's
    for (const q of QUERIES) expectSame(await answers(`${q}&as_of=2025-07-01`), q);
    await finish();
    expect((await upload('awards', awardsCsv(['2024,LDTT,X4,individual,9,F']))).status).toBe(201);
    const lineage = 'from_code,to_code,effective_date,share\nX4,N2,2025-07-01,1\n';
    const epoch = (await state()).epoch;
    expect((await upload('unit_lineage', lineage)).status).toBe(201);
    expect((await state()).epoch).toBeGreaterThan(epoch);
    await finish();
    const geo = await loadGeography(env.DB, { rowsRead: 0 });
    expect(await state()).toMatchObject({ phase: 'ready', geo_hash: todayShape(geo).hash, served_from: '2025-07-01' });
    await expectAllSame('used');
    // X4's 9 awards of 2024 now land on N2, beside the fixture's 30.5 and 0.4 of X2's 5 imported above
    const a = await answers('group_by=unit&unit=PN&as_of=2025-07-01');
    expect(a.today.rows.find((r) => r.unit === 'N2')?.count).toBeCloseTo(30.5 + 0.4 * 5 + 9, 6);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('is rebuilt after a lineage import is rolled back', async () => {
    const lineage = 'from_code,to_code,effective_date,share\nX4,N1,2025-07-01,1\n';
    // X4 already goes to N2 in full: a second share is refused and nothing changes
    const unchanged = await state();
    const refused = await upload('unit_lineage', lineage);
    expect(refused.status).toBe(422);
    expect(await state()).toEqual(unchanged);
    const batches = (await (await api('http://local/api/v1/imports')).json()) as {
      batches: { id: number; dataset: string; status: string }[];
    };
    const last = batches.batches.find((b) => b.dataset === 'unit_lineage' && b.status === 'committed')!;
    const epoch = (await state()).epoch;
    expect((await rollback(last.id)).status).toBe(200);
    expect((await state()).epoch).toBeGreaterThan(epoch);
    await finish();
    const geo = await loadGeography(env.DB, { rowsRead: 0 });
    expect((await state()).geo_hash).toBe(todayShape(geo).hash);
    await expectAllSame('used');
    // X4 has no successor again: its 9 awards stay where they were recorded (DA, under PA)
    const a = await answers('group_by=unit&unit=PN&as_of=2025-07-01');
    expect(a.today.rows.find((r) => r.unit === 'N2')?.count).toBeCloseTo(30.5 + 0.4 * 5, 6);
    expect(await consistency()).toMatchObject({ ok: true });
    // and back, for the tests that follow
    expect((await upload('unit_lineage', 'from_code,to_code,effective_date,share\nX4,N2,2025-07-01,1\n')).status).toBe(
      201,
    );
    await finish();
  });

  it('moves the first date served when a unit begins later, and serves only from it', async () => {
    const units = 'code,name,kind,parent_code,valid_from\nN3,Xã N3,commune,PN,2026-01-01\n';
    expect((await upload('units', units)).status).toBe(201);
    await finish();
    expect((await state()).served_from).toBe('2026-01-01');
    // 2025-07-01 is now the change before the last: served through P, and the dates before it by the plan
    const past = await answers('group_by=unit&unit=PN&as_of=2025-07-01');
    expectSame(past, 'past');
    expect(past.used).toBe('used');
    const early = await answers('group_by=unit&unit=DA&as_of=2025-06-30');
    expectSame(early, 'early');
    expect(early.used).toBeUndefined();
    const late = await answers('group_by=unit,year&unit=PN&as_of=2026-03-15');
    expectSame(late, 'late');
    expect(late.used).toBe('used');
  });
});

describe('a rebuild cut short', () => {
  it('is taken up from its phase and cursor after a crash, readers using the plan meanwhile', async () => {
    await finish();
    // the rebuild a change of the geography starts (as after an import), stopped after each step
    await env.DB.prepare("UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1").run();
    const phases = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = await state();
      phases.add(s.phase);
      if (s.phase === 'ready') break;
      // a crash: the step's request dies holding the lease; nobody else may work until it runs out
      await advanceToday(env.DB, { rowsRead: 0 }, 10_000, { maxSteps: 1, fillUnits: 2 });
      const held = "UPDATE today_state SET lease_owner = 'dead', lease_until = ? WHERE id = 1 AND phase <> 'ready'";
      await env.DB.prepare(held)
        .bind(new Date(Date.now() + 60_000).toISOString())
        .run();
      expect(await advanceToday(env.DB, { rowsRead: 0 }, 10_000)).toMatch(/busy|ready/);
      for (const date of ['2025-07-01', '2026-03-15'])
        expectSame(await answers(`group_by=unit,year&unit=PN&as_of=${date}`), `during the rebuild ${date}`);
      await env.DB.prepare(held)
        .bind(new Date(Date.now() - 1).toISOString())
        .run();
    }
    expect([...phases]).toEqual(expect.arrayContaining(['stale', 'clearing', 'kernel', 'filling']));
    expect((await state()).phase).toBe('ready');
    // on and after the first date served (N3 begins on 2026-01-01) through T, before it through P
    for (const date of ['2025-07-01', '2026-03-15'])
      for (const q of QUERIES) {
        const a = await answers(`${q}&as_of=${date}`);
        expectSame(a, q);
        expect(a.used, `${q} ${date}`).toBe('used');
      }
    for (const q of PAST_QUERIES) {
      const a = await answers(`${q}&as_of=2022-06-30`);
      expectSame(a, q);
      expect(a.used, q).toBeUndefined();
    }
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('starts again when the geography changes under it, and counts merges made while it fills', async () => {
    await env.DB.prepare("UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1").run();
    const oneStep = { maxSteps: 1, fillUnits: 3 };
    while ((await state()).phase !== 'filling') await advanceToday(env.DB, { rowsRead: 0 }, 10_000, oneStep);
    await advanceToday(env.DB, { rowsRead: 0 }, 10_000, oneStep); // one fill step: a cursor part way
    const mid = await state();
    expect(mid.phase).toBe('filling');
    expect(mid.cursor).toBeGreaterThan(0);
    // awards merged into the cube on both sides of the cursor
    expect(
      (await upload('awards', awardsCsv(['2024,LDTT,X1,individual,4,M', '2026,LDTT,N3,individual,6,F']))).status,
    ).toBe(201);
    await finish();
    expect(await consistency()).toMatchObject({ ok: true });
    // a lineage change in the middle of another rebuild: the steps of the old epoch are refused
    await env.DB.prepare("UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1").run();
    await advanceToday(env.DB, { rowsRead: 0 }, 10_000, { maxSteps: 3, fillUnits: 2 });
    const lineage = 'from_code,to_code,effective_date,share\nN2,N3,2026-01-01,0.5\n';
    expect((await upload('unit_lineage', lineage)).status).toBe(201);
    await finish();
    const geo = await loadGeography(env.DB, { rowsRead: 0 });
    expect((await state()).geo_hash).toBe(todayShape(geo).hash);
    for (const date of ['2025-07-01', '2026-03-15'])
      for (const q of QUERIES) {
        const a = await answers(`${q}&as_of=${date}`);
        expectSame(a, `${q} ${date}`);
        expect(a.used, `${q} ${date}`).toBe('used');
      }
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('lets one of two concurrent rebuilds work, the other answering busy', async () => {
    await finish();
    await env.DB.prepare("UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1").run();
    const both = await Promise.all([1, 2].map(() => advanceToday(env.DB, { rowsRead: 0 }, 10_000)));
    expect(both.sort()).toEqual(['busy', 'ready']);
    expect(await consistency()).toMatchObject({ ok: true });
  });
});
