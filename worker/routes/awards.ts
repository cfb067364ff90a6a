import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { awardsSummary } from '../queries/awardsSummary';
import { loadGeography } from '../queries/geography';
import { resolveSummaryParams } from '../queries/resolveSummaryParams';
import { badRequest } from '../validation/hook';
import { summaryQuery } from '../validation/summaryQuery';

export const awardsRoutes = new Hono<AppEnv>().get('/summary', zValidator('query', summaryQuery, badRequest), async (c) => {
  const geo = await loadGeography(c.env.DB, c.get('cost'));
  const params = resolveSummaryParams(geo, c.req.valid('query'));
  return c.json(await awardsSummary(c.env.DB, c.get('cost'), geo, params));
});
