import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { freePort } from '../../scripts/lib/freePort.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadDemo, migrate } from '../../scripts/lib/prepareData.ts';
import { signInLink as makeSignInLink } from '../../scripts/lib/signInLink.ts';

export interface Server {
  url: string;
  /** The bootstrap ADMIN_TOKEN the server runs with. */
  token: string;
  /** The one-click sign-in link `npm start` printed (it opens one session). */
  signInLink: string;
  /** Another bootstrap admin link, as `npm run sign-in-link` makes it for this server. */
  newSignInLink: () => Promise<string>;
  /** fetch() on this server as the bootstrap admin (Authorization: Bearer). */
  api: (path: string, init?: RequestInit) => Promise<Response>;
  dataDir: string;
  /** Process group of `npm start` and everything it runs (wrangler, workerd). */
  pgid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** Whether a process of the group still runs (a zombie holds no file; it may wait long for init). */
function groupAlive(pgid: number): boolean {
  const ps = spawnSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' });
  return ps.stdout.split('\n').some((line) => {
    const [g, stat] = line.trim().split(/\s+/);
    return Number(g) === pgid && stat !== undefined && !stat.startsWith('Z');
  });
}

async function groupGone(pgid: number, ms: number) {
  for (const end = Date.now() + ms; groupAlive(pgid) && Date.now() < end; )
    await new Promise((r) => setTimeout(r, 100));
}

// Loading the demo took about 30 s of every test file's start (80 s on a busy machine): a run
// prepares one migrated demo directory the way `npm start` does (scripts/lib/prepareData.ts) and
// each file starts on a copy of it, which `npm start` then serves as a restart would.
// Outside vitest (the benchmark scripts) there is no run to share it with: null, and `npm start`
// loads the demo into the empty directory itself.
async function demoTemplate(): Promise<string | null> {
  let root: string;
  try {
    root = inject('e2eTemplates');
  } catch {
    return null;
  }
  const at = path.join(root, 'demo');
  if (existsSync(at)) return at;
  const making = mkdtempSync(`${at}-`);
  await migrate(making);
  await loadDemo(making);
  rmSync(path.join(making, 'demo.sql'));
  // atomic: a file started meanwhile finds either no template or a whole one
  if (existsSync(at)) rmSync(making, { recursive: true });
  else renameSync(making, at);
  return at;
}

/**
 * Runs `npm start` exactly as a user would (the dashboard is already built by `npm test`); with the
 * demo (no DEMO=0) on a copy of the run's prepared demo directory. `cwd`: another checkout (the
 * benchmark's side-by-side runs); `readyPath`: what is polled until it answers (a route that loads
 * no catalogue, when the first /meta is what is measured).
 */
export async function startServer(
  env: Record<string, string> = {},
  o: { cwd?: string; readyPath?: string } = {},
): Promise<Server> {
  if (env.PORT) return startOn(Number(env.PORT), env, o);
  // a free port can be taken between the probe and wrangler's bind (two files and their workerd
  // run at once): then wrangler exits with "Address already in use" and another port is tried
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(await freePort(), env, o);
    } catch (e) {
      if (attempt === 3 || !String(e).includes('Address already in use')) throw e;
    }
  }
}

async function startOn(
  port: number,
  env: Record<string, string>,
  o: { cwd?: string; readyPath?: string },
): Promise<Server> {
  // a fresh strong token each run, always the same length (a test reads it back from the output)
  const token = env.ADMIN_TOKEN ?? `e2e-${randomBytes(16).toString('hex')}`;
  env = { ...env, ADMIN_TOKEN: token };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'thidua-e2e-'));
  const template = env.DEMO !== '0' ? await demoTemplate() : null;
  if (template) cpSync(template, dataDir, { recursive: true });
  let out = '';
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: o.cwd,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SKIP_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const api = (p: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return fetch(`${url}${p}`, { ...init, headers });
  };
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    // workerd outlives npm for a moment and holds the D1 file's lock: wait for the whole group,
    // killed if it lingers, and gone (a SIGKILL is delivered, not done, when kill returns)
    await groupGone(child.pid!, 10_000);
    if (groupAlive(child.pid!)) {
      process.kill(-child.pid!, 'SIGKILL');
      await groupGone(child.pid!, 5_000);
    }
  };
  // npm start saved the key of sign-in links in DATA_DIR
  const newSignInLink = async () =>
    makeSignInLink(url, readFileSync(path.join(dataDir, 'sign-in-secret'), 'utf8').trim());
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await api(o.readyPath ?? '/api/v1/meta');
      const signInLink = /(http:\/\/\S+\/api\/v1\/auth\/sign-in\?ticket=\S+)/.exec(out)?.[1];
      if (res.ok && signInLink)
        return { url, token, signInLink, newSignInLink, api, dataDir, pgid: child.pid!, output: () => out, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`npm start did not serve ${url} within 180 s:\n${out}`);
}
