// Readable names for the values of every summary dimension, in the current language.
import { t, type Key } from './i18n.svelte';
import { awardName, clusterName, movementName, unitLabel } from './meta.svelte';

export type Dimension = 'year' | 'unit' | 'award' | 'tier' | 'category' | 'kind' | 'gender' | 'class' | 'method' | 'movement' | 'cluster';

/** Dimensions whose values are fixed by the contract; their names live in the dictionary. */
export const FIXED_VALUES = {
  tier: ['state', 'government', 'ministry_province', 'grassroots'],
  category: ['title', 'commendation'],
  kind: ['individual', 'collective', 'household'],
  gender: ['F', 'M'],
  class: ['LD_BO_TINH', 'LD_VU_SO', 'LD_KHAC', 'DOANH_NHAN', 'TRUC_TIEP', 'DOANH_NGHIEP'],
  method: ['THUONG_XUYEN', 'CHUYEN_DE', 'DOT_XUAT', 'DOI_NGOAI', 'CONG_HIEN', 'NIEN_HAN', 'KHANG_CHIEN'],
} as const;

export function valueLabel(dim: Dimension, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return dim === 'movement' ? movementName(null) : t('notGiven');
  switch (dim) {
    case 'year':
      return String(value);
    case 'unit':
      return unitLabel(String(value));
    case 'award':
      return awardName(String(value));
    case 'movement':
      return movementName(String(value));
    case 'cluster':
      return clusterName(String(value));
    default:
      return t(`${dim}_${value}` as Key);
  }
}
