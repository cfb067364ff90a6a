import { isClosedDimension, MISSING_LABEL, valuesOf } from '../domain/dimensions';
import type { Geography } from '../queries/geography';
import { headerOf, valueWord } from './headers';
import { nameOf, type Lang, type Table } from './table';

// The tables the cards show on screen, for files asked for in a language: a year by a
// dimension as one row per year and one column per value with a total (the stacked charts'
// table), one dimension as name, count and share (the breakdown cards' table).

type Row = Record<string, string | number | null>;

function label(geo: Geography, dim: string, value: string | number | null, lang: Lang): string {
  if (value === null) return MISSING_LABEL[lang];
  return nameOf(geo, dim, value, lang) ?? String(value);
}

/** Values in series order: a closed dimension's registry order, otherwise the answer's order. */
function seriesOf(rows: Row[], dim: string): (string | number | null)[] {
  const present = [...new Set(rows.map((r) => r[dim] ?? null))];
  if (!isClosedDimension(dim)) return present;
  const order: readonly string[] = valuesOf(dim);
  const known = order.filter((v) => present.some((p) => String(p) === v));
  return [
    ...known.map((v) => present.find((p) => String(p) === v)!),
    ...present.filter((p) => !order.includes(String(p))),
  ];
}

/** Rows of years, a column per value of `dim`, then the year's total. */
export function yearPivot(geo: Geography, rows: Row[], dim: string, lang: Lang): Table {
  const years = [...new Set(rows.map((r) => r.year as number))].sort((a, b) => a - b);
  const series = seriesOf(rows, dim);
  const cell = new Map(rows.map((r) => [`${r.year}\u0000${r[dim] ?? null}`, (r.count as number) ?? 0]));
  return {
    lang,
    columns: [
      { key: 'year', kind: 'year' },
      ...series.map((v) => ({ key: `${dim}:${v}`, kind: 'count' as const })),
      { key: 'row_total', kind: 'count' },
    ],
    header: [headerOf('year', lang), ...series.map((v) => label(geo, dim, v, lang)), valueWord('row_total', lang)],
    rows: years.map((y) => {
      const counts = series.map((v) => cell.get(`${y}\u0000${v}`) ?? 0);
      return [y, ...counts, tidy(counts.reduce((a, b) => a + b, 0))];
    }),
  };
}

/** One row per value of `dim`, largest first: its name, its count and its share of the total. */
export function breakdown(geo: Geography, rows: Row[], dim: string, lang: Lang): Table {
  const total = rows.reduce((a, r) => a + ((r.count as number) ?? 0), 0);
  const sorted = [...rows].sort((a, b) => (b.count as number) - (a.count as number));
  return {
    lang,
    columns: [
      { key: `${dim}_name`, kind: 'text' },
      { key: 'count', kind: 'count' },
      { key: 'share', kind: 'share' },
    ],
    header: [headerOf(`${dim}_name`, lang), valueWord('count', lang), valueWord('share', lang)],
    rows: sorted.map((r) => [
      label(geo, dim, r[dim] ?? null, lang),
      r.count as number,
      total ? (r.count as number) / total : null,
    ]),
  };
}

// sums of fractional counts (as_of) without float dust
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;
