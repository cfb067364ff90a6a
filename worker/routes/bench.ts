import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { NAIVE_QUERIES } from '../queries/naive';

// Benchmark-only: the naive baseline in the same D1. Answers 404 unless the Worker runs with
// BENCH=1 (scripts/bench starts it so); it is not part of the API.
export const benchRoutes = new Hono<AppEnv>()
  // the floor: what a request costs through wrangler dev with no query at all
  .get('/noop', (c) => (c.env.BENCH === '1' ? c.json({ rows: [] }) : c.notFound()))
  .get('/naive', async (c) => {
  const sql = NAIVE_QUERIES[c.req.query('q') ?? ''];
  if (c.env.BENCH !== '1' || !sql) return c.notFound();
  const started = performance.now();
  const res = await c.env.DB.prepare(sql).all();
  return c.json({ rows: res.results, rows_read: res.meta.rows_read, ms: performance.now() - started });
});
