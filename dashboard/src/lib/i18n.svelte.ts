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
  navData: { vi: 'Dữ liệu', en: 'Data' },
  ds_units: { vi: 'Đơn vị', en: 'Units' },
  ds_unit_lineage: { vi: 'Kế thừa đơn vị (sáp nhập, chia tách)', en: 'Unit lineage (mergers, splits)' },
  ds_clusters: { vi: 'Cụm, khối thi đua', en: 'Emulation clusters and blocs' },
  ds_cluster_members: { vi: 'Thành viên cụm, khối', en: 'Cluster members' },
  ds_movements: { vi: 'Phong trào thi đua', en: 'Emulation movements' },
  ds_award_types: { vi: 'Danh hiệu, hình thức khen thưởng', en: 'Award types' },
  ds_awards: { vi: 'Khen thưởng', en: 'Awards' },
  ds_movement_results: { vi: 'Kết quả chấm điểm, xếp hạng', en: 'Scores and ranks' },
  tokenTitle: { vi: 'Mã quản trị', en: 'Admin token' },
  tokenHelp: {
    vi: 'Nhập và hoàn tác dữ liệu cần mã quản trị (ADMIN_TOKEN, in ra khi chạy npm start). Mã chỉ được lưu trong thẻ trình duyệt này và bị xoá khi đóng thẻ.',
    en: 'Importing and rolling back need the admin token (ADMIN_TOKEN, printed by npm start). It is kept in this browser tab only and forgotten when the tab closes.',
  },
  tokenLabel: { vi: 'Mã quản trị', en: 'Admin token' },
  tokenSaved: { vi: 'Đã lưu cho thẻ này', en: 'Saved for this tab' },
  tokenMissing: { vi: 'Chưa nhập mã quản trị', en: 'No admin token yet' },
  templatesTitle: { vi: 'Tải biểu mẫu', en: 'Download templates' },
  templatesHelp: {
    vi: 'Mỗi loại dữ liệu có biểu mẫu Excel (kèm trang hướng dẫn) và CSV. Tiêu đề cột tiếng Việt được chấp nhận khi nhập.',
    en: 'Each dataset has an Excel template (with an instructions sheet) and a CSV one. The Vietnamese column headers are accepted on import.',
  },
  uploadTitle: { vi: 'Nhập dữ liệu', en: 'Import data' },
  datasetLabel: { vi: 'Loại dữ liệu', en: 'Dataset' },
  dropHere: { vi: 'Kéo thả tệp CSV, Excel (.xlsx) hoặc JSON vào đây, hoặc', en: 'Drop a CSV, Excel (.xlsx) or JSON file here, or' },
  chooseFile: { vi: 'chọn tệp', en: 'choose a file' },
  previewTitle: { vi: 'Xem trước {n} dòng đầu', en: 'Preview of the first {n} rows' },
  previewNone: { vi: 'Không xem trước được tệp này; vẫn có thể kiểm tra.', en: 'No preview for this file; it can still be checked.' },
  dryRun: { vi: 'Kiểm tra (chưa ghi)', en: 'Check (dry run)' },
  doImport: { vi: 'Nhập vào hệ thống', en: 'Import' },
  importHint: {
    vi: 'Kiểm tra trước; tệp chỉ được nhập khi không có lỗi nào, và nhập toàn bộ hoặc không nhập dòng nào.',
    en: 'Check first; a file is imported only when it has no error, and then all of it or nothing.',
  },
  uploading: { vi: 'Đang tải lên… {pct}%', en: 'Uploading… {pct}%' },
  processing: { vi: 'Đang kiểm tra và ghi dữ liệu…', en: 'Checking and writing…' },
  checkOk: { vi: 'Tệp hợp lệ: {rows} dòng. Chưa ghi gì; bấm “Nhập vào hệ thống” để nhập.', en: 'The file is valid: {rows} rows. Nothing written yet; press “Import” to import it.' },
  importOk: { vi: 'Đã nhập {rows} dòng (lô số {id}).', en: 'Imported {rows} rows (batch {id}).' },
  duplicate: { vi: 'Tệp này đã được nhập trước đây (lô số {id}); không nhập lại, không tính trùng.', en: 'This file was imported before (batch {id}); nothing was added twice.' },
  failed: { vi: 'Không nhập được', en: 'Import failed' },
  errorsTitle: { vi: '{total} lỗi; không dòng nào được nhập', en: '{total} problems; nothing was imported' },
  errorsTruncated: { vi: 'Hiển thị {shown} lỗi đầu tiên.', en: 'Showing the first {shown}.' },
  downloadErrors: { vi: 'Tải danh sách lỗi (CSV)', en: 'Download the problems (CSV)' },
  colRow: { vi: 'Dòng', en: 'Row' },
  colColumn: { vi: 'Cột', en: 'Column' },
  colValue: { vi: 'Giá trị', en: 'Value' },
  colMessage: { vi: 'Lỗi', en: 'Problem' },
  headerRow: { vi: 'tiêu đề', en: 'header' },
  historyTitle: { vi: 'Lịch sử nhập', en: 'Import history' },
  historyEmpty: { vi: 'Chưa có lô nhập nào.', en: 'No imports yet.' },
  colBatch: { vi: 'Lô', en: 'Batch' },
  colFile: { vi: 'Tệp', en: 'File' },
  colRows: { vi: 'Số dòng', en: 'Rows' },
  colBy: { vi: 'Người nhập', en: 'By' },
  colWhen: { vi: 'Thời điểm', en: 'When' },
  colStatus: { vi: 'Trạng thái', en: 'Status' },
  colHash: { vi: 'Mã băm', en: 'Hash' },
  status_committed: { vi: 'Đã nhập', en: 'Imported' },
  status_staging: { vi: 'Đang nhập dở', en: 'Incomplete' },
  status_rolled_back: { vi: 'Đã hoàn tác', en: 'Rolled back' },
  rollback: { vi: 'Hoàn tác', en: 'Roll back' },
  rollbackConfirm: {
    vi: 'Hoàn tác lô số {id} ({dataset}, {rows} dòng)? Mọi số liệu tổng hợp sẽ được tính lại như chưa từng nhập lô này.',
    en: 'Roll back batch {id} ({dataset}, {rows} rows)? Every total is recomputed as if it had never been imported.',
  },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  rolledBack: { vi: 'Đã hoàn tác lô số {id}.', en: 'Batch {id} rolled back.' },
} as const;

export type Key = keyof typeof dict;

/** The current language: ?lang=en in the URL, Vietnamese by default. */
export function lang(): Lang {
  return urlState.params.lang === 'en' ? 'en' : 'vi';
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  let s: string = dict[key][lang()];
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
