// `npm run federation:demo`: two province instances (each its own data directory, port and
// demo data) and one national instance, wired with push tokens, for a person to look at.
// `npm run federation:check` runs the same three and measures them (scripts/federation/check.ts).
import path from 'node:path';
import { run } from '../lib/run.ts';
import { signInLink } from '../lib/signInLink.ts';
import { api, cron, federation, prepare, startAll, stop, url } from './instances.ts';

const base = path.resolve(process.env.FEDERATION_DIR ?? '.wrangler/federation');
const firstPort = Number(process.env.PORT ?? 8790);
// short, so that a stopped province shows as stale while someone is looking
const staleSeconds = process.env.FEDERATION_STALE_SECONDS ?? '90';
const HEARTBEAT_MS = 30_000;

const instances = federation(base, [firstPort, firstPort + 1, firstPort + 2]);
const [national, ...provinces] = instances;

const stopAll = () => Promise.all(instances.map(stop));
process.once('SIGINT', () => stopAll().then(() => process.exit(130)));
process.once('SIGTERM', () => stopAll().then(() => process.exit(143)));

process.env.WRANGLER_SEND_METRICS = 'false';
if (process.env.SKIP_BUILD !== '1')
  await run('vite', ['build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn']);
for (const i of instances) await prepare(i);
await startAll(instances, staleSeconds);

// the first push (POST /federation/send answers once it is done), then what the daily Cron Trigger
// does when deployed, every 30 s here (its handler through /cdn-cgi/handler/scheduled): push whatever is not
// acknowledged, or a heartbeat
for (const p of provinces) await api(p, '/federation/send', { method: 'POST' });
async function heartbeat() {
  for (const p of provinces) {
    if (p.child?.exitCode !== null) continue;
    try {
      await cron(p);
    } catch (e) {
      console.error(`${p.name}: ${e instanceof Error ? e.message : e}`);
    }
  }
}
setInterval(heartbeat, HEARTBEAT_MS);

console.log('\n  Liên thông dữ liệu / federation demo (Ctrl-C stops all three)\n');
for (const i of instances)
  console.log(`  ${i.name}: ${url(i)}
    đăng nhập / sign in: ${await signInLink(url(i), i.secrets.signIn)}
    ADMIN_TOKEN: ${i.secrets.admin}   data: ${i.dir}\n`);
console.log(`  Đối chiếu / reconciliation: ${url(national)}/doi-chieu
  Try: import a file or roll a batch back on a province's Dữ liệu page: the national follows within
  seconds. Stop a province (kill -- -${provinces[1].child?.pid}, its wrangler): after ${staleSeconds} s the
  Đối chiếu page marks it stale and its last figures still count.`);
const status = await api(national, '/federation/status');
console.log(`  ${JSON.stringify(status)}\n`);
