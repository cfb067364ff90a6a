// `npm start`: build the dashboard, migrate the local D1, load the demo into an empty
// database, serve dashboard + API with `wrangler dev`. Honours PORT, DATA_DIR, DEMO=0 and
// ADMIN_TOKEN (the product contract, docs/api.md), and EMBED_SECRET, SIGN_IN_SECRET.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDemo, migrate, resetFailuresAndCountBatches } from './lib/prepareData.ts';
import { run } from './lib/run.ts';
import { signInLink } from './lib/signInLink.ts';
import { isWeakSecret, MIN_SECRET_LENGTH } from '../worker/auth/deployment.ts';

const port = process.env.PORT ?? '8787';
const FEDERATION_VARS = ['ROLE', 'NATIONAL_URL', 'FEDERATION_TOKEN', 'FEDERATION_STALE_SECONDS'];
const dataDir = path.resolve(process.env.DATA_DIR ?? '.wrangler/state');
const withDemo = process.env.DEMO !== '0';
mkdirSync(dataDir, { recursive: true });

// In development the bootstrap admin token and the keys that sign embed tokens and sign-in
// links are generated once per data directory (so they survive a restart); the admin token is
// printed. Sign-in links have a key of their own: a link is a sample anyone who sees it could
// use to guess the key offline, and ADMIN_TOKEN may be a short one given by hand.
function persisted(name: string, file: string, bytes: number): string {
  const fromEnv = process.env[name];
  if (fromEnv) return fromEnv;
  const at = path.join(dataDir, file);
  if (existsSync(at)) return readFileSync(at, 'utf8').trim();
  const value = randomBytes(bytes).toString('base64url');
  writeFileSync(at, value, { mode: 0o600 });
  return value;
}
const adminToken = persisted('ADMIN_TOKEN', 'admin-token', 24);
const embedSecret = persisted('EMBED_SECRET', 'embed-secret', 32);
const signInSecret = persisted('SIGN_IN_SECRET', 'sign-in-secret', 32);

// the contract honours any ADMIN_TOKEN locally; a deployed Worker would refuse this one
const weakToken = isWeakSecret(adminToken)
  ? `\n  Cảnh báo / warning: ADMIN_TOKEN is short or repetitive. Fine on ` +
    `this machine; a deployed Worker refuses it (at least ` +
    `${MIN_SECRET_LENGTH} random characters).`
  : '';

if (process.env.SKIP_BUILD !== '1')
  await run('vite', ['build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn']);
await migrate(dataDir);
// Locally every client is one address (the rate limit cannot tell them apart), so a restart is
// the way out of a lockout: the failure counts start again.
const batches = await resetFailuresAndCountBatches(dataDir);
if (withDemo && batches === 0) {
  const seconds = await loadDemo(dataDir);
  console.log(`Dữ liệu mẫu đã nạp / demo data loaded in ${seconds.toFixed(1)} s`);
}

console.log(`
  thidua: http://127.0.0.1:${port}
  Đăng nhập / sign in (mở liên kết này / open this link, valid 24 h):
    ${await signInLink(`http://127.0.0.1:${port}`, signInSecret)}
  (một liên kết mở một phiên / a link opens one session: npm run sign-in-link prints another)
  API:    http://127.0.0.1:${port}/api/v1/meta (Authorization: Bearer <token>)
  ADMIN_TOKEN: ${adminToken}${weakToken}
  Dữ liệu / data: ${dataDir}${withDemo ? '' : ' (DEMO=0: no demo data)'}
`);

// Offline, wrangler cannot fetch the `Request.cf` sample object and says so (with a stack) on
// every start; it falls back to a placeholder, which is harmless here. Defined before wrangler
// starts: its first line can arrive before the module would reach a later definition.
const OFFLINE_NOISE = [
  /Unable to fetch the `Request\.cf` object/,
  /getaddrinfo ENOTFOUND workers\.cloudflare\.com/,
  /^\s+at (GetAddrInfoReqWrap|process\.processTicksAndRejections)/,
];
function offlineNoise(line: string): boolean {
  return OFFLINE_NOISE.some((re) => re.test(line));
}

await run(
  'wrangler',
  [
    'dev',
    // the benchmark's entry adds its baseline routes to the deployed Worker
    ...(process.env.BENCH === '1' ? ['scripts/bench/worker.ts'] : []),
    '--ip',
    '127.0.0.1',
    '--port',
    port,
    '--persist-to',
    dataDir,
    '--var',
    `ADMIN_TOKEN:${adminToken}`,
    '--var',
    `EMBED_SECRET:${embedSecret}`,
    '--var',
    `SIGN_IN_SECRET:${signInSecret}`,
    // local rules: any ADMIN_TOKEN, and CF-Connecting-IP not trusted (worker/auth/deployment.ts)
    '--var',
    'LOCAL_DEV:1',
    // the federation's settings (README), passed on only when given
    ...FEDERATION_VARS.flatMap((name) => (process.env[name] ? ['--var', `${name}:${process.env[name]}`] : [])),
    '--show-interactive-dev-session=false',
    '--log-level',
    process.env.WRANGLER_LOG ?? 'warn',
  ],
  { hide: offlineNoise },
);
