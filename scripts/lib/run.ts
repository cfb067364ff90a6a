import { spawn } from 'node:child_process';

// Wrangler would otherwise try to send usage metrics; these machines have no internet.
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };

/** Runs a command from node_modules/.bin (npm scripts put it on PATH) and fails loudly. */
export function run(cmd: string, args: string[], opts: { quiet?: boolean; capture?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: opts.quiet || opts.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code})\n${out}\n${err}`));
    });
    for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => child.kill(s));
  });
}

export const wrangler = (args: string[], opts?: { quiet?: boolean; capture?: boolean }) => run('wrangler', args, opts);
