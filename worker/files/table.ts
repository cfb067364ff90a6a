import { closedLabel, isClosedDimension, SUMMARY_DIMENSIONS } from '../domain/dimensions';
import type { Geography } from '../queries/geography';

// A response as a table for a file: one column per dimension, a readable name beside each
// code (contract, "Files out"), then the figures. Column keys are the API's names.

export type Lang = 'vi' | 'en';
export type ColumnKind = 'text' | 'year' | 'count' | 'number' | 'share' | 'rank';
export interface Column {
  key: string;
  kind: ColumnKind;
}
export interface Table {
  columns: Column[];
  rows: (string | number | null)[][];
  /** Words above the columns, in the file's language; without, the column keys (the contract's names). */
  header?: string[];
  lang?: Lang;
}

type Row = Record<string, string | number | null>;

// every dimension but the year has a name beside its code
const NAMED = new Set<string>([...SUMMARY_DIMENSIONS.filter((d) => d !== 'year'), 'proposed_award']);
// columns whose codes are named from another list
const NAME_SOURCE: Record<string, string> = { proposed_award: 'award' };

export function nameOf(geo: Geography, dim: string, code: string | number | null, lang: Lang): string | null {
  if (code === null) return null;
  const c = String(code);
  switch (NAME_SOURCE[dim] ?? dim) {
    case 'unit':
      return geo.names.unit.get(c) ?? null;
    case 'cluster':
      return geo.names.cluster.get(c) ?? null;
    case 'movement':
      return geo.names.movement.get(c) ?? null;
    case 'award': {
      const n = geo.names.award.get(c);
      return n ? (lang === 'en' ? (n.en ?? n.vi) : n.vi) : null;
    }
    default:
      return isClosedDimension(dim) ? (closedLabel(dim, c, lang) ?? null) : null;
  }
}

/** Dimensions first (code, then name), then the value columns, in the order given. */
export function toTable(geo: Geography, rows: Row[], dims: string[], values: Column[], lang: Lang): Table {
  const columns: Column[] = [];
  for (const c of [
    ...dims.map((d): Column => ({ key: d, kind: d === 'year' ? 'year' : d === 'ethnic' ? 'number' : 'text' })),
    ...values,
  ]) {
    columns.push(c);
    if (NAMED.has(c.key)) columns.push({ key: `${c.key}_name`, kind: 'text' });
  }
  return {
    columns,
    rows: rows.map((r) =>
      columns.map((c) =>
        c.key.endsWith('_name') && NAMED.has(c.key.slice(0, -5))
          ? nameOf(geo, c.key.slice(0, -5), r[c.key.slice(0, -5)], lang)
          : (r[c.key] ?? null),
      ),
    ),
  };
}
