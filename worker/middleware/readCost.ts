import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/** Reports what a request cost in D1: rows read (X-Rows-Read) and time (Server-Timing). */
export const readCost = createMiddleware<AppEnv>(async (c, next) => {
  const cost = { rowsRead: 0 };
  c.set('cost', cost);
  const started = performance.now();
  await next();
  c.header('X-Rows-Read', String(cost.rowsRead));
  c.header('Server-Timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
});
