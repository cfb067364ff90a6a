import { createMiddleware } from 'hono/factory';
import type { AppEnv, Bindings } from '../env';
import { provinceConfig, sliceRows } from './role';
import { httpsTransport, pushToNational } from './send';

/**
 * On a province (NATIONAL_URL + FEDERATION_TOKEN): after an import or rollback has answered,
 * its changes are visible, so the push starts then, in the background (waitUntil). A push that
 * fails stays in the outbox (what was acknowledged) and goes with the next one, in order.
 */
export const pushAfterChange = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!provinceConfig(c.env) || c.req.method === 'GET' || c.res.status >= 300) return;
  c.executionCtx.waitUntil(pushIfProvince(c.env).catch((e) => console.error('federation', e)));
});

/**
 * The push after a change, on a province; nothing elsewhere (the import Workflow calls it too).
 * `heartbeat`: tell the national this province is alive even when nothing changed (the Cron).
 */
export async function pushIfProvince(env: Bindings, heartbeat = false): Promise<string> {
  const config = provinceConfig(env);
  if (!config) return 'not a province';
  const r = await pushToNational(env.DB, config.token, httpsTransport(config.url), {
    heartbeat,
    sliceRows: sliceRows(env),
  });
  return r.error ?? `version ${r.acked_version}`;
}
