// `npm run bench`: for 100k, 1M and 10M award rows (BENCH_SIZES to change), measures every
// dashboard view: D1 rows read, p50/p95 latency under 20 concurrent clients against
// `wrangler dev`, and side by side the naive GROUP BY over raw awards in the same D1 and in
// DuckDB. Writes bench-results/bench.json and prints the tables for docs/benchmarks.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startServer } from '../../test/e2e/server.ts';
import { wrangler } from '../lib/run.ts';
import { duckdbTimings } from './duckdb.ts';
import { d1File, type Geo, generate, reaggregate } from './generate.ts';
import { NATIONAL_VIEWS, onProvince, VIEWS as PROVINCE_VIEWS, type Call } from './views.ts';

// a server just stopped may hold the D1 file's lock a moment longer: wait for it, do not fail
const BUSY_MS = 30_000;

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000,10000000').split(',').map(Number);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const NO_CACHE = { 'X-Cache-Bypass': '1' };
const TOKEN = 'bench-admin-token';
// GEO=national: the synthetic country of national.ts, with its own views besides the others
const GEO = (process.env.GEO ?? 'province') as Geo;
const VIEWS: Record<string, Call[]> = GEO === 'national' ? { ...PROVINCE_VIEWS, ...NATIONAL_VIEWS } : PROVINCE_VIEWS;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const totalOf = (body: unknown): number | null => {
  const rows = (body as { rows?: { count?: number }[] }).rows;
  if (!rows?.every((r) => typeof r.count === 'number')) return null;
  return rows.reduce((s, r) => s + (r.count ?? 0), 0);
};

/** Rows of the answer (what the chart or table shows), null for answers without a rows list. */
const shownOf = (body: unknown): number | null => (body as { rows?: unknown[] }).rows?.length ?? null;

async function timedFetch(url: string, headers: Record<string, string> = NO_CACHE) {
  const t = performance.now();
  const res = await fetch(url, { headers: { ...headers, authorization: `Bearer ${TOKEN}` } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return {
    ms: performance.now() - t,
    rowsRead: Number(res.headers.get('X-Rows-Read')),
    cache: res.headers.get('X-Cache'),
    body,
  };
}

async function measureView(base: string, calls: Call[]) {
  const cold = [];
  for (const c of calls) {
    const ours = await timedFetch(base + c.api);
    let naive = null;
    if (c.naive) {
      const n = await timedFetch(`${base}/api/v1/_bench/naive?q=${c.naive}`);
      naive = { rowsRead: (n.body as { rows_read: number }).rows_read, ms: n.ms, total: totalOf(n.body) };
    }
    // as_of: the same answer through the general plan over award_cube, whatever served ours
    let planRowsRead: number | null = null;
    if (c.api.includes('as_of=')) {
      const plan = await timedFetch(`${base}/api/v1/_bench/plan-summary?${c.api.split('?')[1]}`);
      if (JSON.stringify(plan.body) !== JSON.stringify(ours.body))
        throw new Error(
          `${c.api}: differs from the plan's answer\n${JSON.stringify(ours.body)}\n${JSON.stringify(plan.body)}`,
        );
      planRowsRead = plan.rowsRead;
    }
    // every summary: the same answer read key by key (not packed by unit), and what that reads
    let yearsRowsRead: number | null = null;
    if (c.api.includes('/awards/summary?')) {
      const years = await timedFetch(`${base}/api/v1/_bench/keys-summary?${c.api.split('?')[1]}`);
      if (JSON.stringify(years.body) !== JSON.stringify(ours.body))
        throw new Error(
          `${c.api}: differs when read key by key\n${JSON.stringify(ours.body)}\n${JSON.stringify(years.body)}`,
        );
      yearsRowsRead = years.rowsRead;
    }
    cold.push({
      api: c.api,
      naive: c.naive,
      rowsRead: ours.rowsRead,
      planRowsRead,
      yearsRowsRead,
      total: totalOf(ours.body),
      shown: shownOf(ours.body),
      naiveResult: naive,
    });
  }
  // one client: the latency of each call without queueing
  const single: number[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const c of calls) single.push((await timedFetch(base + c.api)).ms);
  // 20 clients, each loading the whole view ROUNDS times, answers recomputed (no edge cache)
  const latencies: number[] = [];
  const perCall = new Map<string, number[]>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let r = 0; r < ROUNDS; r++) {
        for (const c of calls) {
          const { ms } = await timedFetch(base + c.api);
          latencies.push(ms);
          perCall.set(c.api, [...(perCall.get(c.api) ?? []), ms]);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const warm = [];
  for (const c of calls) {
    await timedFetch(base + c.api, {});
    warm.push(await timedFetch(base + c.api, {}));
  }
  return {
    cold,
    rowsRead: cold.reduce((s, c) => s + c.rowsRead, 0),
    naiveRowsRead: cold.reduce((s, c) => s + (c.naiveResult?.rowsRead ?? 0), 0),
    naiveMs: cold.reduce((s, c) => s + (c.naiveResult?.ms ?? 0), 0),
    singleP50: pct(single, 50),
    singleP95: pct(single, 95),
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    worstCallP95: Math.max(...[...perCall.values()].map((xs) => pct(xs, 95))),
    requestsPerSecond: latencies.length / seconds,
    warmRowsRead: warm.reduce((s, w) => s + w.rowsRead, 0),
    warmHits: warm.filter((w) => w.cache === 'HIT').length,
  };
}

/**
 * The same calls on the demo's one-province geography with as many award rows (generated, or
 * BENCH_PROVINCE_DATA_DIR from an earlier run): rows read per call there, for the growth to the
 * national geography (issue 17: at most 1.5 times).
 */
async function growthFromProvince(size: number) {
  const dir = process.env.BENCH_PROVINCE_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), `thidua-bench-province-${size}-`));
  await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir], { quiet: true });
  if (!process.env.BENCH_PROVINCE_DATA_DIR) generate(dir, size, 'province');
  const server = await startServer({ DEMO: '0', BENCH: '1', DATA_DIR: dir, ADMIN_TOKEN: TOKEN });
  const out: Record<string, { api: string; rowsRead: number; shown: number | null }[]> = {};
  try {
    for (const [name, calls] of Object.entries(VIEWS)) {
      out[name] = [];
      for (const c of calls.map(onProvince)) {
        const { rowsRead, body } = await timedFetch(server.url + c.api);
        out[name].push({ api: c.api, rowsRead, shown: shownOf(body) });
      }
    }
  } finally {
    await server.stop();
  }
  if (!process.env.BENCH_PROVINCE_DATA_DIR) rmSync(dir, { recursive: true, force: true });
  return out;
}

