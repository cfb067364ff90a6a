// `npm run bench:side`: this checkout against another one (BASE_DIR, e.g. a copy of main at the
// merge base) on their own copies of the same data (BENCH_DATA_DIR, BASE_DATA_DIR), one server at
// a time, alternating which goes first each round, with the load average before and after each:
// - the first call of an isolate (a fresh `npm start`, polled on a route that loads nothing):
//   /meta, and a summary, each on its own fresh server: rows read and ms;
// - the as_of calls of the national views, warm, recomputed (X-Cache-Bypass): rows read and the
//   median ms of CALLS_EACH calls.
import { loadavg } from 'node:os';
import { startServer } from '../../test/e2e/server.ts';
import { NATIONAL_VIEWS, VIEWS } from './views.ts';

const TOKEN = 'bench-admin-token';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CALLS_EACH = Number(process.env.CALLS_EACH ?? 7);
const SIDES = [
  { name: 'after', cwd: process.cwd(), data: process.env.BENCH_DATA_DIR! },
  { name: 'before', cwd: process.env.BASE_DIR!, data: process.env.BASE_DATA_DIR! },
];
if (SIDES.some((s) => !s.cwd || !s.data)) throw new Error('BENCH_DATA_DIR, BASE_DIR and BASE_DATA_DIR are needed');

const FIRST = ['/api/v1/meta', '/api/v1/awards/summary?group_by=year,category,kind'];
const AS_OF = [...Object.values(VIEWS), ...Object.values(NATIONAL_VIEWS)]
  .flat()
  .map((c) => c.api)
  .filter((a) => a.includes('as_of='));

const load = () => loadavg()[0].toFixed(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function call(url: string, bypass = true) {
  const t = performance.now();
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${TOKEN}`, ...(bypass ? { 'X-Cache-Bypass': '1' } : {}) },
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return { ms: performance.now() - t, rows: Number(res.headers.get('X-Rows-Read')) };
}

const serve = (s: (typeof SIDES)[number]) =>
  startServer(
    { DEMO: '0', BENCH: '1', DATA_DIR: s.data, ADMIN_TOKEN: TOKEN },
    { cwd: s.cwd, readyPath: '/api/v1/_bench/noop' },
  );

type Row = {
  side: string;
  round: number;
  what: string;
  rows: number;
  ms: number;
  loadBefore: string;
  loadAfter: string;
};
const rows: Row[] = [];

for (let round = 1; round <= ROUNDS; round++) {
  for (const s of round % 2 ? SIDES : [...SIDES].reverse()) {
    for (const path of FIRST) {
      const before = load();
      const server = await serve(s);
      try {
        const first = await call(server.url + path);
        rows.push({ side: s.name, round, what: `first ${path}`, ...first, loadBefore: before, loadAfter: load() });
      } finally {
        await server.stop();
      }
    }
    const before = load();
    const server = await serve(s);
    try {
      await call(`${server.url}/api/v1/meta`);
      for (const path of AS_OF) {
        await call(server.url + path);
        const runs = [];
        for (let i = 0; i < CALLS_EACH; i++) runs.push(await call(server.url + path));
        rows.push({
          side: s.name,
          round,
          what: path,
          rows: runs[0].rows,
          ms: median(runs.map((r) => r.ms)),
          loadBefore: before,
          loadAfter: load(),
        });
      }
    } finally {
      await server.stop();
    }
    console.error(`round ${round} ${s.name} done, load ${load()}`);
  }
}

console.log('| call | rows read before | rows read after | ms before (median of rounds) | ms after | after / before |');
console.log('|---|---|---|---|---|---|');
for (const what of [...FIRST.map((p) => `first ${p}`), ...AS_OF]) {
  const of = (side: string) => rows.filter((r) => r.what === what && r.side === side);
  const [b, a] = [of('before'), of('after')];
  const [mb, ma] = [median(b.map((r) => r.ms)), median(a.map((r) => r.ms))];
  console.log(
    `| \`${what.replace('/api/v1/', '')}\` | ${b[0].rows.toLocaleString('en')} | ${a[0].rows.toLocaleString('en')} | ` +
      `${mb.toFixed(1)} | ${ma.toFixed(1)} | ${(ma / mb).toFixed(2)} |`,
  );
}
console.log('\nload average (1 min) before / after each server run:');
for (const r of rows.filter((r) => r.what.startsWith('first') || r.what === AS_OF[0]))
  console.log(`  round ${r.round} ${r.side} ${r.what.slice(0, 40)}: ${r.loadBefore} / ${r.loadAfter}`);
