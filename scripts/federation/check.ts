// `npm run federation:check`: issue 18's "done when", measured. Starts the national and two
// province instances on free ports with their own temporary data, then: the first (whole-cube)
// push; an import into one province and the seconds until the national's figures equal the sum
// of the provinces'; its rollback, the same; one province stopped, the seconds until the
// national marks it stale while still answering its last figures. SHOTS=<dir> also takes the
// national's screenshots at the end (scripts/federation/shots.ts). Exits 1 if a check fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../lib/run.ts';
import { freePort } from '../lib/freePort.ts';
import { api, cron, federation, type Instance, prepare, startAll, stop } from './instances.ts';
import { screenshots } from './shots.ts';

const STALE_SECONDS = Number(process.env.FEDERATION_STALE_SECONDS ?? 20);
const ROWS = Number(process.env.ROWS ?? 6000);
const LIMIT_S = 60;
const base = mkdtempSync(path.join(tmpdir(), 'thidua-federation-'));
const instances = federation(base, [0, 0, 0]); // ports chosen just before the start
const [national, first, second] = instances;
const started = Date.now();
const since = (t: number) => ((Date.now() - t) / 1000).toFixed(1);
const log = (s: string) => console.log(`[${since(started).padStart(6)} s] ${s}`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

interface Summary {
  rows: { year?: number; tier?: string; count: number }[];
  total: number;
}
const VIEW = 'group_by=year,tier&from=2000&to=2100';
const summary = (i: Instance) => api<Summary>(i, `/awards/summary?${VIEW}`, { headers: { 'X-Cache-Bypass': '1' } });
const keyed = (s: Summary) => new Map(s.rows.map((r) => [`${r.year}/${r.tier}`, r.count]));

/** The national's view against the provinces' sum, key by key (the provinces given as their figures). */
async function equalsSum(provinces: Summary[]): Promise<boolean> {
  const n = keyed(await summary(national));
  const sum = new Map<string, number>();
  for (const p of provinces) for (const [k, v] of keyed(p)) sum.set(k, (sum.get(k) ?? 0) + v);
  return n.size === sum.size && [...sum].every(([k, v]) => n.get(k) === v);
}

/** Seconds from `t0` until the national equals the sum of the live provinces' figures. */
async function untilEqual(t0: number, limitS = 180): Promise<number | null> {
  while ((Date.now() - t0) / 1000 < limitS) {
    if (await equalsSum([await summary(first), await summary(second)])) return (Date.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

interface Status {
  provinces: {
    province: string;
    stale: boolean;
    version: number;
    seen_at: string | null;
    last_rows: number;
    resync: { rows: number; requests: number; longest_batch_ms: number } | null;
  }[];
}

/**
 * A late list for the first province: ROWS awards over the years 2022-2024 and three award types,
 * to its units valid all those years, with names (which stay in the province).
 */
async function lateList(): Promise<string> {
  const meta = await api<{
    units: { code: string; kind: string; valid_from: string | null; valid_to: string | null }[];
  }>(first, '/meta');
  const units = meta.units.filter(
    (u) =>
      (u.kind === 'commune' || u.kind === 'agency') &&
      (!u.valid_from || u.valid_from <= '2022-01-01') &&
      (!u.valid_to || u.valid_to >= '2024-12-31'),
  );
  const awards = ['LDTT', 'CSTD_CS', 'BK_TINH'];
  const lines = ['year,award_code,unit_code,recipient_kind,quantity,gender,recipient_name'];
  for (let i = 0; i < ROWS; i++) {
    const year = 2022 + (i % 3);
    const award = awards[Math.floor(i / 3) % 3];
    const gender = Math.floor(i / 9) % 2 ? 'F' : 'M';
    lines.push(`${year},${award},${units[i % units.length].code},individual,1,${gender},Người nhận ${i}`);
  }
  return `${lines.join('\n')}\n`;
}

const stopAll = () => Promise.all(instances.map(stop));
process.once('SIGINT', () => stopAll().then(() => process.exit(130)));

try {
  process.env.WRANGLER_SEND_METRICS = 'false';
  if (process.env.SKIP_BUILD !== '1')
    await run('vite', ['build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn']);
  log(`data in ${base}; stale after ${STALE_SECONDS} s; load averages ${load()}`);
  for (const i of instances) await prepare(i);
  log('three databases migrated, the two provinces loaded with their demo data');
  // free ports taken only now: the loading takes minutes, and other servers start meanwhile
  for (const i of instances) i.port = await freePort();
  await startAll(instances, String(STALE_SECONDS), true);
  log(`up: national ${national.port}, ${first.name} ${first.port}, ${second.name} ${second.port}`);

  // the first push of each is its whole cube, in slices; readers polled meanwhile see none of it
  // until the flip, then all of it (the national's total is the other province's or the sum)
  for (const p of [first, second]) {
    const t = Date.now();
    const others = (await summary(national)).total;
    const own = (await summary(p)).total;
    let polls = 0;
    let half = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const n = (await summary(national)).total;
        polls++;
        if (n !== others && n !== others + own) half++;
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const o = await api<{ acked_version: number; version: number; last_error: string | null }>(p, '/federation/send', {
      method: 'POST',
    });
    polling = false;
    await poller;
    check(o.acked_version === o.version && !o.last_error, `${p.name}: first push (whole cube) in ${since(t)} s`);
    const r = (await api<Status>(national, '/federation/status')).provinces.find((x) => x.province === p.province)!;
    log(
      `  ${r.resync?.rows} cube rows in ${r.resync?.requests} signed requests; longest D1 batch at the national ` +
        `${r.resync?.longest_batch_ms} ms; load averages ${load()}`,
    );
    check(half === 0, `readers during the push: ${polls} polls of the national, none saw part of ${p.name}`);
  }
  const before = [await summary(first), await summary(second)];
  check(await equalsSum(before), `national = sum of provinces (${(await summary(national)).total} awards)`);

  const csv = await lateList();
  let t = Date.now();
  const res = await fetch(`http://127.0.0.1:${first.port}/api/v1/imports/awards?filename=bo-sung-2022-2024.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${first.secrets.admin}`, 'content-type': 'text/csv' },
    body: csv,
  });
  const imported = (await res.json()) as { batch: { id: number; rows: number } };
  const answered = Date.now();
  check(res.status === 201, `import of ${ROWS} awards into ${first.name}: ${res.status} in ${since(t)} s`);
  const after = await summary(first);
  check(
    after.total === before[0].total + ROWS,
    `the province counts them: ${before[0].total} + ${ROWS} = ${after.total}`,
  );
  let s = await untilEqual(answered);
  const rows = async () =>
    (await api<Status>(national, '/federation/status')).provinces.find((p) => p.province === first.province)!.last_rows;
  log(`the push carried ${await rows()} cube rows`);
  check(
    (await summary(national)).total === after.total + before[1].total,
    `the national counts them: ${(await summary(national)).total}`,
  );
  check(
    s !== null && s <= LIMIT_S,
    `after the import the national equals the sum ${s?.toFixed(1)} s after the import answered ` +
      `(${since(t)} s after it was sent)`,
  );

  t = Date.now();
  const del = await fetch(`http://127.0.0.1:${first.port}/api/v1/imports/${imported.batch.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${first.secrets.admin}` },
  });
  const rolledBack = Date.now();
  check(del.status === 200, `rollback of batch ${imported.batch.id}: ${del.status} in ${since(t)} s`);
  s = await untilEqual(rolledBack);
  check(
    s !== null && s <= LIMIT_S,
    `after the rollback the national equals the sum ${s?.toFixed(1)} s after the rollback answered`,
  );
  check((await summary(first)).total === before[0].total, 'the province is back at its figures before the import');
  log(`the push carried ${await rows()} cube rows`);

  // the second province stops; the first keeps sending heartbeats from its Cron Trigger's handler
  // (wrangler dev --test-scheduled: GET /cdn-cgi/handler/scheduled runs it as the daily Cron would)
  const last = await summary(second);
  await cron(second); // its last heartbeat: stale 20 s from now
  await stop(second);
  const stopped = Date.now();
  log(`${second.name} stopped`);
  let staleAfter: number | null = null;
  while ((Date.now() - stopped) / 1000 < STALE_SECONDS * 3) {
    await cron(first);
    const st = await api<Status>(national, '/federation/status');
    const [a, b] = [first.province, second.province].map((c) => st.provinces.find((p) => p.province === c)!);
    if (b.stale && !a.stale) {
      staleAfter = (Date.now() - stopped) / 1000;
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  check(
    staleAfter !== null,
    `the national marks ${second.province} stale ${staleAfter?.toFixed(1)} s after it stopped`,
  );
  const heard = (await api<Status>(national, '/federation/status')).provinces.find(
    (p) => p.province === first.province,
  )!.seen_at;
  const heardAfter = heard ? ((Date.parse(heard) - stopped) / 1000).toFixed(1) : '–';
  check(
    heard !== null && Date.parse(heard) > stopped,
    `${first.name}'s Cron heartbeats reach the national: last heard ${heardAfter} s after the stop`,
  );
  check(await equalsSum([await summary(first), last]), 'the national still answers its last figures (sum unchanged)');
  const rec = await api<{ provinces: { province: string; stale: boolean; years: { difference: number }[] }[] }>(
    national,
    '/federation/reconciliation',
  );
  check(
    rec.provinces.every((p) => p.years.every((y) => y.difference === 0)) &&
      rec.provinces.find((p) => p.province === second.province)!.stale,
    'Đối chiếu: every difference 0, the stopped province stale',
  );
  if (process.env.SHOTS) {
    // the live province keeps its heartbeat meanwhile, so only the stopped one shows stale
    const beat = setInterval(() => cron(first).catch(() => {}), 3000);
    log(`screenshots: ${(await screenshots(national, process.env.SHOTS)).join(', ')}`);
    clearInterval(beat);
  }
  log(`load averages ${load()}`);
} catch (e) {
  failures.push(String(e));
  console.error(e);
} finally {
  await stopAll();
  if (process.env.KEEP_DATA !== '1') rmSync(base, { recursive: true, force: true });
}
console.log(failures.length ? `\n${failures.length} check(s) failed` : '\nall checks passed');
process.exit(failures.length ? 1 : 0);
