import { DIMENSION_REGISTRY, type Label, type SummaryDimension } from '../domain/dimensions';
import type { Lang } from './table';

// Column headers of a file asked for in a language (lang=vi|en): the registry's names for
// dimensions, and the dashboard's words for the figures. Files without lang keep the API's keys.

const VALUES: Record<string, Label> = {
  count: { vi: 'Số lượng', en: 'Count' },
  total: { vi: 'Tổng số', en: 'Total' },
  individual: { vi: 'Cá nhân', en: 'Individuals' },
  direct: { vi: 'Người lao động trực tiếp', en: 'Direct laborers' },
  leaders: { vi: 'Lãnh đạo, quản lý', en: 'Leaders and managers' },
  women: { vi: 'Nữ', en: 'Women' },
  ethnic_minority: { vi: 'Dân tộc thiểu số', en: 'Ethnic minorities' },
  change: { vi: 'Tăng, giảm so với năm trước', en: 'Change on the previous year' },
  direct_share: { vi: 'Tỷ lệ lao động trực tiếp', en: 'Share to direct laborers' },
  leader_share: { vi: 'Tỷ lệ lãnh đạo, quản lý', en: 'Share to leaders' },
  women_share: { vi: 'Tỷ lệ nữ', en: 'Share to women' },
  ethnic_minority_share: { vi: 'Tỷ lệ dân tộc thiểu số', en: 'Share to ethnic minorities' },
  score: { vi: 'Điểm', en: 'Score' },
  rank: { vi: 'Xếp hạng', en: 'Rank' },
  proposed_award: { vi: 'Danh hiệu đề nghị', en: 'Proposed award' },
  rank_change: { vi: 'Thay đổi thứ hạng', en: 'Change of rank' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
  row_total: { vi: 'Tổng cộng', en: 'Total' },
};

const CODE: Label = { vi: 'Mã', en: 'code' };

const isDimension = (key: string): key is SummaryDimension => Object.hasOwn(DIMENSION_REGISTRY, key);

/** The word for a column key: `unit` → "Mã đơn vị" (the code), `unit_name` → "Đơn vị" (the name). */
export function headerOf(key: string, lang: Lang): string {
  const base = key.endsWith('_name') ? key.slice(0, -5) : key;
  const named = base !== key;
  const label = isDimension(base) ? DIMENSION_REGISTRY[base].name : VALUES[base];
  if (!label) return key;
  if (named || base === 'year' || (!isDimension(base) && base !== 'proposed_award')) return label[lang];
  // a code beside its name
  return lang === 'vi' ? `${CODE.vi} ${label.vi.toLowerCase()}` : `${label.en} ${CODE.en}`;
}

export const valueWord = (key: keyof typeof VALUES, lang: Lang) => VALUES[key][lang];
