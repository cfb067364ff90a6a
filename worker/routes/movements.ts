import { Hono } from 'hono';
import { validator } from 'hono-openapi';
import type { AppEnv } from '../env';
import { loadGeography } from '../queries/geography';
import { clusterLeaders } from '../queries/clusterLeaders';
import { movementResults } from '../queries/movementResults';
import { leadersQuery, leadersResponse } from '../validation/leaders';
import { badRequest } from '../validation/hook';
import { unknownCode } from '../validation/params';
import { resultsResponse } from '../validation/responses';
import { resultsQuery } from '../validation/resultsQuery';
import { describeRead } from './describe';
import { fileResponse } from '../files/respond';
import { fileTable } from '../files/shape';
import { callerScope, needForFiles } from '../middleware/requireRole';

export const movementsRoutes = new Hono<AppEnv>()
  .get(
    '/results',
    describeRead(
      'Cluster results',
      "Year-end scores, ranks and proposed awards of a cluster's members, ordered by year then rank, " +
        'with the change of rank since the previous year.',
      resultsResponse,
      'movements',
      true,
    ),
    needForFiles,
    validator('query', resultsQuery, badRequest),
    async (c) => {
      const q = c.req.valid('query');
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const cluster = geo.clusterByCode.get(q.cluster);
      if (!cluster) throw unknownCode('cluster', [q.cluster]);
      const scope = callerScope(c, geo);
      const rows = await movementResults(c.env.DB, c.get('cost'), geo, scope, cluster.id, q.from, q.to);
      if (q.format === 'csv' || q.format === 'xlsx') {
        const values = [
          { key: 'score', kind: 'number' as const },
          { key: 'rank', kind: 'rank' as const },
          { key: 'proposed_award', kind: 'text' as const },
          { key: 'rank_change', kind: 'number' as const },
        ];
        const table = fileTable(geo, rows, ['year', 'unit'], values, q);
        return fileResponse(c, q.format, `ket-qua-${q.cluster}`, table, { geo, query: q, scope });
      }
      return c.json({ rows });
    },
  )
  .get(
    '/leaders',
    describeRead(
      'Cluster leaders',
      'The members ranked first in every cluster (or every cluster of one level) in one year: cluster, unit, ' +
        'score and proposed award, ordered by cluster code; clusters without results that year are absent.',
      leadersResponse,
      'movements',
    ),
    validator('query', leadersQuery, badRequest),
    async (c) => {
      const q = c.req.valid('query');
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const rows = await clusterLeaders(c.env.DB, c.get('cost'), geo, callerScope(c, geo), q.year, q.level);
      return c.json({ rows });
    },
  );
