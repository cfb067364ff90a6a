// The Worker as deployed, plus the naive baseline under /api/v1/_bench (behind the same
// middleware, so a no-op call costs what any call costs): `npm start` serves this entry instead
// of worker/index.ts when BENCH=1, which only the benchmark scripts set.
import app from '../../worker/index.ts';
import { benchRoutes } from './routes.ts';

app.route('/api/v1/_bench', benchRoutes);

export default app;
