import type { z } from 'zod';
import { EMBED_CHARTS, type EmbedChart } from '../domain/embedCharts';
import { resultsQuery } from '../validation/resultsQuery';
import { filterQuery, summaryQuery } from '../validation/summaryQuery';

/** Each chart's query is checked by the schema of the endpoint that answers it. */
const SCHEMAS = {
  'awards/summary': summaryQuery,
  'awards/indicators': filterQuery,
  'movements/results': resultsQuery,
} as const;

export type ChartQuery =
  | { endpoint: 'awards/summary'; query: z.infer<typeof summaryQuery> }
  | { endpoint: 'awards/indicators'; query: z.infer<typeof filterQuery> }
  | { endpoint: 'movements/results'; query: z.infer<typeof resultsQuery> };

/** Checks a query (locked + fixed params) the way the chart's endpoint would. */
export function parseChart(chart: EmbedChart, query: Record<string, string>) {
  const endpoint = EMBED_CHARTS[chart].endpoint;
  const parsed = SCHEMAS[endpoint].safeParse(query);
  if (parsed.success) return { ok: { endpoint, query: parsed.data } as ChartQuery } as const;
  return { issue: parsed.error.issues } as const;
}

/** The filters of a new token or snapshot, checked with the chart's fixed ones as its endpoint would. */
export function newChartQuery(body: { chart: EmbedChart; params: Partial<Record<string, string>> }) {
  const params = Object.fromEntries(
    Object.entries(body.params).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return { params, parsed: parseChart(body.chart, { ...params, ...EMBED_CHARTS[body.chart].fixed }) };
}
