import type { Geography } from '../queries/geography';
import { headerOf } from './headers';
import { ranksTable, sharesTable } from './cardTables';
import { breakdown, yearPivot } from './pivot';
import { toTable, type Column, type Lang, type Table } from './table';

type Row = Record<string, string | number | null>;

export interface Shape {
  /** Asked for a language: headers in words and, for counts, the card's table. Absent: the contract's columns. */
  lang?: Lang;
  /** `long`: one row per group even in a language (for pivot tables of one's own). */
  layout?: 'table' | 'long';
}

/**
 * A file's table. Without `lang`, exactly the contract's columns (scripts read them by name);
 * with it, counts by year and one dimension as a row per year, counts by one dimension as the
 * breakdown, the indicators and the cluster results as their cards' tables, anything else one
 * row per group with headers in words.
 */
export function fileTable(geo: Geography, rows: Row[], dims: string[], values: Column[], shape: Shape): Table {
  const lang = shape.lang;
  if (!lang) return toTable(geo, rows, dims, values, 'vi');
  const counts = values.length === 1 && values[0].key === 'count';
  if (counts && shape.layout !== 'long') {
    if (dims.length === 2 && dims[0] === 'year') return yearPivot(geo, rows, dims[1], lang);
    if (dims.length === 1 && dims[0] !== 'year') return breakdown(geo, rows, dims[0], lang);
  }
  if (shape.layout !== 'long') {
    // told apart by their figures: only the indicators have shares, only the results ranks
    const keys = values.map((v) => v.key);
    if (dims.join() === 'year' && keys.includes('direct_share')) return sharesTable(rows, lang);
    if (dims.join() === 'year,unit' && keys.includes('rank')) return ranksTable(geo, rows, lang);
  }
  const table = toTable(geo, rows, dims, values, lang);
  return { ...table, lang, header: table.columns.map((c) => headerOf(c.key, lang)) };
}
