// `npm run bench:import`: a 1,000,000-row awards CSV through POST /api/v1/imports/awards on
// `npm start` (DEMO=0, a fresh temporary DATA_DIR, a free port), then the consistency check,
// then the same file with one bad row near the end, which must be refused with nothing written.
// ROWS=100000 npm run bench:import runs a smaller size; ONLY_IMPORT=1 stops after the first import;
// BENCH_COMPARE=1 imports the list in codes and then in names, side by side (importModes.ts).
// VIA=workflow then imports the same file again through R2 and the Workflow (scripts/bench/viaWorkflow.ts).
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { startServer } from '../../test/e2e/server.ts';
import { splitCsv } from '../../dashboard/src/lib/data/split.ts';
import { geographyFiles, writeAwards } from './awardsCsv.ts';
import { compareCodesAndNames } from './importModes.ts';
import { nationalAwardUnit, nationalGeography } from './national.ts';
import { printSteps, type Timing } from './steps.ts';
import { viaWorkflow } from './viaWorkflow.ts';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
// BENCH_NAMES=1: the same list with Vietnamese headers and names instead of codes
const NAMES = process.env.BENCH_NAMES === '1';
const TOKEN = 'bench-token';
// GEO=national: the national geography's 14,400 units and 11,200 lineage rows imported first
// (each timed), and the awards spread over its communes, old ones until 2024 and new in 2025
const NATIONAL = process.env.GEO === 'national' ? nationalGeography() : undefined;
const unitOf = NATIONAL ? nationalAwardUnit(NATIONAL) : undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-'));

/** Highest resident memory (MB) of the server's process group (workerd does the work). */
function groupRssMb(pgid: number): number {
  try {
    const out = execFileSync('ps', ['-eo', 'pgid=,rss=,comm='], { encoding: 'utf8' });
    let max = 0;
    for (const line of out.trim().split('\n')) {
      const [g, rss, comm] = line.trim().split(/\s+/);
      if (Number(g) === pgid && comm.startsWith('workerd')) max = Math.max(max, Number(rss) / 1024);
    }
    return max;
  } catch {
    return 0;
  }
}

// the bench entry (BENCH=1) times every D1 call: where the import's time goes is printed
const server = await startServer({ DEMO: '0', BENCH: '1', ADMIN_TOKEN: TOKEN });
const auth = { authorization: `Bearer ${TOKEN}` };
const api = (p: string) => `${server.url}/api/v1${p}`;
const timingsSince = async () =>
  ((await (await fetch(api('/_bench/d1-timings'), { headers: auth })).json()) as { timings: Timing[] }).timings;
const json = async (p: string) => (await fetch(api(p), { headers: auth })).json() as Promise<Record<string, unknown>>;

async function uploadFile(
  file: string,
): Promise<{ status: number; body: Record<string, unknown>; seconds: number; rssMb: number }> {
  let rssMb = 0;
  const timer = setInterval(() => (rssMb = Math.max(rssMb, groupRssMb(server.pgid))), 500);
  const started = performance.now();
  // node:http, not fetch: at national scale the answer comes after fetch's 300 s headers timeout
  const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      api('/imports/awards?filename=bench.csv'),
      {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
      },
      (r) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (d) => (text += d));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, text }));
        r.on('error', reject);
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
  const body = JSON.parse(res.text) as Record<string, unknown>;
  clearInterval(timer);
  return { status: res.status, body, seconds: (performance.now() - started) / 1000, rssMb };
}

