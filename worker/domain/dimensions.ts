import { AWARD_CATEGORIES, AWARD_METHODS, AWARD_TIERS, GENDERS, RECIPIENT_CLASSES, RECIPIENT_KINDS } from './enums';

// The one registry of the API's logical dimensions, read by the worker (summary dimensions,
// request validation, the resolve loop, embed parameters, file columns and names, reports)
// and by the dashboard (its Dimension type, filter lists, URL pass-through, labels, palettes).
// A value without a label, or a dimension without an entry, is a compile error, so the screen
// and the files can never name a value differently.

export interface Label {
  vi: string;
  en: string;
}

/** The word for an award without a value of a dimension (no gender given, outside any movement…),
 * the same on screen, in files and in embeds. */
export const MISSING_LABEL: Label = { vi: 'Không ghi', en: 'Not given' };

/** A value's names: what the screen and the files show, and what people type for it. */
export interface ValueLabel extends Label {
  /** Other words people write for this value in the lists they import (matched without case or diacritics). */
  synonyms?: readonly string[];
}

interface Common {
  /** The dimension's own name: filter label, column header in files. */
  name: Label;
}
/** Values fixed by the contract; `labels` must name every one (the Record type sees to it). */
export interface ClosedDimension<V extends string = string> extends Common {
  kind: 'closed';
  values: readonly V[];
  labels: Record<V, ValueLabel>;
  /** The cube stores these values as integers (the API's rows and filters carry them as such). */
  numeric?: boolean;
}
/** Values are codes of a catalog in the database (units, award types, movements, clusters). */
export interface CatalogDimension extends Common {
  kind: 'catalog';
  catalog: 'unit' | 'award' | 'movement' | 'cluster';
  /** `list`: a filter of one code or a comma list; `single`: one code that selects a subtree or members. */
  filter: 'list' | 'single';
}
export interface YearDimension extends Common {
  kind: 'year';
}
export type DimensionSpec = ClosedDimension | CatalogDimension | YearDimension;

const closed = <const V extends string>(
  values: readonly V[],
  labels: Record<V, ValueLabel>,
  name: Label,
  numeric?: boolean,
): ClosedDimension<V> => ({
  kind: 'closed',
  values,
  labels,
  name,
  numeric,
});

/** Ethnic minority flag as the API carries it in rows and filters (0 or 1). */
export const ETHNIC_VALUES = ['1', '0'] as const;

