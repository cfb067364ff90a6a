import { FILTER_PARAMS } from './dimensions';

// The charts that can be embedded, shared by the worker and the dashboard: each is
// answered by an existing read endpoint with some parameters fixed by the chart itself, and
// drawn as the card that shows it: counts by year stacked or as lines, or one dimension as
// horizontal bars largest first; the shares card's percentages as lines; a cluster's ranks.
// A card whose query matches one gets the "Nhúng biểu đồ" button.
export const EMBED_CHARTS = {
  /** Tổng quan: awards by year and tier (stacked bars). */
  trend: { endpoint: 'awards/summary', fixed: { group_by: 'year,tier' }, dimension: 'tier', shape: 'stacked' },
  /** Tổng quan: state-level and Prime Minister awards by year, side by side (the card locks the tiers). */
  'high-tiers': {
    endpoint: 'awards/summary',
    fixed: { group_by: 'year,tier' },
    dimension: 'tier',
    shape: 'grouped',
  },
  /** Awards by year and recipient kind (stacked bars). */
  kinds: { endpoint: 'awards/summary', fixed: { group_by: 'year,kind' }, dimension: 'kind', shape: 'stacked' },
  /** Awards by year and category (stacked bars). */
  categories: {
    endpoint: 'awards/summary',
    fixed: { group_by: 'year,category' },
    dimension: 'category',
    shape: 'stacked',
  },
  /** Awards by year in each movement (lines). */
  movements: {
    endpoint: 'awards/summary',
    fixed: { group_by: 'year,movement' },
    dimension: 'movement',
    shape: 'line',
  },
  'by-tier': { endpoint: 'awards/summary', fixed: { group_by: 'tier' }, dimension: 'tier', shape: 'bars' },
  'by-category': { endpoint: 'awards/summary', fixed: { group_by: 'category' }, dimension: 'category', shape: 'bars' },
  'by-award': { endpoint: 'awards/summary', fixed: { group_by: 'award' }, dimension: 'award', shape: 'bars' },
  'by-method': { endpoint: 'awards/summary', fixed: { group_by: 'method' }, dimension: 'method', shape: 'bars' },
  'by-class': { endpoint: 'awards/summary', fixed: { group_by: 'class' }, dimension: 'class', shape: 'bars' },
  /** Units (the Địa bàn page, the leading units): one bar per unit. */
  'by-unit': { endpoint: 'awards/summary', fixed: { group_by: 'unit' }, dimension: 'unit', shape: 'bars' },
  /** Tổng quan: shares of individual awards to direct laborers, leaders and women by year (lines, %). */
  shares: { endpoint: 'awards/indicators', fixed: {}, dimension: 'year', shape: 'shares' },
  /** Cụm, khối: the members' ranks year by year (a bump chart, rank 1 on top); needs a cluster. */
  ranks: { endpoint: 'movements/results', fixed: {}, dimension: 'unit', shape: 'ranks' },
  /**
   * Tổng quan: the first half (or the year to date, `months`) of the last year against the same
   * months of the year before, each level's change in %. Tier first, as the card's table.
   */
  'half-year': {
    endpoint: 'awards/summary',
    fixed: { group_by: 'tier,year' },
    dimension: 'tier',
    shape: 'change',
  },
} as const;

export type EmbedChart = keyof typeof EMBED_CHARTS;
export const EMBED_CHART_NAMES = Object.keys(EMBED_CHARTS) as [EmbedChart, ...EmbedChart[]];

/**
 * The filters a token may lock, or an embedding page may set when the token leaves them open;
 * `months` (decision months) only where the chart's endpoint takes it: the others refuse it.
 */
export const EMBED_PARAMS = [...FILTER_PARAMS, 'months'] as const;

export const isEmbedChart = (name: string): name is EmbedChart => Object.hasOwn(EMBED_CHARTS, name);

/**
 * The chart a card's query draws, if it can be embedded: the same endpoint and group_by; where
 * two charts share them (the trend and the high tiers), the one named like the card.
 */
export function embedChartFor(endpoint: string, groupBy: string | undefined, card?: string): EmbedChart | undefined {
  const matches = EMBED_CHART_NAMES.filter((name) => {
    const fixed: { group_by?: string } = EMBED_CHARTS[name].fixed;
    return EMBED_CHARTS[name].endpoint === endpoint && fixed.group_by === groupBy;
  });
  return matches.find((name) => name === card) ?? matches[0];
}