const results = [];
// BENCH_DATA_DIR: the data a run generated before (one size), kept and used again; only the
// unit closure and the cube are rebuilt (not with BENCH_REAGGREGATE=0), so code that changes
// them is measured on the same rows
const KEEP = process.env.BENCH_DATA_DIR;
const counts = (dataDir: string) => {
  const db = new DatabaseSync(d1File(dataDir), { readOnly: true, timeout: BUSY_MS });
  const n = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  const out = { cubeRows: n('award_cube'), units: n('units'), lineage: n('unit_lineage') };
  db.close();
  return { ...out, seconds: 0, closureSeconds: 0, cubeSeconds: 0 };
};
for (const size of SIZES) {
  const dataDir = KEEP ?? mkdtempSync(path.join(tmpdir(), `thidua-bench-${size}-`));
  console.error(`\n== ${size.toLocaleString('en')} award rows (${dataDir})`);
  await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dataDir], { quiet: true });
  const gen = !KEEP
    ? generate(dataDir, size, GEO)
    : process.env.BENCH_REAGGREGATE === '0'
      ? counts(dataDir)
      : reaggregate(dataDir);
  console.error(
    `${GEO}: ${gen.units} units, ${gen.lineage} lineage rows; generated and aggregated in ` +
      `${gen.seconds.toFixed(1)} s (closure ${gen.closureSeconds.toFixed(1)} s, ` +
      `cube ${gen.cubeSeconds.toFixed(1)} s); ` +
      `award_cube has ${gen.cubeRows} rows`,
  );
  const server = await startServer({ DEMO: '0', BENCH: '1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN });
  const views: Record<string, Awaited<ReturnType<typeof measureView>>> = {};
  try {
    for (const [name, calls] of Object.entries(VIEWS)) {
      views[name] = await measureView(server.url, calls);
      const v = views[name];
      console.error(
        `${name}: rows read ${v.rowsRead} (naive ${v.naiveRowsRead}), p50 ` +
          `${v.p50.toFixed(1)} ms, p95 ${v.p95.toFixed(1)} ms`,
      );
      for (const c of v.cold) {
        if (
          c.naiveResult &&
          c.total !== null &&
          c.naiveResult.total !== null &&
          Math.abs(c.total - c.naiveResult.total) > 1e-6
        ) {
          throw new Error(`${c.api}: API total ${c.total} differs from naive ${c.naiveResult.total}`);
        }
      }
    }
  } finally {
    await server.stop();
  }
  const naiveNames = Object.values(VIEWS)
    .flat()
    .flatMap((c) => (c.naive ? [c.naive] : []));
  const duck = await duckdbTimings(d1File(dataDir), [...new Set(naiveNames)]);
  for (const [name, calls] of Object.entries(VIEWS)) {
    for (const c of views[name].cold) {
      if (c.naive && c.total !== null && Math.abs(duck.totals[c.naive] - c.total) > 1e-6) {
        throw new Error(`${c.api}: API total ${c.total} differs from DuckDB ${duck.totals[c.naive]}`);
      }
    }
    void calls;
  }
  const duckPerView = Object.fromEntries(
    Object.entries(VIEWS).map(([name, calls]) => [
      name,
      calls.reduce((s, c) => s + (c.naive ? duck.ms[c.naive] : 0), 0),
    ]),
  );
  const growth = GEO === 'national' ? await growthFromProvince(size) : undefined;
  results.push({
    size,
    geo: GEO,
    growth,
    units: gen.units,
    lineage: gen.lineage,
    closureSeconds: gen.closureSeconds,
    cubeSeconds: gen.cubeSeconds,
    generateSeconds: gen.seconds,
    cubeRows: gen.cubeRows,
    duckdbLoadSeconds: duck.loadSeconds,
    duckPerView,
    views,
  });
  if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
}

mkdirSync('bench-results', { recursive: true });
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  clients: CLIENTS,
  rounds: ROUNDS,
};
writeFileSync(
  `bench-results/bench${GEO === 'national' ? '-national' : ''}.json`,
  JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2),
);

