import { spawn } from 'node:child_process';

// Wrangler would otherwise try to send usage metrics; these machines have no internet.
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };

/** Runs a command from node_modules/.bin (npm scripts put it on PATH) and fails loudly. */
export function run(
  cmd: string,
  args: string[],
  opts: { quiet?: boolean; capture?: boolean; hide?: (line: string) => boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const piped = opts.quiet || opts.capture || opts.hide;
    const child = spawn(cmd, args, { env, stdio: piped ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    let err = '';
    if (opts.hide) {
      const hide = opts.hide;
      const pass = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
        const lines = chunk.toString().split('\n');
        target.write(lines.filter((l, i) => !hide(l) || (i === lines.length - 1 && l === '')).join('\n'));
      };
      child.stdout?.on('data', pass(process.stdout));
      child.stderr?.on('data', pass(process.stderr));
    } else {
      child.stdout?.on('data', (d) => (out += d));
      child.stderr?.on('data', (d) => (err += d));
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code})\n${out}\n${err}`));
    });
    for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => child.kill(s));
  });
}

export const wrangler = (args: string[], opts?: Parameters<typeof run>[2]) => run('wrangler', args, opts);
