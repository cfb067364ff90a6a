import type { AwardCategory, AwardMethod, AwardTier, Gender, RecipientClass, RecipientKind } from './enums';

// Readable names of the fixed values, for files people open in Excel (the dashboard has its
// own dictionary for the screen).
type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const VALUE_LABELS: {
  tier: Labels<AwardTier>;
  category: Labels<AwardCategory>;
  kind: Labels<RecipientKind>;
  gender: Labels<Gender>;
  class: Labels<RecipientClass>;
  method: Labels<AwardMethod>;
} = {
  tier: {
    state: { vi: 'Cấp Nhà nước', en: 'State' },
    government: { vi: 'Thủ tướng Chính phủ', en: 'Prime Minister' },
    ministry_province: { vi: 'Cấp bộ, ngành, tỉnh', en: 'Ministry / province' },
    grassroots: { vi: 'Cấp cơ sở', en: 'Grassroots' },
  },
  category: {
    title: { vi: 'Danh hiệu thi đua', en: 'Emulation title' },
    commendation: { vi: 'Hình thức khen thưởng', en: 'Commendation' },
  },
  kind: {
    individual: { vi: 'Cá nhân', en: 'Individual' },
    collective: { vi: 'Tập thể', en: 'Collective' },
    household: { vi: 'Hộ gia đình', en: 'Household' },
  },
  gender: { F: { vi: 'Nữ', en: 'Female' }, M: { vi: 'Nam', en: 'Male' } },
  class: {
    LD_BO_TINH: { vi: 'Lãnh đạo cấp bộ, tỉnh', en: 'Leader, ministry/province level' },
    LD_VU_SO: { vi: 'Lãnh đạo cấp vụ, sở', en: 'Leader, department level' },
    LD_KHAC: { vi: 'Lãnh đạo, quản lý khác', en: 'Other leaders and managers' },
    DOANH_NHAN: { vi: 'Doanh nhân', en: 'Entrepreneur' },
    TRUC_TIEP: { vi: 'Công nhân, nông dân, người lao động trực tiếp', en: 'Workers, farmers, direct laborers' },
    DOANH_NGHIEP: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  },
  method: {
    THUONG_XUYEN: { vi: 'Thường xuyên', en: 'Regular' },
    CHUYEN_DE: { vi: 'Theo chuyên đề', en: 'Thematic' },
    DOT_XUAT: { vi: 'Đột xuất', en: 'Ad hoc' },
    DOI_NGOAI: { vi: 'Đối ngoại', en: 'Foreign relations' },
    CONG_HIEN: { vi: 'Quá trình cống hiến', en: 'Lifetime contribution' },
    NIEN_HAN: { vi: 'Niên hạn', en: 'Length of service' },
    KHANG_CHIEN: { vi: 'Kháng chiến', en: 'Resistance war' },
  },
};