const f = (n: number, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(
  `\nMachine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} ` +
    `GiB, Node ${machine.node}; ${CLIENTS} clients × ${ROUNDS} rounds per ` +
    `view.\n`,
);
console.log(
  '| rows | view | rows read (ours) | rows read (naive D1) | ours ms per ' +
    'call, 1 client p50 / p95 | ours ms per call, 20 clients p50 / p95 ' +
    '(worst call p95) | naive D1 ms per view (1 client) | DuckDB ms per ' +
    'view | warm: rows read / cache hits |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  for (const [name, v] of Object.entries(r.views)) {
    const calls = VIEWS[name].length;
    console.log(
      `| ${f(r.size)} | ${name} | ${f(v.rowsRead)} | ${f(v.naiveRowsRead)} | ` +
        `${f(v.singleP50, 1)} / ${f(v.singleP95, 1)} | ${f(v.p50, 1)} / ` +
        `${f(v.p95, 1)} (${f(v.worstCallP95, 1)}) | ${f(v.naiveMs, 0)} | ` +
        `${f(r.duckPerView[name], 1)} | ${v.warmRowsRead} / ${v.warmHits} of ` +
        `${calls} |`,
    );
  }
}
console.log('\n| rows | generate + aggregate s | award_cube rows | DuckDB load s |');
console.log('|---|---|---|---|');
for (const r of results)
  console.log(`| ${f(r.size)} | ${f(r.generateSeconds, 1)} | ${f(r.cubeRows)} | ${f(r.duckdbLoadSeconds, 1)} |`);

// one province -> national, call by call (the national calls' units mapped onto the demo's)
for (const r of results) {
  if (!r.growth) continue;
  // an answer that lists more units at national scale (the country's provinces, a new province's
  // communes) is also given per row shown: what O(what is shown) means
  console.log(
    '\n| view | call (national) | rows read, one province | rows read, national | growth | ' +
      'answer rows, one province / national | growth per answer row |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, v] of Object.entries(r.views))
    v.cold.forEach((c, i) => {
      const p = r.growth![name][i];
      const ratio = p.rowsRead ? f(c.rowsRead / p.rowsRead, 2) : '–';
      const perRow = p.rowsRead && p.shown && c.shown ? `${f(c.rowsRead / c.shown / (p.rowsRead / p.shown), 2)}×` : '–';
      console.log(
        `| ${name} | \`${c.api.replace('/api/v1/', '')}\` | ${f(p.rowsRead)} | ${f(c.rowsRead)} | ${ratio}× | ` +
          `${p.shown ?? '–'} / ${c.shown ?? '–'} | ${perRow} |`,
      );
    });
}

// every call on its own: the goal is per call, not per view
console.log(
  '\n| rows | view | call | rows read (ours) | rows read (key by key) | ' +
    'rows read (plan, as_of only) | rows read (naive D1) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of results)
  for (const [name, v] of Object.entries(r.views))
    for (const c of v.cold)
      console.log(
        `| ${f(r.size)} | ${name} | \`${c.api.replace('/api/v1/', '')}\` | ${f(c.rowsRead)} | ` +
          `${c.yearsRowsRead === null ? '–' : f(c.yearsRowsRead)} | ` +
          `${c.planRowsRead === null ? '–' : f(c.planRowsRead)} | ` +
          `${c.naiveResult ? f(c.naiveResult.rowsRead) : '–'} |`,
      );
