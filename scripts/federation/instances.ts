// The three instances of the local federation (a national one, two provinces), each `wrangler
// dev` as `npm start` runs it, with its own data directory, port, secrets and demo data. Shared
// by `npm run federation:demo` (for a person to look at) and `npm run federation:check`.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { freePort } from '../lib/freePort.ts';
import path from 'node:path';
import { generateDemo } from '../demo/index.ts';
import { demoToSql } from '../demo/toSql.ts';
import { wrangler } from '../lib/run.ts';
import { ownTree, secondProvince } from './demoData.ts';

export interface Instance {
  name: string;
  port: number;
  dir: string;
  province?: string;
  data?: () => ReturnType<typeof generateDemo>;
  secrets: { admin: string; embed: string; signIn: string };
  child?: ChildProcess;
}

const first = () => ownTree(generateDemo(), ['TB', 'HY', 'HY-2025']);

/** National, Hưng Yên (the demo), "Ninh Bình" (the demo renamed, from 2018), under `base`. */
export function federation(base: string, ports: [number, number, number]): Instance[] {
  return [
    { name: 'quốc gia / national', port: ports[0] },
    { name: 'Hưng Yên (Thái Bình + Hưng Yên)', port: ports[1], province: 'HY-2025', data: first },
    {
      name: 'Ninh Bình (Nam Định + Ninh Bình, demo renamed)',
      port: ports[2],
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
}

export const url = (i: Instance) => `http://127.0.0.1:${i.port}`;

export async function api<T = unknown>(i: Instance, p: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${url(i)}/api/v1${p}`, {
    ...init,
    headers: { authorization: `Bearer ${i.secrets.admin}`, 'content-type': 'application/json', ...init.headers },
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${i.name} ${p}: ${res.status} ${JSON.stringify(body)}`);
  return body as T;
}

/** Migrations, and the demo data the first time (a province with no batches yet). */
export async function prepare(i: Instance): Promise<void> {
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

/** wrangler dev in its own process group, so that stop() ends workerd with it. */
export async function start(i: Instance, vars: Record<string, string>, quiet = false): Promise<void> {
  const all = {
    ADMIN_TOKEN: i.secrets.admin,
    EMBED_SECRET: i.secrets.embed,
    SIGN_IN_SECRET: i.secrets.signIn,
    LOCAL_DEV: '1',
    ...vars,
  };
  // an inspector port of its own: wranglers started together otherwise race for the same one
  const inspector = String(await freePort());
  const args = [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(i.port),
    '--inspector-port',
    inspector,
    '--persist-to',
    i.dir,
  ];
  for (const [k, v] of Object.entries(all)) args.push('--var', `${k}:${v}`);
  // GET /cdn-cgi/handler/scheduled runs the Cron Trigger's handler (the heartbeat), as the daily Cron does
  args.push('--test-scheduled', '--show-interactive-dev-session=false', '--log-level', 'error');
  i.child = spawn('wrangler', args, {
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    detached: true,
  });
}

/**
 * The instance's scheduled handler, as its Cron Trigger runs it (on a province: push or heartbeat).
 * wrangler dev's /cdn-cgi/handler/scheduled: its older /__scheduled is answered by the dashboard's
 * single-page fallback (assets come first for every path but /api/* and /embed/*), silently.
 */
export async function cron(i: Instance): Promise<void> {
  const res = await fetch(`${url(i)}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('17 3 * * *')}`);
  const body = await res.text();
  if (!res.ok || body !== 'ok') throw new Error(`${i.name} scheduled handler: ${res.status} ${body.slice(0, 200)}`);
}

export async function up(i: Instance): Promise<void> {
  for (let t = 0; t < 180; t++) {
    try {
      await api(i, '/meta');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new Error(`${i.name} did not start on ${url(i)}`);
}

export async function stop(i: Instance): Promise<void> {
  const child = i.child;
  if (!child || child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
}

/** The national's push token for a province, made once and kept in the province's data directory. */
export async function tokenFor(national: Instance, p: Instance): Promise<string> {
  const file = path.join(p.dir, 'federation-token');
  if (!existsSync(file)) {
    const { token } = await api<{ token: string }>(national, '/federation/tokens', {
      method: 'POST',
      body: JSON.stringify({ province: p.province }),
    });
    writeFileSync(file, token, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** National first, then the provinces wired to it. */
export async function startAll(instances: Instance[], staleSeconds: string, quiet = false): Promise<void> {
  const [national, ...provinces] = instances;
  await start(national, { ROLE: 'national', FEDERATION_STALE_SECONDS: staleSeconds }, quiet);
  await up(national);
  for (const p of provinces)
    await start(p, { NATIONAL_URL: url(national), FEDERATION_TOKEN: await tokenFor(national, p) }, quiet);
  for (const p of provinces) await up(p);
}
