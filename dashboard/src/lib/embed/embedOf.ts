import { EMBED_PARAMS, embedChartFor, type EmbedChart } from '../../../../worker/domain/embedCharts';
import type { Download } from '../download';

/** The embeddable chart a card's download query draws, with the filters the token would lock. */
export function embedOf(d: Download, card?: string): { chart: EmbedChart; query: Record<string, string> } | undefined {
  const groupBy = d.query.group_by;
  const chart = embedChartFor(d.path.replace(/^\//, ''), groupBy === undefined ? undefined : String(groupBy), card);
  if (!chart) return undefined;
  const query = Object.fromEntries(
    Object.entries(d.query)
      .filter(([k, v]) => v !== undefined && v !== '' && (EMBED_PARAMS as readonly string[]).includes(k))
      .map(([k, v]) => [k, String(v)]),
  );
  return { chart, query };
}