// Order is the contract's group_by order (ethnic last, it came later); within a closed
// dimension, the order of `values` is the order of series and the order of their colours.
export const DIMENSION_REGISTRY = {
  year: { kind: 'year', name: { vi: 'Năm', en: 'Year' } },
  unit: { kind: 'catalog', catalog: 'unit', filter: 'single', name: { vi: 'Đơn vị', en: 'Unit' } },
  award: { kind: 'catalog', catalog: 'award', filter: 'list', name: { vi: 'Danh hiệu, hình thức', en: 'Award type' } },
  tier: closed(
    AWARD_TIERS,
    {
      state: { vi: 'Cấp Nhà nước', en: 'State', synonyms: ['Nhà nước', 'Chủ tịch nước'] },
      government: { vi: 'Thủ tướng Chính phủ', en: 'Prime Minister', synonyms: ['Chính phủ', 'Thủ tướng'] },
      ministry_province: {
        vi: 'Cấp bộ, ngành, tỉnh',
        en: 'Ministry / province',
        synonyms: ['Cấp tỉnh', 'Cấp bộ', 'Bộ, ngành, tỉnh'],
      },
      grassroots: { vi: 'Cấp cơ sở', en: 'Grassroots', synonyms: ['Cơ sở'] },
    },
    { vi: 'Cấp khen', en: 'Level' },
  ),
  category: closed(
    AWARD_CATEGORIES,
    {
      title: { vi: 'Danh hiệu thi đua', en: 'Emulation titles', synonyms: ['Danh hiệu'] },
      commendation: { vi: 'Hình thức khen thưởng', en: 'Commendations', synonyms: ['Khen thưởng'] },
    },
    { vi: 'Loại', en: 'Category' },
  ),
  kind: closed(
    RECIPIENT_KINDS,
    {
      individual: { vi: 'Cá nhân', en: 'Individual' },
      collective: { vi: 'Tập thể', en: 'Collective' },
      household: { vi: 'Hộ gia đình', en: 'Household', synonyms: ['Hộ', 'Gia đình'] },
    },
    { vi: 'Đối tượng', en: 'Recipient' },
  ),
  gender: closed(
    GENDERS,
    { F: { vi: 'Nữ', en: 'Female' }, M: { vi: 'Nam', en: 'Male' } },
    { vi: 'Giới tính', en: 'Gender' },
  ),
  class: closed(
    RECIPIENT_CLASSES,
    {
      LD_BO_TINH: {
        vi: 'Lãnh đạo cấp bộ, tỉnh',
        en: 'Ministry / province leaders',
        synonyms: ['Lãnh đạo cấp tỉnh', 'Lãnh đạo cấp bộ'],
      },
      LD_VU_SO: {
        vi: 'Lãnh đạo cấp vụ, sở',
        en: 'Department leaders',
        synonyms: ['Lãnh đạo cấp sở', 'Lãnh đạo cấp vụ'],
      },
      LD_KHAC: {
        vi: 'Lãnh đạo, quản lý khác',
        en: 'Other leaders and managers',
        synonyms: ['Lãnh đạo khác', 'Quản lý'],
      },
      DOANH_NHAN: { vi: 'Doanh nhân', en: 'Entrepreneurs' },
      TRUC_TIEP: {
        vi: 'Công nhân, nông dân, người lao động trực tiếp',
        en: 'Workers, farmers, direct laborers',
        synonyms: ['Lao động trực tiếp', 'Người lao động trực tiếp', 'Công nhân', 'Nông dân'],
      },
      DOANH_NGHIEP: { vi: 'Doanh nghiệp', en: 'Enterprises' },
    },
    { vi: 'Thành phần', en: 'Recipient class' },
  ),
  method: closed(
    AWARD_METHODS,
    {
      THUONG_XUYEN: { vi: 'Thường xuyên', en: 'Regular', synonyms: ['Khen thường xuyên'] },
      CHUYEN_DE: { vi: 'Theo chuyên đề', en: 'Thematic', synonyms: ['Chuyên đề'] },
      DOT_XUAT: { vi: 'Đột xuất', en: 'Ad hoc', synonyms: ['Khen đột xuất'] },
      DOI_NGOAI: { vi: 'Đối ngoại', en: 'Foreign relations' },
      CONG_HIEN: { vi: 'Quá trình cống hiến', en: 'Lifetime contribution', synonyms: ['Cống hiến'] },
      NIEN_HAN: { vi: 'Niên hạn', en: 'Length of service', synonyms: ['Theo niên hạn'] },
      KHANG_CHIEN: { vi: 'Thành tích kháng chiến', en: 'Resistance war', synonyms: ['Kháng chiến'] },
    },
    { vi: 'Hình thức xét khen', en: 'Award method' },
  ),
  movement: { kind: 'catalog', catalog: 'movement', filter: 'list', name: { vi: 'Phong trào', en: 'Movement' } },
  cluster: {
    kind: 'catalog',
    catalog: 'cluster',
    filter: 'single',
    name: { vi: 'Cụm, khối thi đua', en: 'Cluster or block' },
  },
  ethnic: closed(
    ETHNIC_VALUES,
    {
      '1': { vi: 'Dân tộc thiểu số', en: 'Ethnic minority', synonyms: ['Có', 'x'] },
      '0': { vi: 'Không phải dân tộc thiểu số', en: 'Not an ethnic minority', synonyms: ['Không', 'Kinh'] },
    },
    { vi: 'Dân tộc thiểu số', en: 'Ethnic minority' },
    true,
  ),
} as const satisfies Record<string, DimensionSpec>;

export type SummaryDimension = keyof typeof DIMENSION_REGISTRY;
export const SUMMARY_DIMENSIONS = Object.keys(DIMENSION_REGISTRY) as [SummaryDimension, ...SummaryDimension[]];

type Registry = typeof DIMENSION_REGISTRY;
export type ClosedDimensionName = {
  [K in SummaryDimension]: Registry[K] extends { kind: 'closed' } ? K : never;
}[SummaryDimension];
/** Dimensions filtered by a list of values (closed values or catalog codes): every one also a cube column. */
export type ListFilterDimension = {
  [K in SummaryDimension]: Registry[K] extends { kind: 'closed' } | { filter: 'list' } ? K : never;
}[SummaryDimension];

const entries = Object.entries(DIMENSION_REGISTRY) as [SummaryDimension, DimensionSpec][];
export const CLOSED_DIMENSIONS = entries
  .filter(([, d]) => d.kind === 'closed')
  .map(([k]) => k) as ClosedDimensionName[];
export const LIST_FILTERS = entries
  .filter(([, d]) => d.kind === 'closed' || (d.kind === 'catalog' && d.filter === 'list'))
  .map(([k]) => k) as ListFilterDimension[];

/** The values of a closed dimension, in series order. */
export const valuesOf = <K extends ClosedDimensionName>(dim: K): Registry[K]['values'] =>
  DIMENSION_REGISTRY[dim].values;

/** The readable name of a closed value in a language, or undefined for a value the registry does not know. */
export function closedLabel(dim: ClosedDimensionName, value: string | number, lang: keyof Label): string | undefined {
  const labels = DIMENSION_REGISTRY[dim].labels as Record<string, ValueLabel>;
  return labels[String(value)]?.[lang];
}

export const isClosedDimension = (dim: string): dim is ClosedDimensionName =>
  (CLOSED_DIMENSIONS as string[]).includes(dim);

/** Every filter of the summary (and of the reads that share its filters), by its parameter name. */
export type FilterParam = 'from' | 'to' | 'unit' | 'cluster' | 'as_of' | ListFilterDimension;
export const FILTER_PARAMS = ['from', 'to', 'unit', 'cluster', 'as_of', ...LIST_FILTERS] as [
  FilterParam,
  ...FilterParam[],
];
