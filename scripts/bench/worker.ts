// The Worker as deployed, plus the naive baseline under /api/v1/_bench (behind the same
// middleware, so a no-op call costs what any call costs): `npm start` serves this entry instead
// of worker/index.ts when BENCH=1, which only the benchmark scripts set. Its D1 binding records
// each call's time (scripts/bench/timedD1.ts, read back at /api/v1/_bench/d1-timings).
import app from '../../worker/index.ts';
import type { Bindings } from '../../worker/env.ts';
import { benchRoutes } from './routes.ts';
import { timedD1 } from './timedD1.ts';

export { ImportWorkflow } from '../../worker/workflows/import.ts';

app.route('/api/v1/_bench', benchRoutes);

export default {
  fetch: (req: Request, env: Bindings, ctx: ExecutionContext) => app.fetch(req, { ...env, DB: timedD1(env.DB) }, ctx),
};
