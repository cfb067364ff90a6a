// `npm start`: build the dashboard, migrate the local D1, load the demo into an empty
// database, serve dashboard + API with `wrangler dev`. Honours PORT, DATA_DIR, DEMO=0 and
// ADMIN_TOKEN (shared/spec/contract.md, "Running it").
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run, wrangler } from './lib/run.ts';
import { generateDemo } from './demo/index.ts';
import { demoToSql } from './demo/toSql.ts';
import { signInLink } from './lib/signInLink.ts';

const port = process.env.PORT ?? '8787';
const dataDir = path.resolve(process.env.DATA_DIR ?? '.wrangler/state');
const withDemo = process.env.DEMO !== '0';
mkdirSync(dataDir, { recursive: true });

// In development the bootstrap admin token and the key that signs embed tokens are generated
// once per data directory (so they survive a restart); the admin token is printed.
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

const persist = ['--local', '--persist-to', dataDir];

if (process.env.SKIP_BUILD !== '1') await run('vite', ['build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn']);
await wrangler(['d1', 'migrations', 'apply', 'DB', ...persist], { quiet: true });

if (withDemo) {
  const out = await wrangler(['d1', 'execute', 'DB', ...persist, '--json', '--command', 'SELECT COUNT(*) AS n FROM import_batches'], { capture: true });
  const count = JSON.parse(out)[0].results[0].n as number;
  if (count === 0) {
    const started = Date.now();
    const file = path.join(dataDir, 'demo.sql');
    writeFileSync(file, demoToSql(generateDemo()).join('\n'));
    await wrangler(['d1', 'execute', 'DB', ...persist, '--file', file, '--yes'], { quiet: true });
    console.log(`Dữ liệu mẫu đã nạp / demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

console.log(`
  thidua: http://127.0.0.1:${port}
  Đăng nhập / sign in (mở liên kết này / open this link, valid 24 h):
    ${await signInLink(`http://127.0.0.1:${port}`, adminToken)}
  API:    http://127.0.0.1:${port}/api/v1/meta (Authorization: Bearer <token>)
  ADMIN_TOKEN: ${adminToken}
  Dữ liệu / data: ${dataDir}${withDemo ? '' : ' (DEMO=0: no demo data)'}
`);

await run('wrangler', [
  'dev',
  // the benchmark's entry adds its baseline routes to the deployed Worker
  ...(process.env.BENCH === '1' ? ['scripts/bench/worker.ts'] : []),
  '--ip', '127.0.0.1',
  '--port', port,
  '--persist-to', dataDir,
  '--var', `ADMIN_TOKEN:${adminToken}`,
  '--var', `EMBED_SECRET:${embedSecret}`,
  '--show-interactive-dev-session=false',
  '--log-level', process.env.WRANGLER_LOG ?? 'warn',
], { hide: offlineNoise });

// Offline, wrangler cannot fetch the `Request.cf` sample object and says so (with a stack) on
// every start; it falls back to a placeholder, which is harmless here.
function offlineNoise(line: string): boolean {
  return /Unable to fetch the `Request\.cf` object|getaddrinfo ENOTFOUND workers\.cloudflare\.com|^\s+at (GetAddrInfoReqWrap|process\.processTicksAndRejections)/.test(line);
}
