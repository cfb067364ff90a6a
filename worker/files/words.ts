import {
  closedLabel,
  DIMENSION_REGISTRY,
  isClosedDimension,
  LIST_FILTERS,
  type Label,
  type SummaryDimension,
} from '../domain/dimensions';
import type { ReadScope } from '../plan/scope';
import type { Geography } from '../queries/geography';
import { nameOf, type Lang } from './table';

// A query in words, as people read it at the top of a sheet or under an embedded chart:
// "Tỉnh Thái Bình", "2016–2024", "Giới tính: Nữ", never "unit=TB, from=2016".

export type Query = Record<string, string | number | string[] | undefined>;

const W = {
  area: { vi: 'Địa bàn', en: 'Area' },
  all: { vi: 'Tất cả địa bàn', en: 'All areas' },
  cluster: { vi: 'Cụm, khối thi đua', en: 'Cluster or block' },
  years: { vi: 'Năm', en: 'Years' },
  allYears: { vi: 'Tất cả các năm có số liệu', en: 'Every year with data' },
  from: { vi: 'từ năm', en: 'from' },
  to: { vi: 'đến năm', en: 'to' },
  asOf: { vi: 'Địa giới', en: 'Boundaries' },
  asOfValue: { vi: 'Theo địa giới ngày {d}', en: 'Units as they were on {d}' },
  groupBy: { vi: 'Nhóm theo', en: 'Grouped by' },
} satisfies Record<string, Label>;

const list = (v: string | number | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : String(v).split(',').filter(Boolean);

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** The area the figures cover: the chosen unit or cluster, else the reader's scope, else all areas. */
export function areaName(geo: Geography, q: Query, scope: ReadScope, lang: Lang): string {
  const unit = q.unit ?? (scope.kind === 'unit' ? scope.code : undefined);
  if (unit) return nameOf(geo, 'unit', String(unit), lang) ?? String(unit);
  const cluster = q.cluster ?? (scope.kind === 'cluster' ? scope.code : undefined);
  if (cluster) return nameOf(geo, 'cluster', String(cluster), lang) ?? String(cluster);
  return W.all[lang];
}

/** "2016–2024", "từ năm 2016", or the years of the answer when the query leaves them open. */
export function yearsText(q: Query, lang: Lang, answered: number[] = []): string {
  const from = q.from ?? (answered.length ? Math.min(...answered) : undefined);
  const to = q.to ?? (answered.length ? Math.max(...answered) : undefined);
  if (from !== undefined && to !== undefined) return String(from) === String(to) ? String(from) : `${from}–${to}`;
  if (from !== undefined) return `${W.from[lang]} ${from}`;
  if (to !== undefined) return `${W.to[lang]} ${to}`;
  return W.allYears[lang];
}

/** Each filter that is set, as its name (both languages) and its values in words; area and years first. */
export function filterWords(
  geo: Geography,
  q: Query,
  scope: ReadScope,
  lang: Lang,
  years: number[] = [],
): [Label, string][] {
  const out: [Label, string][] = [
    [W.area, areaName(geo, q, scope, lang)],
    [W.years, yearsText(q, lang, years)],
  ];
  if (q.cluster && (q.unit || scope.kind !== 'cluster'))
    out.push([W.cluster, nameOf(geo, 'cluster', String(q.cluster), lang) ?? String(q.cluster)]);
  for (const dim of LIST_FILTERS) {
    const values = list(q[dim]);
    if (!values.length) continue;
    const named = values.map((v) =>
      isClosedDimension(dim) ? (closedLabel(dim, v, lang) ?? v) : (nameOf(geo, dim, v, lang) ?? v),
    );
    out.push([DIMENSION_REGISTRY[dim].name, named.join(', ')]);
  }
  if (q.as_of) out.push([W.asOf, W.asOfValue[lang].replace('{d}', dmy(String(q.as_of)))]);
  const groups = list(q.group_by).filter((d): d is SummaryDimension => Object.hasOwn(DIMENSION_REGISTRY, d));
  if (groups.length) out.push([W.groupBy, groups.map((d) => DIMENSION_REGISTRY[d].name[lang]).join(', ')]);
  return out;
}
