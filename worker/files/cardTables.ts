import type { Geography } from '../queries/geography';
import { headerOf } from './headers';
import { nameOf, type Lang, type Table } from './table';

// The two cards whose tables are not counts, as the files asked for in a language lay them
// out: the shares card (a row per year: individual awards and the shares shown on Tổng quan)
// and the cluster ranks (a row per member, its rank, score and proposed award year by year).

type Row = Record<string, string | number | null>;

const SHARES = ['direct_share', 'leader_share', 'women_share', 'ethnic_minority_share'] as const;

/** Tổng quan's shares table: year, individual awards, then each share (a percentage). */
export function sharesTable(rows: Row[], lang: Lang): Table {
  const columns = [
    { key: 'year', kind: 'year' as const },
    { key: 'individual', kind: 'count' as const },
    ...SHARES.map((key) => ({ key, kind: 'share' as const })),
  ];
  return {
    lang,
    columns,
    header: columns.map((c) => headerOf(c.key, lang)),
    rows: rows.map((r) => columns.map((c) => r[c.key] ?? null)),
  };
}

const PER_YEAR = [
  { key: 'rank', kind: 'rank' as const },
  { key: 'score', kind: 'number' as const },
  { key: 'proposed_award', kind: 'text' as const },
];

/**
 * The cluster ranks card's table: a row per member (by name, as on screen), and for each year
 * its rank, score and proposed award in typed columns (the screen writes them in one cell, which
 * Excel could neither sort nor sum). A year the unit was not a member stays empty.
 */
export function ranksTable(geo: Geography, rows: Row[], lang: Lang): Table {
  const years = [...new Set(rows.map((r) => r.year as number))].sort((a, b) => a - b);
  const name = (u: string) => nameOf(geo, 'unit', u, lang) ?? u;
  const units = [...new Set(rows.map((r) => String(r.unit)))].sort((a, b) => name(a).localeCompare(name(b), 'vi'));
  const at = new Map(rows.map((r) => [`${r.unit}\u0000${r.year}`, r]));
  return {
    lang,
    columns: [
      { key: 'unit', kind: 'text' },
      { key: 'unit_name', kind: 'text' },
      ...years.flatMap((y) => PER_YEAR.map((c) => ({ key: `${c.key}:${y}`, kind: c.kind }))),
    ],
    header: [
      headerOf('unit', lang),
      headerOf('unit_name', lang),
      ...years.flatMap((y) => PER_YEAR.map((c) => `${headerOf(`${c.key}_name`, lang)} ${y}`)),
    ],
    rows: units.map((u) => [
      u,
      name(u),
      ...years.flatMap((y) => {
        const r = at.get(`${u}\u0000${y}`);
        const award = r?.proposed_award ?? null;
        return [
          r?.rank ?? null,
          r?.score ?? null,
          award === null ? null : (nameOf(geo, 'award', award, lang) ?? award),
        ];
      }),
    ]),
  };
}
