import { Hono } from 'hono';
import type { AppEnv } from './env';
import { notFound, onError } from './middleware/errors';
import { readCost } from './middleware/readCost';
import { writeAuth } from './middleware/writeAuth';
import { awardsRoutes } from './routes/awards';
import { importsRoutes } from './routes/imports';
import { metaRoutes } from './routes/meta';

// Static dashboard assets are served by the platform ([assets] in wrangler.toml); only
// /api/* reaches this app.
const api = new Hono<AppEnv>()
  .use('*', readCost)
  .use('*', writeAuth)
  .route('/meta', metaRoutes)
  .route('/awards', awardsRoutes)
  .route('/imports', importsRoutes);

const app = new Hono<AppEnv>().route('/api/v1', api);
app.onError(onError);
app.notFound(notFound);

export type ApiType = typeof api;
export default app;
