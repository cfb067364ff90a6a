import { closedLabel, isClosedDimension, MISSING_LABEL, valuesOf } from '../../../../worker/domain/dimensions';
import type { EMBED_CHARTS, EmbedChart } from '../../../../worker/domain/embedCharts';
import type { Lang } from '../i18n.svelte';

// An embedded chart's rows as chart series: counts by year, one series per value of the
// dimension (stacked or lines), or one dimension as bars, largest first. Named from the
// registry or from the names that came with the figures (an embed has no catalog).

export interface About {
  area: { vi: string; en: string };
  years: { vi: string; en: string };
  names?: Record<string, { vi: string; en: string }>;
}
type Spec = (typeof EMBED_CHARTS)[EmbedChart];
type Row = Record<string, unknown>;

/** Bars beyond these are too thin to read in a frame; the total still counts them. */
const MAX_BARS = 15;

function nameOf(dim: string, value: string | null, about: About | null, lang: Lang): string {
  if (value === null) return MISSING_LABEL[lang];
  if (isClosedDimension(dim)) return closedLabel(dim, value, lang) ?? value;
  return about?.names?.[value]?.[lang] ?? value;
}

export function embedTable(spec: Spec, rows: Row[], about: About | null, lang: Lang) {
  const dim = spec.dimension;
  const codeOf = (r: Row) => (r[dim] === null || r[dim] === undefined ? null : String(r[dim]));
  if (spec.shape === 'bars') {
    const top = [...rows].sort((a, b) => (b.count as number) - (a.count as number)).slice(0, MAX_BARS);
    return {
      labels: top.map((r) => nameOf(dim, codeOf(r), about, lang)),
      series: [{ value: null, label: '', data: top.map((r) => r.count as number) }],
    };
  }
  // movements: awards outside any movement would dwarf the lines
  const kept = spec.shape === 'line' ? rows.filter((r) => codeOf(r) !== null) : rows;
  const years = [...new Set(kept.map((r) => r.year as number))].sort((a, b) => a - b);
  const present = [...new Set(kept.map(codeOf))];
  const order: readonly string[] = isClosedDimension(dim) ? valuesOf(dim) : [];
  const values = [
    ...order.filter((v) => present.includes(v)),
    ...present.filter((v) => v === null || !order.includes(v)),
  ];
  const cell = new Map(kept.map((r) => [`${r.year}:${codeOf(r)}`, r.count as number]));
  const empty = spec.shape === 'line' ? null : 0;
  return {
    labels: years.map(String),
    series: values.map((v) => ({
      value: v,
      label: nameOf(dim, v, about, lang),
      data: years.map((y) => cell.get(`${y}:${v}`) ?? empty),
    })),
  };
}
