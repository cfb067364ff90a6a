import { closedLabel, isClosedDimension, MISSING_LABEL, valuesOf } from '../../../../worker/domain/dimensions';
import type { EMBED_CHARTS, EmbedChart } from '../../../../worker/domain/embedCharts';
import { periodLines } from '../cards/halfYear';
import { t, type Key, type Lang } from '../i18n.svelte';

// An embedded chart's rows as chart series: counts by year, one series per value of the
// dimension (stacked or lines), or one dimension as bars, largest first; the shares card's
// percentages, or a cluster's ranks, one line per member; the half-year card's change per level
// (this year's months against the same months of the year before). Named from the
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

// the same three lines as the card on Tổng quan
const SHARES = [
  ['direct_share', 'shareDirect'],
  ['leader_share', 'shareLeaders'],
  ['women_share', 'shareWomen'],
] as const satisfies readonly (readonly [string, Key])[];

/** A share of 0..1 as a percentage with one decimal (null stays a gap in the line). */
const percent = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 10 : null);

function yearsOf(rows: Row[]) {
  return [...new Set(rows.map((r) => r.year as number))].sort((a, b) => a - b);
}

/** The half-year chart: each level's change in `to` (else the latest year in the rows) against the year before. */
export function changeTable(rows: Row[], about: About | null, lang: Lang, to?: number) {
  const year = to ?? Math.max(...yearsOf(rows));
  const lines = periodLines(rows as { year: number; tier: string; count: number }[], year, valuesOf('tier'));
  return {
    year,
    lines,
    labels: lines.map((l) => (l.tier === null ? t('total') : nameOf('tier', l.tier, about, lang))),
    series: [{ value: null as string | null, label: t('halfYearChangeColumn'), data: lines.map((l) => l.change) }],
  };
}
export type ChangeTable = ReturnType<typeof changeTable>;

export function embedTable(spec: Spec, rows: Row[], about: About | null, lang: Lang, to?: number) {
  const dim = spec.dimension;
  if (spec.shape === 'change') return changeTable(rows, about, lang, to);
  const codeOf = (r: Row) => (r[dim] === null || r[dim] === undefined ? null : String(r[dim]));
  if (spec.shape === 'shares') {
    const years = yearsOf(rows);
    return {
      labels: years.map(String),
      series: SHARES.map(([field, key]) => ({
        value: field as string | null,
        label: t(key),
        data: years.map((y) => percent(rows.find((r) => r.year === y)?.[field])),
      })),
    };
  }
  if (spec.shape === 'ranks') {
    const years = yearsOf(rows);
    const rank = new Map(rows.map((r) => [`${r.unit}:${r.year}`, r.rank as number]));
    // the order of the last year's ranks, so the legend reads like the table
    const last = years.at(-1);
    const units = [...new Set(rows.map((r) => String(r.unit)))].sort(
      (a, b) => (rank.get(`${a}:${last}`) ?? 999) - (rank.get(`${b}:${last}`) ?? 999),
    );
    return {
      labels: years.map(String),
      series: units.map((u) => ({
        value: u as string | null,
        label: nameOf(dim, u, about, lang),
        data: years.map((y) => rank.get(`${u}:${y}`) ?? null),
      })),
    };
  }
  if (spec.shape === 'bars') {
    const top = [...rows].sort((a, b) => (b.count as number) - (a.count as number)).slice(0, MAX_BARS);
    return {
      labels: top.map((r) => nameOf(dim, codeOf(r), about, lang)),
      series: [{ value: null, label: '', data: top.map((r) => r.count as number) }],
    };
  }
  // movements: awards outside any movement would dwarf the lines
  const kept = spec.shape === 'line' ? rows.filter((r) => codeOf(r) !== null) : rows;
  const years = yearsOf(kept);
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
