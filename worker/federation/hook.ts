import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { provinceConfig } from './role';
import { httpsTransport, pushToNational } from './send';

/**
 * On a province (NATIONAL_URL + FEDERATION_TOKEN): after an import or rollback has answered,
 * its changes are visible, so the push starts then, in the background (waitUntil). A push that
 * fails stays in the outbox (what was acknowledged) and goes with the next one, in order.
 */
export const pushAfterChange = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const config = provinceConfig(c.env);
  if (!config || c.req.method === 'GET' || c.res.status >= 300) return;
  c.executionCtx.waitUntil(
    pushToNational(c.env.DB, config.token, httpsTransport(config.url)).catch((e) => console.error('federation', e)),
  );
});
