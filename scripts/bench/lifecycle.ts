// `npm run bench:lifecycle`: 20 readers during the commit and the rollback of a 1,000,000-row
// awards import on `npm start` (DEMO=0, DATA_DIR /tmp/wt13-bench-*, PORT or 18851). Each reader
// asks /awards/summary?group_by=year (edge cache bypassed) in a loop; a 21st client polls the
// batch's status to tell the phases apart. Prints, per phase, reads, latency p50 / p99 / max,
// the longest time with no answer completed, and the reads that were neither the answer
// before the import nor the one after it (a half state). ROWS=100000 for a smaller run.
import { createReadStream, mkdtempSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startServer } from '../../test/e2e/server.ts';
import { unitsCsv, writeAwards } from './awardsCsv.ts';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const READERS = 20;
const dir = mkdtempSync('/tmp/wt13-bench-');
const server = await startServer({ DEMO: '0', ADMIN_TOKEN: 'bench-token', PORT: process.env.PORT ?? '18851', DATA_DIR: path.join(dir, 'data') });

interface Read {
  start: number;
  end: number;
  body: string;
  status: number;
}
const reads: Read[] = [];
const phases: { at: number; status: string }[] = [];
let running = true;

const SUMMARY = '/api/v1/awards/summary?group_by=year';
async function reader() {
  while (running) {
    const start = performance.now();
    const res = await server.api(SUMMARY, { headers: { 'X-Cache-Bypass': '1' } });
    const body = await res.text();
    reads.push({ start, end: performance.now(), body, status: res.status });
  }
}

async function poll(id: () => number | undefined) {
  let last = '';
  while (running) {
    const b = id();
    if (b !== undefined) {
      const list = (await (await server.api('/api/v1/imports?limit=5')).json()) as { batches: { id: number; status: string }[] };
      const s = list.batches.find((x) => x.id === b)?.status ?? '?';
      if (s !== last) phases.push({ at: performance.now(), status: (last = s) });
    } else {
      const list = (await (await server.api('/api/v1/imports?limit=5')).json()) as { batches: { id: number; status: string; dataset: string }[] };
      const s = list.batches.find((x) => x.dataset === 'awards')?.status ?? 'none';
      if (s !== last) phases.push({ at: performance.now(), status: (last = s) });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pct = (xs: number[], p: number) => (xs.length ? xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] : NaN);

try {
  const units = await server.api('/api/v1/imports/units', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: unitsCsv() });
  if (units.status !== 201) throw new Error(`units: ${units.status}`);
  const file = path.join(dir, 'awards.csv');
  await writeAwards(file, ROWS);
  const before = await (await server.api(SUMMARY, { headers: { 'X-Cache-Bypass': '1' } })).text();
  console.log(`${ROWS.toLocaleString('en')} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  let batchId: number | undefined;
  const workers = [...Array.from({ length: READERS }, reader), poll(() => batchId)];
  await new Promise((r) => setTimeout(r, 2000));
  const t0 = performance.now();
  const up = await server.api('/api/v1/imports/awards?filename=bench.csv', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const upBody = (await up.json()) as { batch?: { id: number } };
  const t1 = performance.now();
  if (up.status !== 201) throw new Error(`import: ${up.status} ${JSON.stringify(upBody).slice(0, 300)}`);
  batchId = upBody.batch!.id;
  await new Promise((r) => setTimeout(r, 2000));
  const after = await (await server.api(SUMMARY, { headers: { 'X-Cache-Bypass': '1' } })).text();
  const t2 = performance.now();
  const rb = await server.api(`/api/v1/imports/${batchId}`, { method: 'DELETE' });
  const t3 = performance.now();
  if (rb.status !== 200) throw new Error(`rollback: ${rb.status} ${await rb.text()}`);
  await new Promise((r) => setTimeout(r, 2000));
  running = false;
  await Promise.all(workers);

  const consistency = (await (await server.api('/api/v1/imports/consistency')).json()) as { ok: boolean };
  console.log(`import request ${((t1 - t0) / 1000).toFixed(1)} s, rollback request ${((t3 - t2) / 1000).toFixed(1)} s, consistency after: ${consistency.ok ? 'ok' : 'FAILED'}`);
  console.log('status changes seen by the poller (s from the upload start):', phases.map((p) => `${p.status} ${((p.at - t0) / 1000).toFixed(1)}`).join(', '));

  const at = (s: string) => phases.find((p) => p.status === s)?.at;
  const windows: [string, number, number][] = [
    ['before the import', 0, t0],
    ['upload, parse, stage (staging)', t0, at('committing') ?? t1],
    ['commit (committing → committed, merge)', at('committing') ?? t1, t1],
    ['between', t1, t2],
    ['rollback (rolling_back → rolled_back, merge, row deletion)', t2, t3],
    ['after', t3, Infinity],
  ];
  console.log('| phase | reads | p50 ms | p99 ms | max ms | longest with no answer, ms | half states |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, from, to] of windows) {
    const rs = reads.filter((r) => r.end > from && r.end <= to);
    const lat = rs.map((r) => r.end - r.start);
    const ends = rs.map((r) => r.end).sort((a, b) => a - b);
    let gap = 0;
    for (let i = 1; i < ends.length; i++) gap = Math.max(gap, ends[i] - ends[i - 1]);
    const half = rs.filter((r) => r.status !== 200 || (r.body !== before && r.body !== after)).length;
    console.log(`| ${name} | ${rs.length} | ${pct(lat, 50).toFixed(0)} | ${pct(lat, 99).toFixed(0)} | ${Math.max(...lat).toFixed(0)} | ${gap.toFixed(0)} | ${half} |`);
  }
  const bad = reads.filter((r) => r.status !== 200 || (r.body !== before && r.body !== after));
  if (bad.length) console.log('first half state:', bad[0].status, bad[0].body.slice(0, 300));
} finally {
  running = false;
  await server.stop();
}
