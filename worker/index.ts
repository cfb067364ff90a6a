import { Hono } from 'hono';
import { openAPIRouteHandler } from 'hono-openapi';
import { documentation } from './openapi';
import type { AppEnv } from './env';
import { apiHeaders } from './middleware/apiHeaders';
import { notFound, onError } from './middleware/errors';
import { readCost } from './middleware/readCost';
import { keepToday } from './middleware/keepToday';
import { authenticate } from './middleware/authenticate';
import { d1Session } from './middleware/d1Session';
import { requestLimit } from './middleware/requestLimit';
import { versionCache } from './middleware/versionCache';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { tokensRoutes } from './routes/tokens';
import { usersRoutes } from './routes/users';
import { awardsRoutes } from './routes/awards';
import { embedDataRoutes } from './routes/embedData';
import { embedsRoutes } from './routes/embeds';
import { snapshotsRoutes } from './routes/snapshots';
import { embedPage } from './embed/page';
import { aliasesRoutes } from './routes/aliases';
import { importsRoutes } from './routes/imports';
import { metaRoutes } from './routes/meta';
import { movementsRoutes } from './routes/movements';
import { reportsRoutes } from './routes/reports';
import { targetsRoutes } from './routes/targets';
import { annotationsRoutes } from './routes/annotations';
import { uploadsRoutes } from './routes/uploads';
import { federationRoutes } from './routes/federation';

// Static dashboard assets are served by the platform ([assets] in wrangler.toml); only
// /api/* and /embed/* reach this app.
export const api = new Hono<AppEnv>()
  .use('*', apiHeaders)
  .use('*', readCost)
  .use('*', keepToday)
  .use('*', d1Session)
  // before requestLimit and authenticate: a push is large, and its signature is its credential
  .route('/federation', federationRoutes)
  .use('*', requestLimit)
  .use('*', authenticate)
  .use('*', versionCache)
  .route('/auth', authRoutes)
  .route('/users', usersRoutes)
  .route('/tokens', tokensRoutes)
  .route('/audit', auditRoutes)
  .route('/meta', metaRoutes)
  .route('/awards', awardsRoutes)
  .route('/movements', movementsRoutes)
  .route('/reports', reportsRoutes)
  // before /imports: its POST /{dataset} would take 'aliases' for a dataset
  .route('/imports/aliases', aliasesRoutes)
  .route('/imports', importsRoutes)
  .route('/uploads', uploadsRoutes)
  .route('/embeds', embedsRoutes)
  .route('/embed-data', embedDataRoutes)
  .route('/snapshots', snapshotsRoutes)
  .route('/targets', targetsRoutes)
  .route('/annotations', annotationsRoutes);

api.get('/openapi.json', openAPIRouteHandler(api, { documentation }));

const app = new Hono<AppEnv>().route('/api/v1', api);
// The embed page needs headers from its verified token (frame-ancestors), so it reaches the
// Worker first too (run_worker_first in wrangler.toml).
app.get('/embed/:chart', embedPage);
app.onError(onError);
app.notFound(notFound);

export type ApiType = typeof api;
export default app;
