// `BENCH_DATA_DIR=<a national run's data> tsx scripts/bench/todayRebuild.ts`: award_cube_today
// rebuilt by the Worker itself, in its steps, at national scale. The file is marked stale first
// (as a geography change would), then `npm start` is asked an as_of view every 2 s; each answer
// that finds the table not ready starts the rebuild in the background (keepToday), which goes on
// from the cursor. Prints how long the rebuild took, how long it was seen in each phase, the
// steps over a second (the rebuild warns of each) and checks that the answer stayed the same.
import { DatabaseSync } from 'node:sqlite';
import { loadavg } from 'node:os';
import { startServer } from '../../test/e2e/server.ts';
import { d1File } from './generate.ts';

// a server just stopped may hold the D1 file's lock a moment longer: wait for it, do not fail
const BUSY_MS = 30_000;

const dir = process.env.BENCH_DATA_DIR!;
const TOKEN = 'bench-admin-token';
const db = new DatabaseSync(d1File(dir));
db.exec("UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1, lease_until = NULL WHERE id = 1");
db.close();
const state = () => {
  const r = new DatabaseSync(d1File(dir), { readOnly: true, timeout: BUSY_MS });
  const s = r.prepare('SELECT phase, cursor FROM today_state').get() as { phase: string; cursor: number };
  r.close();
  return s;
};

const view = '/api/v1/awards/summary?group_by=unit&as_of=2025-07-01';
const server = await startServer({ DEMO: '0', BENCH: '1', DATA_DIR: dir, ADMIN_TOKEN: TOKEN });
const get = async (p: string) => {
  const res = await fetch(server.url + p, { headers: { authorization: `Bearer ${TOKEN}`, 'X-Cache-Bypass': '1' } });
  return { rows: Number(res.headers.get('X-Rows-Read')), body: await res.text() };
};
try {
  console.log(`load average before: ${loadavg()[0].toFixed(2)}`);
  const started = performance.now();
  const first = await get(view);
  const phases = new Map<string, number>();
  let at = performance.now();
  let last = first;
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    last = await get(view);
    if (last.body !== first.body) throw new Error('the answer changed during the rebuild');
    const s = state();
    if (process.env.DEBUG) console.log(JSON.stringify(s));
    const now = performance.now();
    phases.set(s.phase, (phases.get(s.phase) ?? 0) + (now - at) / 1000);
    at = now;
    if (last.rows < first.rows / 10) break; // served by award_cube_today again
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `rebuilt in ${seconds.toFixed(0)} s (rows read by the view: ${first.rows} on the plan, ${last.rows} after)`,
  );
  const seen = Object.fromEntries([...phases].map(([p, s]) => [p, Math.round(s)]));
  console.log(`seconds seen in each phase (polled every 2 s): ${JSON.stringify(seen)}`);
  const slow = server.output().match(/a rebuild step took \d+ ms/g) ?? [];
  console.log(`steps over a second: ${slow.length}${slow.length ? ` (${slow.join(', ')})` : ''}`);
  console.log(`load average after: ${loadavg()[0].toFixed(2)}`);
} finally {
  await server.stop();
}
