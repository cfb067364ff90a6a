// `npm run bench:lifecycle`: 20 readers during the commit and the rollback of a 1,000,000-row
// awards import on `npm start` (DEMO=0, DATA_DIR /tmp/wt13-bench-*, PORT or 18851). The file is
// staged first in parts of 25 MB (parsing is not what is measured), then the readers start, each
// asking /awards/summary?group_by=year (edge cache bypassed) in a loop, while
// POST /imports/{id}/commit and then DELETE /imports/{id} run. Prints, per phase, reads,
// latency p50 / p99 / max, the longest time with no answer completed, and the reads that were
// neither the answer before the commit nor the one after it (a half state). ROWS=100000 for a
// smaller run; READERS=0 for the steps alone. The server runs the bench entry (BENCH=1), whose
// D1 binding times every call: the slowest statements of the commit and the rollback are printed.
// GEO=national: over the national geography's 14,400 units and 11,200 lineage rows (bench:import's).
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { startServer } from '../../test/e2e/server.ts';
import { splitCsv } from '../../dashboard/src/lib/data/split.ts';
import { importGeography, writeAwards } from './awardsCsv.ts';
import { nationalAwardUnit, nationalGeography } from './national.ts';
import { printSteps, type Timing } from './steps.ts';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const READERS = Number(process.env.READERS ?? 20);
const NATIONAL = process.env.GEO === 'national' ? nationalGeography() : undefined;
const dir = mkdtempSync('/tmp/wt13-bench-');
const server = await startServer({
  DEMO: '0',
  BENCH: '1',
  ADMIN_TOKEN: 'bench-token',
  PORT: process.env.PORT ?? '18851',
  DATA_DIR: path.join(dir, 'data'),
});

interface Read {
  start: number;
  end: number;
  body: string;
  status: number;
}
const reads: Read[] = [];
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

const pct = (xs: number[], p: number) =>
  xs.length ? xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] : NaN;

const timingsSince = async () =>
  ((await (await server.api('/api/v1/_bench/d1-timings')).json()) as { timings: Timing[] }).timings;

try {
  await importGeography(server.api, NATIONAL);
  const file = path.join(dir, 'awards.csv');
  await writeAwards(file, ROWS, undefined, false, NATIONAL ? nationalAwardUnit(NATIONAL) : undefined);
  const before = await (await server.api(SUMMARY, { headers: { 'X-Cache-Bypass': '1' } })).text();
  console.log(
    `${ROWS.toLocaleString('en')} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  // staged before the readers start: what is measured is the commit and the rollback
  let batchId: number | undefined;
  for (const [i, p] of splitCsv(new Uint8Array(readFileSync(file)), 25 * 1024 * 1024).entries()) {
    const q = `part=${i + 1}&first_row=${p.firstRow}${batchId ? `&batch=${batchId}` : ''}&filename=bench.csv`;
    const res = await server.api(`/api/v1/imports/awards?${q}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: new Blob([p.bytes as BlobPart]),
    });
    const body = (await res.json()) as { batch?: { id: number } };
    if (res.status !== 202) throw new Error(`part ${i + 1}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    batchId = body.batch!.id;
  }
  const workers = Array.from({ length: READERS }, reader);
  await new Promise((r) => setTimeout(r, 3000));
  await timingsSince();
  const t0 = performance.now();
  const up = await server.api(`/api/v1/imports/${batchId}/commit`, { method: 'POST' });
  const t1 = performance.now();
  if (up.status !== 201) throw new Error(`commit: ${up.status} ${await up.text()}`);
  const commitSteps = await timingsSince();
  await new Promise((r) => setTimeout(r, 3000));
  const after = await (await server.api(SUMMARY, { headers: { 'X-Cache-Bypass': '1' } })).text();
  await timingsSince();
  const t2 = performance.now();
  const rb = await server.api(`/api/v1/imports/${batchId}`, { method: 'DELETE' });
  const t3 = performance.now();
  if (rb.status !== 200) throw new Error(`rollback: ${rb.status} ${await rb.text()}`);
  const rollbackSteps = await timingsSince();
  await new Promise((r) => setTimeout(r, 3000));
  running = false;
  await Promise.all(workers);

  const consistency = (await (await server.api('/api/v1/imports/consistency')).json()) as { ok: boolean };
  const left = (
    (await (await server.api('/api/v1/imports')).json()) as { batches: { id: number; status: string }[] }
  ).batches.find((b) => b.id === batchId);
  console.log(
    `commit request ${((t1 - t0) / 1000).toFixed(1)} s, rollback request ${((t3 - t2) / 1000).toFixed(1)} s, ` +
      `consistency after: ${consistency.ok ? 'ok' : 'FAILED'}, batch ${left?.status}; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );

  const windows: [string, number, number][] = [
    ['before the commit', 0, t0],
    ['commit (slices, flip, merge)', t0, t1],
    ['between', t1, t2],
    ['rollback (slices, flip, merge, raw rows deleted)', t2, t3],
    ['after', t3, Infinity],
  ];
  console.log('| phase | reads | p50 ms | p99 ms | max ms | longest with no answer, ms | half states |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, from, to] of windows) {
    const rs = reads.filter((r) => r.end > from && r.end <= to);
    const lat = rs.map((r) => r.end - r.start);
    const ends = rs.map((r) => r.end).sort((a, b) => a - b);
    let gap = 0;
    let gapAt = 0;
    for (let i = 1; i < ends.length; i++)
      if (ends[i] - ends[i - 1] > gap) [gap, gapAt] = [ends[i] - ends[i - 1], ends[i - 1] - from];
    const half = rs.filter((r) => r.status !== 200 || (r.body !== before && r.body !== after)).length;
    console.log(
      `| ${name} | ${rs.length} | ${pct(lat, 50).toFixed(0)} | ${pct(lat, 99).toFixed(0)} | ` +
        `${Math.max(...lat).toFixed(0)} | ` +
        `${gap.toFixed(0)} (from +${(gapAt / 1000).toFixed(1)} s) | ${half} |`,
    );
  }
  printSteps('commit', commitSteps);
  printSteps('rollback', rollbackSteps);
  const bad = reads.filter((r) => r.status !== 200 || (r.body !== before && r.body !== after));
  if (bad.length) console.log('first half state:', bad[0].status, bad[0].body.slice(0, 300));
} finally {
  running = false;
  await server.stop();
}
