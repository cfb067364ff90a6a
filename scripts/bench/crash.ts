// `npm run bench:crash`: kill -9 of `npm start` (wrangler, workerd and all) during an import
// through R2 and the Workflow, at five moments: while the file is being uploaded, while it is
// parsed (before any row is staged), while rows are staged, during the commit's slices, and
// right after the flip (merge and clean-up). Then `npm start` again on the same DATA_DIR, and:
// does the Workflow resume by itself? If not after WAIT_S, the upload is cancelled through the
// API. Either way the totals must be the ones before or after the file, consistency ok.
// ROWS=200000 by default; results are printed as a table for docs/benchmarks.md. GEO=national: the
// national geography's units and lineage first, the awards over its communes (bench:import's), so
// that the commit's expansion takes long enough (100 steps) to be killed inside; ONLY=commit,cleanup.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { freePort } from '../lib/freePort.ts';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type Server } from '../../test/e2e/server.ts';
import { importGeography, writeAwards } from './awardsCsv.ts';
import { nationalAwardUnit, nationalGeography } from './national.ts';

const ROWS = Number(process.env.ROWS ?? 200_000);
const WAIT_S = Number(process.env.WAIT_S ?? 90);
const TOKEN = 'crash-bench-token';
const MOMENTS = ['upload', 'parse', 'staging', 'commit', 'cleanup'] as const;
const NATIONAL = process.env.GEO === 'national' ? nationalGeography() : undefined;
type Moment = (typeof MOMENTS)[number];
// biome-ignore lint/suspicious/noExplicitAny: the bench reads loosely shaped JSON from our own API
type Json = Record<string, any>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const json = async (s: Server, p: string, init?: RequestInit) => (await (await s.api(p, init)).json()) as Json;
const total = async (s: Server) => (await json(s, '/api/v1/awards/summary')).total as number;
const killHard = (s: Server) => {
  try {
    process.kill(-s.pgid, 'SIGKILL');
  } catch {}
};

/** Polls the newest upload until `until` holds; null if it never does within `ms`. */
async function watch(s: Server, until: (u: Json) => boolean, ms: number): Promise<Json | null> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const u = (await json(s, '/api/v1/uploads')).uploads?.[0];
    if (u && until(u)) return u;
    await sleep(20);
  }
  return null;
}

const FINAL = ['done', 'invalid', 'duplicate', 'cancelled', 'failed'];
const when: Record<Exclude<Moment, 'upload'>, (u: Json) => boolean> = {
  parse: (u) => u.stage === 'reading' && u.rows_read >= 5000 && u.rows_read < 15000,
  staging: (u) => u.stage === 'reading' && u.rows_read >= ROWS / 2,
  commit: (u) => u.batch_status === 'committing' && (u.progress ?? 0) > 0,
  cleanup: (u) => u.batch_status === 'committed' && !FINAL.includes(u.stage),
};

async function scenario(moment: Moment, file: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'thidua-crash-'));
  const port = String(await freePort());
  const env = { DEMO: '0', ADMIN_TOKEN: TOKEN, DATA_DIR: dataDir, PORT: port };
  let s = await startServer(env);
  await importGeography(s.api, NATIONAL);
  const before = await total(s);
  const bytes = readFileSync(file);
  const killedAt = { at: '' };
  if (moment === 'upload') {
    // half the body, then the server dies under the request
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        c.enqueue(bytes.subarray(0, bytes.length >> 1));
        await gate;
        c.close();
      },
    });
    const sent = s
      .api('/api/v1/uploads/awards?filename=crash.csv', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'content-length': String(bytes.length) },
        body,
        duplex: 'half',
      } as RequestInit)
      .catch((e: Error) => e);
    await sleep(1500);
    killedAt.at = 'half the body sent';
    killHard(s);
    release();
    await sent;
  } else {
    const res = await s.api('/api/v1/uploads/awards?filename=crash.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: bytes,
    });
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const u = await watch(s, when[moment], 300_000);
    if (!u) throw new Error(`${moment}: the moment never came`);
    killHard(s);
    killedAt.at = `${u.stage}, ${u.rows_read} rows read, batch ${u.batch_status ?? '-'} ${u.progress ?? ''}`;
  }
  await sleep(1000);
  const restarted = Date.now();
  s = await startServer(env);
  const up = (Date.now() - restarted) / 1000;
  let u = (await json(s, '/api/v1/uploads')).uploads?.[0] ?? null;
  const seenAfterRestart = u ? `${u.stage} (${u.rows_read} read)` : 'no upload';
  let outcome = 'nothing to resume';
  if (u && !FINAL.includes(u.stage)) {
    const ended = await watch(s, (x) => FINAL.includes(x.stage), WAIT_S * 1000);
    if (ended) {
      u = ended;
      outcome = `resumed by itself: ${ended.stage} ${((Date.now() - restarted) / 1000).toFixed(0)} s after restart`;
    } else {
      const now = (await json(s, '/api/v1/uploads')).uploads[0];
      const c = await s.api(`/api/v1/uploads/${u.id}`, { method: 'DELETE' });
      outcome = `still ${now.stage} (${now.rows_read} read) after ${WAIT_S} s; DELETE → ${c.status}`;
      u = (await json(s, `/api/v1/uploads/${u.id}`)).upload;
    }
  } else if (u) outcome = `already ${u.stage}`;
  // the clean-up after GET /imports takes up batches whose lease ran out
  await json(s, '/api/v1/imports');
  await sleep(3000);
  const after = await total(s);
  const check = await json(s, '/api/v1/imports/consistency');
  const batches = (await json(s, '/api/v1/imports')).batches as Json[];
  const awards = batches.filter((b) => b.dataset === 'awards').map((b) => `${b.id}:${b.status}`);
  await s.stop();
  const totals = after === before ? 'before' : after === before + expected ? 'after' : `WRONG (${after - before})`;
  return {
    moment,
    killedAt: killedAt.at,
    up,
    seenAfterRestart,
    outcome,
    stage: u?.stage,
    totals,
    ok: check.ok,
    awards,
  };
}

let expected = 0;
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-crash-files-'));
const file = path.join(dir, 'awards.csv');
await writeAwards(file, ROWS, undefined, false, NATIONAL ? nationalAwardUnit(NATIONAL) : undefined);
// the quantity the file adds (1 + i % 3 per row, as awardsCsv writes them)
for (let i = 1; i <= ROWS; i++) expected += 1 + (i % 3);
console.log(`file: ${ROWS} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB; load ${loadavg()[0].toFixed(1)}`);
const only = process.env.ONLY ? (process.env.ONLY.split(',') as Moment[]) : MOMENTS;
const rows = [];
for (const m of only) {
  const r = await scenario(m, file);
  console.log(JSON.stringify(r));
  rows.push(r);
}
console.log('\n| killed during | when | restart s | seen after restart | then | totals | consistency |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.moment} | ${r.killedAt} | ${r.up.toFixed(0)} | ${r.seenAfterRestart} | ${r.outcome} | ${r.totals} | ` +
      `${r.ok ? 'ok' : 'FAILED'} |`,
  );
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
