// `npm run federation:demo`: two province instances (each its own data directory, port and
// demo data) and one national instance, wired with push tokens, for a person to look at.
// Each is `wrangler dev` as `npm start` runs it, with the federation's variables added.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemo } from '../demo/index.ts';
import { demoToSql } from '../demo/toSql.ts';
import { run, wrangler } from '../lib/run.ts';
import { signInLink } from '../lib/signInLink.ts';
import { ownTree, secondProvince } from './demoData.ts';

const base = path.resolve(process.env.FEDERATION_DIR ?? '.wrangler/federation');
const firstPort = Number(process.env.PORT ?? 8790);
// short, so that a stopped province shows as stale while someone is looking
const staleSeconds = process.env.FEDERATION_STALE_SECONDS ?? '90';
const HEARTBEAT_MS = 30_000;

interface Instance {
  name: string;
  port: number;
  dir: string;
  province?: string;
  data?: () => ReturnType<typeof generateDemo>;
  secrets: { admin: string; embed: string; signIn: string };
  child?: ChildProcess;
}

const first = () => ownTree(generateDemo(), ['TB', 'HY', 'HY-2025']);
const instances: Instance[] = [
  { name: 'quốc gia / national', port: firstPort },
  { name: 'Hưng Yên (Thái Bình + Hưng Yên)', port: firstPort + 1, province: 'HY-2025', data: first },
  {
    name: 'Ninh Bình (Nam Định + Ninh Bình, demo renamed)',
    port: firstPort + 2,
    province: 'NB.HY-2025',
    data: () => secondProvince(first()),
  },
].map((i, n) => {
  const dir = path.join(base, ['national', 'province-1', 'province-2'][n]);
  mkdirSync(dir, { recursive: true });
  const keep = (file: string) => {
    const at = path.join(dir, file);
    if (!existsSync(at)) writeFileSync(at, randomBytes(24).toString('base64url'), { mode: 0o600 });
    return readFileSync(at, 'utf8').trim();
  };
  return {
    ...i,
    dir,
    secrets: { admin: keep('admin-token'), embed: keep('embed-secret'), signIn: keep('sign-in-secret') },
  };
});
const [national, ...provinces] = instances;
const url = (i: Instance) => `http://127.0.0.1:${i.port}`;

async function api(i: Instance, p: string, init: RequestInit = {}) {
  const res = await fetch(`${url(i)}/api/v1${p}`, {
    ...init,
    headers: { authorization: `Bearer ${i.secrets.admin}`, 'content-type': 'application/json', ...init.headers },
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${i.name} ${p}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function prepare(i: Instance) {
  const persist = ['--local', '--persist-to', i.dir];
  await wrangler(['d1', 'migrations', 'apply', 'DB', ...persist], { quiet: true });
  if (!i.data) return;
  const out = await wrangler(
    ['d1', 'execute', 'DB', ...persist, '--json', '--command', 'SELECT COUNT(*) AS n FROM import_batches'],
    { capture: true },
  );
  if ((JSON.parse(out) as { results: { n: number }[] }[])[0].results[0].n > 0) return;
  const file = path.join(i.dir, 'demo.sql');
  writeFileSync(file, demoToSql(i.data()).join('\n'));
  await wrangler(['d1', 'execute', 'DB', ...persist, '--file', file, '--yes'], { quiet: true });
}

function start(i: Instance, vars: Record<string, string>) {
  const all = {
    ADMIN_TOKEN: i.secrets.admin,
    EMBED_SECRET: i.secrets.embed,
    SIGN_IN_SECRET: i.secrets.signIn,
    LOCAL_DEV: '1',
    ...vars,
  };
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(i.port), '--persist-to', i.dir];
  for (const [k, v] of Object.entries(all)) args.push('--var', `${k}:${v}`);
  args.push('--show-interactive-dev-session=false', '--log-level', 'error');
  i.child = spawn('wrangler', args, { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
}

async function up(i: Instance) {
  for (let t = 0; t < 120; t++) {
    try {
      await api(i, '/meta');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new Error(`${i.name} did not start on ${url(i)}`);
}

function stop() {
  for (const i of instances) i.child?.kill('SIGTERM');
}
process.once('SIGINT', () => {
  stop();
  process.exit(130);
});
process.once('SIGTERM', () => {
  stop();
  process.exit(143);
});

process.env.WRANGLER_SEND_METRICS = 'false';
if (process.env.SKIP_BUILD !== '1')
  await run('vite', ['build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn']);
for (const i of instances) await prepare(i);

start(national, { ROLE: 'national', FEDERATION_STALE_SECONDS: staleSeconds });
await up(national);
for (const p of provinces) {
  // one token per province, kept in its data directory so a restart reuses it
  const file = path.join(p.dir, 'federation-token');
  if (!existsSync(file)) {
    const { token } = (await api(national, '/federation/tokens', {
      method: 'POST',
      body: JSON.stringify({ province: p.province }),
    })) as { token: string };
    writeFileSync(file, token, { mode: 0o600 });
  }
  start(p, { NATIONAL_URL: url(national), FEDERATION_TOKEN: readFileSync(file, 'utf8').trim() });
}
for (const p of provinces) await up(p);

// what a Cron Trigger does when deployed: push whatever is not acknowledged, or a heartbeat
async function heartbeat() {
  for (const p of provinces) {
    try {
      await api(p, '/federation/send', { method: 'POST' });
    } catch (e) {
      console.error(`${p.name}: ${e instanceof Error ? e.message : e}`);
    }
  }
}
await heartbeat();
setInterval(heartbeat, HEARTBEAT_MS);

console.log('\n  Liên thông dữ liệu / federation demo (Ctrl-C stops all three)\n');
for (const i of instances)
  console.log(`  ${i.name}: ${url(i)}
    đăng nhập / sign in: ${await signInLink(url(i), i.secrets.signIn)}
    ADMIN_TOKEN: ${i.secrets.admin}   data: ${i.dir}\n`);
console.log(`  Đối chiếu / reconciliation: ${url(national)}/doi-chieu`);
const status = await api(national, '/federation/status');
console.log(`  ${JSON.stringify(status)}\n`);
