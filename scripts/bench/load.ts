// `npm run bench:load`: service time under load. On `npm start` with the demo (BENCH=1 for the
// no-op route), CLIENTS clients (200) for SECONDS (60) each, one run after another: the no-op
// route (the floor: every middleware, no query), then the dashboard mix (every call of the
// Tổng quan and Địa bàn views in turn) with the bootstrap ADMIN_TOKEN, with an API token, with a
// session cookie, and with the ADMIN_TOKEN and every answer recomputed (X-Cache-Bypass).
// Prints requests/s, latency and errors, and each run's ratio to the floor.
import { loadavg } from 'node:os';
import { startServer } from '../../test/e2e/server.ts';
import { VIEWS } from './views.ts';

const CLIENTS = Number(process.env.CLIENTS ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 60);
const MIX = [...new Set([...VIEWS['Tổng quan'], ...VIEWS['Địa bàn']].map((c) => c.api))];

const server = await startServer({ BENCH: '1' });
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

async function run(paths: string[], headers: Record<string, string>) {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const started = performance.now();
  const end = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      // each client starts at its own place in the mix, so all calls run at once
      for (let i = client; performance.now() < end; i++) {
        const t = performance.now();
        try {
          const res = await fetch(server.url + paths[i % paths.length], { headers });
          await res.arrayBuffer();
          if (res.status !== 200) errors.set(String(res.status), (errors.get(String(res.status)) ?? 0) + 1);
        } catch (e) {
          errors.set(String(e), (errors.get(String(e)) ?? 0) + 1);
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    rps: latencies.length / seconds,
    p50: pct(50),
    p95: pct(95),
    errors: Object.fromEntries(errors),
    load: load(),
  };
}

try {
  const json = { 'content-type': 'application/json' };
  const user = (await (
    await server.api('/api/v1/users', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'load@example.vn', role: 'viewer' }),
    })
  ).json()) as { id: number };
  const { token } = (await (
    await server.api('/api/v1/tokens', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ label: 'load', user_id: user.id }),
    })
  ).json()) as { token: string };
  const signIn = await fetch(server.signInLink, { redirect: 'manual' });
  const cookie = /thidua_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0];
  const admin = { authorization: `Bearer ${server.token}` };
  const runs: [string, string[], Record<string, string>][] = [
    ['no-op route (floor), ADMIN_TOKEN', ['/api/v1/_bench/noop'], admin],
    ['dashboard mix, ADMIN_TOKEN', MIX, admin],
    ['dashboard mix, API token', MIX, { authorization: `Bearer ${token}` }],
    ['dashboard mix, session cookie', MIX, { cookie }],
    ['dashboard mix, ADMIN_TOKEN, every answer recomputed', MIX, { ...admin, 'X-Cache-Bypass': '1' }],
  ];
  // one pass first, so no run pays for warming the edge cache or the isolate
  for (const p of MIX) await (await fetch(server.url + p, { headers: admin })).arrayBuffer();
  const results = [];
  for (const [name, paths, headers] of runs) {
    const r = await run(paths, headers);
    console.error(`${name}: ${r.rps.toFixed(0)} requests/s, errors ${JSON.stringify(r.errors)}, load ${r.load}`);
    results.push({ name, ...r });
  }
  const floor = results[0].rps;
  console.log(`\n${CLIENTS} clients × ${SECONDS} s per run; the mix: ${MIX.join(', ')}\n`);
  console.log('| run | requests/s | vs floor | p50 ms | p95 ms | errors | load average after |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const errors = Object.entries(r.errors)
      .map(([k, v]) => `${v} × ${k}`)
      .join(', ');
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / floor).toFixed(2)}× | ${r.p50.toFixed(0)} | ` +
        `${r.p95.toFixed(0)} | ${errors || '0'} | ${r.load} |`,
    );
  }
} finally {
  await server.stop();
}
