import { Hono } from 'hono';
import { validator } from 'hono-openapi';
import type { AppEnv } from '../../worker/env.ts';
import { callerScope } from '../../worker/middleware/requireRole.ts';
import { resolveSummaryParams } from '../../worker/plan/resolveSummaryParams.ts';
import { awardsSummary } from '../../worker/queries/awardsSummary.ts';
import { loadGeography } from '../../worker/queries/geography.ts';
import { badRequest } from '../../worker/validation/hook.ts';
import { summaryQuery } from '../../worker/validation/summaryQuery.ts';
import { NAIVE_QUERIES } from './naive.ts';
import { timings } from './timedD1.ts';

// Benchmark-only: the naive baseline in the same D1. Only the benchmark's entry point
// (scripts/bench/worker.ts) mounts these; the deployed Worker does not contain them.
export const benchRoutes = new Hono<AppEnv>()
  // the D1 calls recorded since the last read, and forgotten
  .get('/d1-timings', (c) => c.json({ timings: timings.splice(0) }))
  // the floor: what a request costs through wrangler dev with no query at all
  .get('/noop', (c) => c.json({ rows: [] }))
  // the summary through the general plan over award_cube, never award_cube_today: the benchmark
  // checks that both give the same answer
  .get('/plan-summary', validator('query', summaryQuery, badRequest), async (c) => {
    const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
    const params = resolveSummaryParams(geo, c.req.valid('query'), callerScope(c, geo));
    return c.json(await awardsSummary(c.env.DB, c.get('cost'), geo, { ...params, today: false }));
  })
  // the same read key by key, never through the rows packed by unit: the answer must not change
  .get('/keys-summary', validator('query', summaryQuery, badRequest), async (c) => {
    const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
    const params = resolveSummaryParams(geo, c.req.valid('query'), callerScope(c, geo));
    return c.json(await awardsSummary(c.env.DB, c.get('cost'), geo, { ...params, packed: false }));
  })
  .get('/naive', async (c) => {
    const sql = NAIVE_QUERIES[c.req.query('q') ?? ''];
    if (!sql) return c.notFound();
    const started = performance.now();
    const res = await c.env.DB.prepare(sql).all();
    return c.json({ rows: res.results, rows_read: res.meta.rows_read, ms: performance.now() - started });
  });
