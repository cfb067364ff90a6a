// `npm run bench:auth`: what signing in costs a request. On `npm start` with the demo, the same
// read (GET /api/v1/awards/summary?group_by=year, served from the edge cache after the first
// call, so the rest of the request costs almost nothing) asked ROUNDS times with each credential,
// interleaved so that machine noise falls on all alike: the bootstrap ADMIN_TOKEN (the failure count only),
// an API token and a session cookie (one D1 round trip each), a scoped user's API token.
import { loadavg } from 'node:os';
import { startServer } from '../../test/e2e/server.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 300);
const server = await startServer();
const json = { 'content-type': 'application/json' };
try {
  const make = async (email: string, scope: Record<string, string>) => {
    const user = (await (
      await server.api('/api/v1/users', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email, role: 'viewer', ...scope }),
      })
    ).json()) as { id: number };
    const tok = (await (
      await server.api('/api/v1/tokens', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ label: 'bench', user_id: user.id }),
      })
    ).json()) as { token: string };
    return tok.token;
  };
  const apiToken = await make('bench@example.vn', {});
  const scopedToken = await make('bench.scoped@example.vn', { scope_unit: 'TB-TT' });
  const signIn = await fetch(server.signInLink, { redirect: 'manual' });
  const cookie = /thidua_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0];

  const ways: Record<string, Record<string, string>> = {
    ADMIN_TOKEN: { authorization: `Bearer ${server.token}` },
    'API token': { authorization: `Bearer ${apiToken}` },
    'session cookie': { cookie },
    'API token, unit scope': { authorization: `Bearer ${scopedToken}` },
  };
  const path = '/api/v1/awards/summary?group_by=year';
  const samples: Record<string, { ms: number[]; rows: number }> = {};
  for (const name of Object.keys(ways)) samples[name] = { ms: [], rows: 0 };
  for (let r = 0; r < ROUNDS + 10; r++) {
    for (const [name, headers] of Object.entries(ways)) {
      const t = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
      if (r >= 10) {
        samples[name]!.ms.push(performance.now() - t);
        samples[name]!.rows = Number(res.headers.get('X-Rows-Read'));
      }
    }
  }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  const base = pct(samples.ADMIN_TOKEN!.ms, 50);
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; ${ROUNDS} calls each, interleaved; ${path} (edge-cache hits)\n`,
  );
  console.log('| credential | D1 rows read per call | p50 ms | p95 ms | p50 vs ADMIN_TOKEN |');
  console.log('|---|---|---|---|---|');
  for (const [name, s] of Object.entries(samples)) {
    console.log(
      `| ${name} | ${s.rows} | ${pct(s.ms, 50).toFixed(1)} | ` +
        `${pct(s.ms, 95).toFixed(1)} | ${(pct(s.ms, 50) / base).toFixed(2)}× |`,
    );
  }
} finally {
  await server.stop();
}
