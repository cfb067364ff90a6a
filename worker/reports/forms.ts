import { AWARD_CATALOG } from '../domain/catalog';
import type { AwardMethod, RecipientClass, RecipientKind } from '../domain/enums';

// The annual award forms of Circular 02/2023/TT-BNV: 0602 (state-level awards) and 0603
// (ministry/province-level awards). Columns are award forms, each split by recipient kind;
// rows are the total, then by recipient class, then by award method (as in the forms).

export interface FormColumn {
  key: string;
  vi: string;
  en: string;
  awards: string[];
  kinds: RecipientKind[];
}

export interface FormDef {
  code: '0602' | '0603';
  vi: string;
  en: string;
  columns: FormColumn[];
}

const codes = (prefix: string) => AWARD_CATALOG.filter((a) => a.code.startsWith(prefix)).map((a) => a.code);
const BOTH: RecipientKind[] = ['collective', 'individual'];

export const FORMS: Record<FormDef['code'], FormDef> = {
  '0602': {
    code: '0602',
    vi: 'Biểu 0602: Số lượng khen thưởng cấp Nhà nước',
    en: 'Form 0602: state-level awards',
    columns: [
      { key: 'huan_chuong', vi: 'Huân chương', en: 'Orders', awards: codes('HC_'), kinds: BOTH },
      { key: 'huy_chuong', vi: 'Huy chương', en: 'Medals', awards: codes('HCH_'), kinds: ['individual'] },
      {
        key: 'danh_hieu_vinh_du',
        vi: 'Danh hiệu vinh dự Nhà nước',
        en: 'State honorary titles',
        awards: ['AH_LD', 'AH_LLVT', 'BMVNAH', 'NGND', 'NGUT', 'TTND', 'TTUT', 'NSND', 'NSUT', 'NNND', 'NNUT'],
        kinds: BOTH,
      },
      {
        key: 'giai_thuong',
        vi: 'Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước',
        en: 'Hồ Chí Minh and State Prizes',
        awards: ['GT_HCM', 'GT_NN'],
        kinds: ['individual'],
      },
      {
        key: 'co_cp',
        vi: 'Cờ thi đua của Chính phủ',
        en: "Government's Emulation Flag",
        awards: ['CO_CP'],
        kinds: ['collective'],
      },
      {
        key: 'bk_ttg',
        vi: 'Bằng khen của Thủ tướng Chính phủ',
        en: "Prime Minister's Certificate of Merit",
        awards: ['BK_TTG'],
        kinds: BOTH,
      },
      {
        key: 'cstd_tq',
        vi: 'Chiến sĩ thi đua toàn quốc',
        en: 'National Emulation Fighter',
        awards: ['CSTD_TQ'],
        kinds: ['individual'],
      },
    ],
  },
  '0603': {
    code: '0603',
    vi: 'Biểu 0603: Số lượng khen thưởng cấp bộ, ban, ngành, tỉnh',
    en: 'Form 0603: ministry/province-level awards',
    columns: [
      {
        key: 'bang_khen',
        vi: 'Bằng khen',
        en: 'Certificates of merit',
        awards: ['BK_BO', 'BK_TINH'],
        kinds: ['collective', 'individual', 'household'],
      },
      {
        key: 'cstd_bt',
        vi: 'Chiến sĩ thi đua bộ, ban, ngành, tỉnh',
        en: 'Ministry/province emulation fighter',
        awards: ['CSTD_BT'],
        kinds: ['individual'],
      },
      {
        key: 'co_bt',
        vi: 'Cờ thi đua bộ, ban, ngành, tỉnh',
        en: 'Ministry/province emulation flag',
        awards: ['CO_BT'],
        kinds: ['collective'],
      },
      {
        key: 'tap_the_xs',
        vi: 'Tập thể lao động xuất sắc, Đơn vị quyết thắng',
        en: 'Excellent labour collective, determined-to-win unit',
        awards: ['TTLDXS', 'DVQT'],
        kinds: ['collective'],
      },
      {
        key: 'xa_tb',
        vi: 'Xã, phường tiêu biểu',
        en: 'Exemplary commune/ward',
        awards: ['XA_TB'],
        kinds: ['collective'],
      },
      { key: 'knc', vi: 'Kỷ niệm chương', en: 'Commemorative medals', awards: ['KNC'], kinds: ['individual'] },
    ],
  },
};

export const KIND_LABELS: Record<RecipientKind, { vi: string; en: string }> = {
  collective: { vi: 'Tập thể', en: 'Collective' },
  individual: { vi: 'Cá nhân', en: 'Individual' },
  household: { vi: 'Hộ gia đình', en: 'Household' },
};

export type FormRowFilter = { class?: RecipientClass; method?: AwardMethod };
export interface FormRow {
  key: string;
  group: 'total' | 'class' | 'method';
  filter: FormRowFilter;
}

const INDIVIDUAL_CLASSES: RecipientClass[] = ['LD_BO_TINH', 'LD_VU_SO', 'LD_KHAC', 'DOANH_NHAN', 'TRUC_TIEP'];
const METHODS: AwardMethod[] = [
  'THUONG_XUYEN',
  'CHUYEN_DE',
  'DOT_XUAT',
  'DOI_NGOAI',
  'CONG_HIEN',
  'NIEN_HAN',
  'KHANG_CHIEN',
];

export const FORM_ROWS: FormRow[] = [
  { key: 'total', group: 'total', filter: {} },
  ...[...INDIVIDUAL_CLASSES, 'DOANH_NGHIEP' as const].map(
    (c): FormRow => ({ key: c, group: 'class', filter: { class: c } }),
  ),
  ...METHODS.map((m): FormRow => ({ key: m, group: 'method', filter: { method: m } })),
];

/** A class row applies to the kind of recipient it describes; elsewhere the cell stays empty. */
export function applies(row: FormRow, kind: RecipientKind): boolean {
  if (row.group !== 'class') return true;
  return row.filter.class === 'DOANH_NGHIEP' ? kind === 'collective' : kind === 'individual';
}
