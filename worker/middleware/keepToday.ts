import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { advanceToday } from '../queries/today/rebuild';

// award_cube_today is rebuilt in the background after what may have changed the geography (an
// import or rollback, a federation push) and whenever a read found it not ready: each call takes
// the rebuild as far as its budget allows (waitUntil work ends 30 s after the answer), the lease
// keeps one at a time, and the next call goes on from the cursor.
const BUDGET_MS = 20_000;
const WRITES = /^\/api\/v1\/(imports|federation|uploads)(\/|$)/;

export const keepToday = createMiddleware<AppEnv>(async (c, next) => {
  // the binding itself, taken before d1Session puts the request's session in its place: the
  // rebuild's lease and cursor are read on the primary, never on a replica behind it
  const db = c.env.DB;
  await next();
  const wrote = c.req.method !== 'GET' && WRITES.test(c.req.path) && c.res.status < 300;
  if (!wrote && c.get('cost')?.today !== 'stale') return;
  c.executionCtx.waitUntil(
    advanceToday(db, { rowsRead: 0 }, BUDGET_MS).catch((e) => console.error('award_cube_today rebuild', e)),
  );
});
