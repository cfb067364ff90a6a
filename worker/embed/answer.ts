import { EMBED_CHARTS, type EmbedChart } from '../domain/embedCharts';
import type { ReadCost } from '../db/run';
import { resolveSummaryParams } from '../plan/resolveSummaryParams';
import { requireCluster, type ReadScope } from '../plan/scope';
import { awardIndicators } from '../queries/awardIndicators';
import { awardsSummary } from '../queries/awardsSummary';
import type { Geography } from '../queries/geography';
import { movementResults } from '../queries/movementResults';
import { unknownCode } from '../validation/params';
import { describeChart, type ChartAbout } from './about';
import type { ChartQuery } from './chartQuery';

export interface ChartAnswer {
  rows: Record<string, unknown>[];
  /** Awards counted (the summary charts); shares and ranks have no total to give. */
  total?: number;
  about: ChartAbout;
}

/**
 * An embedded chart's or a snapshot's figures, by the same query path as the endpoint its card
 * reads, within the given scope, with the area and years in words.
 */
export async function chartAnswer(
  db: D1Database,
  cost: ReadCost,
  geo: Geography,
  chart: EmbedChart,
  q: ChartQuery,
  scope: ReadScope,
): Promise<ChartAnswer> {
  const about = (rows: Record<string, unknown>[]) =>
    describeChart(geo, q.query, scope, rows, EMBED_CHARTS[chart].dimension);
  if (q.endpoint === 'movements/results') {
    const cluster = clusterOf(geo, q.query.cluster);
    const rows = await movementResults(db, cost, geo, scope, cluster.id, q.query.from, q.query.to);
    return { rows, about: about(rows) };
  }
  const params = resolveSummaryParams(geo, q.query, scope);
  if (q.endpoint === 'awards/indicators') {
    const rows = await awardIndicators(db, cost, geo, params);
    return { rows, about: about(rows) };
  }
  const result = await awardsSummary(db, cost, geo, params);
  return { ...result, about: about(result.rows) };
}

function clusterOf(geo: Geography, code: string) {
  const cluster = geo.clusterByCode.get(code);
  if (!cluster) throw unknownCode('cluster', [code]);
  return cluster;
}

/** Refuses unknown codes (and a cluster outside the scope) when the token or snapshot is made. */
export function checkChartCodes(geo: Geography, q: ChartQuery, scope: ReadScope): void {
  if (q.endpoint === 'movements/results') requireCluster(geo, scope, clusterOf(geo, q.query.cluster).id);
  else resolveSummaryParams(geo, q.query, scope);
}