try {
  // the steps after the first import, skipped with ONLY_IMPORT=1
  await (async () => {
    for (const [dataset, body] of geographyFiles(NATIONAL)) {
      const started = performance.now();
      const res = await fetch(api(`/imports/${dataset}`), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/csv' },
        body,
      });
      if (res.status !== 201) throw new Error(`${dataset} import failed: ${res.status} ${await res.text()}`);
      console.log(
        `${dataset}: ${body.split('\n').length - 2} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      if (NATIONAL) printSteps(`${dataset} import`, await timingsSince());
    }
    if (process.env.BENCH_COMPARE === '1') return compareCodesAndNames({ api, auth, dir, rows: ROWS });

    const good = path.join(dir, 'awards.csv');
    let t = performance.now();
    await writeAwards(good, ROWS, undefined, NAMES, unitOf);
    console.log(
      `generated ${ROWS.toLocaleString('en')} rows, ${(statSync(good).size / 1e6).toFixed(1)} MB ` +
        `in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    // other jobs on the machine change the figures a lot: say how busy it was
    const load = () =>
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
    console.log(`load average before the import: ${load()}`);
    await timingsSince();
    const ok = await uploadFile(good);
    printSteps('import in one request', await timingsSince());
    if (ok.status !== 201) throw new Error(`good file refused: ${ok.status} ${JSON.stringify(ok.body).slice(0, 500)}`);
    console.log(
      `import: ${ok.seconds.toFixed(1)} s, ${Math.round(ROWS / ok.seconds).toLocaleString('en')} rows/s, ` +
        `workerd peak RSS ${ok.rssMb.toFixed(0)} MB; load average after: ${load()}`,
    );

    if (process.env.VIA === 'workflow') {
      // VIA=workflow: the one-request batch rolled back, the same file through R2 and the Workflow
      const rb = await fetch(api(`/imports/${(ok.body.batch as { id: number }).id}`), {
        method: 'DELETE',
        headers: auth,
      });
      if (rb.status !== 200) throw new Error(`rollback before the Workflow import: ${rb.status}`);
      return void (await viaWorkflow(server.url, auth, good, ROWS));
    }
    if (process.env.ONLY_IMPORT === '1') return;
    const before = await json('/awards/summary?group_by=year');
    t = performance.now();
    const check = await json('/imports/consistency');
    console.log(
      `consistency check: ${check.ok ? 'ok' : 'FAILED'} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      JSON.stringify(check),
    );
    if (!check.ok) throw new Error('consistency check failed');

    const again = await uploadFile(good);
    console.log(
      `same file again: ${again.status}, duplicate_of ${again.body.duplicate_of}, ${again.seconds.toFixed(1)} s`,
    );
    if (again.status !== 200 || !again.body.duplicate_of) throw new Error('re-import was not recognised');

    const bad = path.join(dir, 'awards-bad.csv');
    const badRow = ROWS - 7;
    await writeAwards(bad, ROWS, badRow, NAMES, unitOf);
    const batchesBefore = await json('/imports');
    const refused = await uploadFile(bad);
    const errors = refused.body.errors as { row: number; column: string }[] | undefined;
    console.log(
      `one bad row (${badRow}): ${refused.status} in ${refused.seconds.toFixed(1)} s, errors ${JSON.stringify(errors)}`,
    );
    if (refused.status !== 422 || errors?.[0]?.row !== badRow || errors[0].column !== 'quantity')
      throw new Error('bad file not refused as expected');
    const after = await json('/awards/summary?group_by=year');
    const batchesAfter = await json('/imports');
    if (
      JSON.stringify(after) !== JSON.stringify(before) ||
      JSON.stringify(batchesAfter) !== JSON.stringify(batchesBefore)
    )
      throw new Error('the refused file changed something');
    const check2 = await json('/imports/consistency');
    console.log(`after the refused file: totals and batch list unchanged, consistency ${check2.ok ? 'ok' : 'FAILED'}`);

    const id = (ok.body.batch as { id: number }).id;
    t = performance.now();
    const rb = await fetch(api(`/imports/${id}`), { method: 'DELETE', headers: auth });
    const total = ((await json('/awards/summary')) as { total: number }).total;
    console.log(
      `rollback of the 1M batch: ${rb.status} in ${((performance.now() - t) / 1000).toFixed(1)} s, total now ${total}`,
    );
    const check3 = await json('/imports/consistency');
    console.log(`consistency after rollback: ${check3.ok ? 'ok' : 'FAILED'}`);

    // the same file in parts of at most 25 MB, as the Dữ liệu page sends files over 50 MB
    const parts = splitCsv(new Uint8Array(readFileSync(good)), 25 * 1024 * 1024);
    t = performance.now();
    let batch: number | undefined;
    for (const [i, p] of parts.entries()) {
      const q = `part=${i + 1}&first_row=${p.firstRow}${batch ? `&batch=${batch}` : ''}`;
      const res = await fetch(api(`/imports/awards?${q}&filename=bench-parts.csv`), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/csv' },
        body: new Blob([p.bytes as BlobPart]),
      });
      const body = (await res.json()) as { batch?: { id: number } };
      if (res.status !== 202) throw new Error(`part ${i + 1}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      batch = body.batch!.id;
    }
    const committed = await fetch(api(`/imports/${batch}/commit`), { method: 'POST', headers: auth });
    const seconds = (performance.now() - t) / 1000;
    const totalParts = ((await json('/awards/summary')) as { total: number }).total;
    console.log(
      `in ${parts.length} parts + commit: ${committed.status} in ${seconds.toFixed(1)} s, ` +
        `${Math.round(ROWS / seconds).toLocaleString('en')} rows/s, total ${totalParts}`,
    );
    const check4 = await json('/imports/consistency');
    console.log(`consistency after the import in parts: ${check4.ok ? 'ok' : 'FAILED'}`);
  })();
} finally {
  await server.stop();
}
