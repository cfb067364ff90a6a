import { EMBED_CHARTS, type EmbedChart } from '../domain/embedCharts';
import { summaryQuery } from '../validation/summaryQuery';

/** Checks a query (locked + fixed params) the way the summary endpoint would. */
export function parseSummary(query: Record<string, string>) {
  const parsed = summaryQuery.safeParse(query);
  if (parsed.success) return { ok: parsed.data } as const;
  return { issue: parsed.error.issues } as const;
}

/** The filters of a new token or snapshot, checked with the chart's fixed ones as the summary would. */
export function newChartQuery(body: { chart: EmbedChart; params: Partial<Record<string, string>> }) {
  const params = Object.fromEntries(
    Object.entries(body.params).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return { params, parsed: parseSummary({ ...params, ...EMBED_CHARTS[body.chart].fixed }) };
}
