import type { Bindings } from '../env';
import { pushIfProvince } from './hook';

// The Cron Trigger ([triggers] in wrangler.toml): on a province, what POST /federation/send does,
// without a person: the changes not yet acknowledged, the rest of a resync cut short, or a
// heartbeat, so that the national does not mark the province stale. Elsewhere nothing.
export async function scheduled(controller: ScheduledController, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  const result = await pushIfProvince(env, true);
  if (result !== 'not a province') console.log(`federation cron ${controller.cron}: ${result}`);
}
