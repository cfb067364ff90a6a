import { Hono } from 'hono';
import { validator } from 'hono-openapi';
import type { AppEnv } from '../env';
import { awardIndicators } from '../queries/awardIndicators';
import { awardsSummary } from '../queries/awardsSummary';
import { loadGeography } from '../queries/geography';
import { resolveSummaryParams } from '../plan/resolveSummaryParams';
import { badRequest } from '../validation/hook';
import { indicatorsResponse, summaryResponse } from '../validation/responses';
import { filterQuery, summaryQuery } from '../validation/summaryQuery';
import { describeRead } from './describe';
import { fileResponse } from '../files/respond';
import { fileTable } from '../files/shape';
import { callerScope, needForFiles } from '../middleware/requireRole';

export const awardsRoutes = new Hono<AppEnv>()
  .get(
    '/summary',
    describeRead(
      'Award counts',
      'Sum of quantity, grouped by any of the dimensions and filtered; `unit` ' +
        'is a subtree, `cluster` its members year by year, `as_of` maps ' +
        'recorded units along the lineage.',
      summaryResponse,
      'awards',
      true,
    ),
    needForFiles,
    validator('query', summaryQuery, badRequest),
    async (c) => {
      const q = c.req.valid('query');
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const scope = callerScope(c, geo);
      const params = resolveSummaryParams(geo, q, scope);
      const result = await awardsSummary(c.env.DB, c.get('cost'), geo, params);
      if (q.format === 'csv' || q.format === 'xlsx') {
        const table = fileTable(geo, result.rows, params.groupBy, [{ key: 'count', kind: 'count' }], q);
        return fileResponse(c, q.format, 'khen-thuong', table, { geo, query: q, scope });
      }
      return c.json(result);
    },
  )
  .get(
    '/indicators',
    describeRead(
      'Indicators per year',
      'Total and its change against the previous year; individual awards to ' +
        'direct laborers, to leaders, to women and to ethnic minorities, with ' +
        'shares. Same filters as the summary.',
      indicatorsResponse,
      'awards',
      true,
    ),
    needForFiles,
    validator('query', filterQuery, badRequest),
    async (c) => {
      const q = c.req.valid('query');
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const scope = callerScope(c, geo);
      const params = resolveSummaryParams(geo, q, scope);
      const rows = await awardIndicators(c.env.DB, c.get('cost'), geo, params);
      if (q.format === 'csv' || q.format === 'xlsx') {
        const counts = ['total', 'individual', 'direct', 'leaders', 'women', 'ethnic_minority'].map((key) => ({
          key,
          kind: 'count' as const,
        }));
        const shares = ['change', 'direct_share', 'leader_share', 'women_share', 'ethnic_minority_share'].map(
          (key) => ({ key, kind: 'share' as const }),
        );
        const table = fileTable(geo, rows, ['year'], [...counts, ...shares], q);
        return fileResponse(c, q.format, 'chi-so', table, { geo, query: q, scope });
      }
      return c.json({ rows });
    },
  );
