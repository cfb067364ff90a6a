import { FILTER_PARAMS } from './dimensions';

// The charts that can be embedded, shared by the worker and the dashboard: each is
// answered by an existing read endpoint with some parameters fixed by the chart itself.
export const EMBED_CHARTS = {
  /** Tổng quan: awards by year and tier (stacked bars). */
  trend: { endpoint: 'awards/summary', fixed: { group_by: 'year,tier' }, dimension: 'tier' },
  /** Awards by year and recipient kind (stacked bars). */
  kinds: { endpoint: 'awards/summary', fixed: { group_by: 'year,kind' }, dimension: 'kind' },
} as const;

export type EmbedChart = keyof typeof EMBED_CHARTS;
export const EMBED_CHART_NAMES = Object.keys(EMBED_CHARTS) as [EmbedChart, ...EmbedChart[]];

/** The filters a token may lock, or an embedding page may set when the token leaves them open. */
export const EMBED_PARAMS = FILTER_PARAMS;

export const isEmbedChart = (name: string): name is EmbedChart => Object.hasOwn(EMBED_CHARTS, name);
