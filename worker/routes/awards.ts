import { Hono } from 'hono';
import { validator } from 'hono-openapi';
import type { AppEnv } from '../env';
import { awardIndicators } from '../queries/awardIndicators';
import { awardsSummary } from '../queries/awardsSummary';
import { loadGeography } from '../queries/geography';
import { resolveSummaryParams } from '../queries/resolveSummaryParams';
import { badRequest } from '../validation/hook';
import { indicatorsResponse, summaryResponse } from '../validation/responses';
import { filterQuery, summaryQuery } from '../validation/summaryQuery';
import { describeRead } from './describe';

export const awardsRoutes = new Hono<AppEnv>()
  .get(
    '/summary',
    describeRead(
      'Award counts',
      'Sum of quantity, grouped by any of the dimensions and filtered; `unit` is a subtree, `cluster` its members year by year, `as_of` maps recorded units along the lineage.',
      summaryResponse,
      'awards',
    ),
    validator('query', summaryQuery, badRequest),
    async (c) => {
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const params = resolveSummaryParams(geo, c.req.valid('query'));
      return c.json(await awardsSummary(c.env.DB, c.get('cost'), geo, params));
    },
  )
  .get(
    '/indicators',
    describeRead(
      'Indicators per year',
      'Total and its change against the previous year; individual awards to direct laborers, to leaders, to women and to ethnic minorities, with shares. Same filters as the summary.',
      indicatorsResponse,
      'awards',
    ),
    validator('query', filterQuery, badRequest),
    async (c) => {
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const params = resolveSummaryParams(geo, c.req.valid('query'));
      return c.json({ rows: await awardIndicators(c.env.DB, c.get('cost'), geo, params) });
    },
  );
