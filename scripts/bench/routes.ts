import { Hono } from 'hono';
import type { AppEnv } from '../../worker/env.ts';
import { NAIVE_QUERIES } from './naive.ts';
import { timings } from './timedD1.ts';

// Benchmark-only: the naive baseline in the same D1. Only the benchmark's entry point
// (scripts/bench/worker.ts) mounts these; the deployed Worker does not contain them.
export const benchRoutes = new Hono<AppEnv>()
  // the D1 calls recorded since the last read, and forgotten
  .get('/d1-timings', (c) => c.json({ timings: timings.splice(0) }))
  // the floor: what a request costs through wrangler dev with no query at all
  .get('/noop', (c) => c.json({ rows: [] }))
  .get('/naive', async (c) => {
    const sql = NAIVE_QUERIES[c.req.query('q') ?? ''];
    if (!sql) return c.notFound();
    const started = performance.now();
    const res = await c.env.DB.prepare(sql).all();
    return c.json({ rows: res.results, rows_read: res.meta.rows_read, ms: performance.now() - started });
  });
