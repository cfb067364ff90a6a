import { urlState } from './url.svelte';

export type Lang = 'vi' | 'en';

const dict = {
  appTitle: { vi: 'Thi đua, khen thưởng', en: 'Emulation & commendation' },
  appSubtitle: { vi: 'Thống kê khen thưởng và phong trào thi đua', en: 'Award and emulation movement statistics' },
  navOverview: { vi: 'Tổng quan', en: 'Overview' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  area: { vi: 'Địa bàn', en: 'Area' },
  allAreas: { vi: 'Tất cả địa bàn', en: 'All areas' },
  dataUpdated: { vi: 'Dữ liệu cập nhật lúc', en: 'Data updated at' },
  dataVersion: { vi: 'phiên bản dữ liệu', en: 'data version' },
  kpiTotal: { vi: 'Tổng số khen thưởng', en: 'All awards' },
  kpiTitles: { vi: 'Danh hiệu thi đua', en: 'Emulation titles' },
  kpiCommendations: { vi: 'Hình thức khen thưởng', en: 'Commendations' },
  kpiIndividual: { vi: 'Khen thưởng cá nhân', en: 'Individual awards' },
  vsYear: { vi: 'so với năm', en: 'vs' },
  inYear: { vi: 'Năm', en: 'Year' },
  noPrevious: { vi: 'chưa có số liệu năm trước', en: 'no figure for the previous year' },
  trendTitle: { vi: 'Số khen thưởng theo năm, theo cấp khen', en: 'Awards by year and by level' },
  trendNote: {
    vi: 'Tính theo số lượt khen thưởng (tổng cột số lượng). Năm 2025: đơn vị cũ đến 30/6, đơn vị mới từ 1/7.',
    en: 'Counts are award totals (sum of quantity). 2025: former units until 30 Jun, new units from 1 Jul.',
  },
  showTable: { vi: 'Xem dạng bảng', en: 'Show as table' },
  year: { vi: 'Năm', en: 'Year' },
  total: { vi: 'Tổng', en: 'Total' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  noData: { vi: 'Không có dữ liệu cho bộ lọc này.', en: 'No data for this filter.' },
  loadFailed: { vi: 'Không tải được số liệu', en: 'Could not load the figures' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  tier_state: { vi: 'Cấp Nhà nước', en: 'State' },
  tier_government: { vi: 'Thủ tướng Chính phủ', en: 'Prime Minister' },
  tier_ministry_province: { vi: 'Cấp bộ, ngành, tỉnh', en: 'Ministry / province' },
  tier_grassroots: { vi: 'Cấp cơ sở', en: 'Grassroots' },
  chartSummary: {
    vi: 'Năm {last}: {total} khen thưởng; cao nhất năm {maxYear} ({max}).',
    en: '{last}: {total} awards; highest in {maxYear} ({max}).',
  },
  source: { vi: 'Nguồn: thidua', en: 'Source: thidua' },
} as const;

export type Key = keyof typeof dict;

/** The current language: ?lang=en in the URL, Vietnamese by default. */
export function lang(): Lang {
  return urlState.params.lang === 'en' ? 'en' : 'vi';
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  let s: string = dict[key][lang()];
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}
