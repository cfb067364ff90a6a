import { MISSING_LABEL } from '../../../worker/domain/dimensions';
import { goalsDict } from './i18n/goals';
import { federationDict } from './i18n/federation';
import { leaderDict } from './i18n/leader';
import { urlState } from './url.svelte';

export type Lang = 'vi' | 'en';

const dict = {
  appTitle: { vi: 'Thi đua, khen thưởng', en: 'Emulation & commendation' },
  appSubtitle: { vi: 'Thống kê khen thưởng và phong trào thi đua', en: 'Award and emulation movement statistics' },
  skipToContent: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  mainNav: { vi: 'Các trang', en: 'Pages' },
  navOverview: { vi: 'Tổng quan', en: 'Overview' },
  navArea: { vi: 'Địa bàn', en: 'Areas' },
  navClusters: { vi: 'Cụm, khối thi đua', en: 'Clusters & blocks' },
  navMovements: { vi: 'Phong trào', en: 'Movements' },
  navForms: { vi: 'Hình thức', en: 'Award types' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  area: { vi: 'Địa bàn, đơn vị', en: 'Area or unit' },
  allAreas: { vi: 'Tất cả địa bàn', en: 'All areas' },
  all: { vi: 'Tất cả', en: 'All' },
  unitSearch: { vi: 'Tìm đơn vị (gõ không dấu cũng được)', en: 'Find a unit (diacritics optional)' },
  unitSearchPlaceholder: { vi: 'Tìm đơn vị, vd. thai thuy', en: 'Find a unit, e.g. thai thuy' },
  unitMatches: { vi: '{n} đơn vị phù hợp', en: '{n} matching units' },
  filters: { vi: 'Bộ lọc', en: 'Filters' },
  clearFilters: { vi: 'Xóa bộ lọc', en: 'Clear filters' },
  closeFilters: { vi: 'Đóng', en: 'Close' },
  fromYear: { vi: 'Từ năm', en: 'From year' },
  toYear: { vi: 'Đến năm', en: 'To year' },
  bounds: { vi: 'Địa giới', en: 'Boundaries' },
  boundsRecorded: { vi: 'Như ghi nhận', en: 'As recorded' },
  boundsNow: { vi: 'Theo địa giới hiện nay', en: "Today's boundaries" },
  boundsRecordedExplained: {
    vi:
      'Đang xem số liệu như ghi nhận: đơn vị cũ đến 30/06/2025, đơn vị mới từ ' +
      '01/07/2025. Chọn "Theo địa giới hiện nay" để cộng số liệu của đơn vị ' +
      'cũ vào đơn vị hiện nay.',
    en:
      'Figures as recorded: former units until 30/06/2025, new units from ' +
      '01/07/2025. Choose "Today\'s boundaries" to count former units inside ' +
      "today's units.",
  },
  boundsNowExplained: {
    vi:
      'Đang xem theo địa giới hiện nay: số liệu của đơn vị cũ được cộng vào đơn vị kế thừa (xã tách thì chia ' +
      'theo tỷ lệ, nên số có thể lẻ; số lẻ được làm tròn và đánh dấu ≈).',
    en:
      "Today's boundaries: former units are counted inside their successors (a split commune is shared by its " +
      'proportions, so counts can be fractional; those are rounded and marked ≈).',
  },
  dataUpdated: { vi: 'Dữ liệu cập nhật lúc', en: 'Data updated at' },
  noDataYet: { vi: 'Chưa có số liệu khen thưởng nào được nhập.', en: 'No award figures have been imported yet.' },
  dataVersion: { vi: 'phiên bản dữ liệu', en: 'data version' },
  metaFailed: {
    vi: 'Không tải được danh mục (đơn vị, danh hiệu). Hãy tải lại trang.',
    en: 'Could not load the catalog (units, award types). Please reload the page.',
  },
  pageFailed: {
    vi: 'Không tải được trang này. Hãy kiểm tra kết nối và tải lại.',
    en: 'Could not load this page. Check the connection and reload.',
  },
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
  sourceNote: {
    vi: 'Tính theo số lượt khen thưởng (tổng cột số lượng).',
    en: 'Counts are award totals (sum of quantity).',
  },
  sharesTitle: {
    vi: 'Tỷ lệ khen thưởng cá nhân: người lao động trực tiếp, lãnh đạo, nữ',
    en: 'Individual awards: shares to direct laborers, leaders, women',
  },
  sharesNote: {
    vi:
      'Tỷ lệ trên tổng số khen thưởng cá nhân. Lao động trực tiếp: công nhân, ' +
      'nông dân, người lao động trực tiếp; lãnh đạo: lãnh đạo, quản lý các ' +
      'cấp.',
    en:
      'Shares of all individual awards. Direct laborers: workers, farmers and ' +
      'other direct laborers; leaders: leaders and managers at every level.',
  },
  sharesSummary: {
    vi: 'Năm {year}: {direct} cho người lao động trực tiếp, {women} cho nữ.',
    en: '{year}: {direct} to direct laborers, {women} to women.',
  },
  shareDirect: { vi: 'Lao động trực tiếp', en: 'Direct laborers' },
  shareLeaders: { vi: 'Lãnh đạo, quản lý', en: 'Leaders, managers' },
  shareWomen: { vi: 'Nữ', en: 'Women' },
  shareEthnic: { vi: 'Dân tộc thiểu số', en: 'Ethnic minorities' },
  topUnitsTitleShort: { vi: 'Đơn vị có nhiều khen thưởng nhất', en: 'Units with the most awards' },
  moreFilters: { vi: 'Thêm bộ lọc', en: 'More filters' },
  fewerFilters: { vi: 'Ẩn bớt bộ lọc', en: 'Fewer filters' },
  topUnitsTitle: {
    vi: 'Đơn vị có nhiều khen thưởng nhất năm {year} trong {unit}',
    en: 'Units with the most awards in {year}, within {unit}',
  },
  breakdownSummary: {
    vi: 'Nhiều nhất: {first}, {count} ({share} của tổng {total}).',
    en: 'Largest: {first}, {count} ({share} of {total}).',
  },
  showTable: { vi: 'Xem dạng bảng', en: 'Show as table' },
  year: { vi: 'Năm', en: 'Year' },
  total: { vi: 'Tổng', en: 'Total' },
  count: { vi: 'Số khen thưởng', en: 'Awards' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
  name: { vi: 'Tên', en: 'Name' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  notGiven: MISSING_LABEL,
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  embedSource: { vi: 'Nguồn: thống kê thi đua, khen thưởng', en: 'Source: emulation and commendation statistics' },
  embedError: { vi: 'Không hiển thị được biểu đồ', en: 'The chart cannot be shown' },
  embedButton: { vi: 'Nhúng biểu đồ', en: 'Embed chart' },
  embedDialogTitle: { vi: 'Nhúng biểu đồ vào trang khác', en: 'Embed this chart in another page' },
  embedOrigin: {
    vi: 'Trang được phép nhúng (origin), vd. https://congthongtin.gov.vn',
    en: 'Page allowed to embed it (origin), e.g. https://portal.example.org',
  },
  embedLifetime: { vi: 'Hiệu lực (ngày)', en: 'Valid for (days)' },
  embedLabel: { vi: 'Ghi chú', en: 'Note' },
  embedLocked: {
    vi: 'Bộ lọc hiện tại được khóa vào mã nhúng: {filters}',
    en: 'The current filters are locked into the embed: {filters}',
  },
  embedNoFilters: { vi: 'không có', en: 'none' },
  embedUnitsTitle: { vi: 'Khen thưởng theo đơn vị', en: 'Awards by unit' },
  embedCreate: { vi: 'Tạo mã nhúng', en: 'Create embed code' },
  embedSnippet: { vi: 'Mã nhúng (dán vào trang web)', en: 'Embed code (paste into the web page)' },
  embedCopy: { vi: 'Sao chép', en: 'Copy' },
  embedCopied: { vi: 'Đã sao chép', en: 'Copied' },
  embedList: { vi: 'Các mã nhúng đã tạo', en: 'Embed codes made so far' },
  embedRevoke: { vi: 'Thu hồi', en: 'Revoke' },
  embedStatus_active: { vi: 'Đang hiệu lực', en: 'Active' },
  embedStatus_expired: { vi: 'Hết hạn', en: 'Expired' },
  embedStatus_revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  snapshotPublish: { vi: 'Xuất bản ảnh chụp cố định', en: 'Publish a fixed snapshot' },
  snapshotPublished: {
    vi: 'Trang ảnh chụp (số liệu không đổi, dùng cho báo cáo)',
    en: 'Snapshot page (figures never change; for reports)',
  },
  snapshotTaken: { vi: 'Số liệu chốt lúc {date}', en: 'Figures as of {date}' },
  snapshotPng: { vi: 'Tải ảnh PNG', en: 'Download PNG' },
  snapshotWithdrawn: {
    vi:
      'Ảnh chụp số liệu này đã được người xuất bản hoặc quản trị viên gỡ ' +
      'xuống; số liệu của nó không còn được công bố.',
    en: 'This snapshot was withdrawn by its publisher or an administrator; its figures are no longer published.',
  },
  snapshotList: { vi: 'Các ảnh chụp đã xuất bản', en: 'Snapshots published so far' },
  snapshotStatus_published: { vi: 'Đang công bố', en: 'Published' },
  snapshotStatus_withdrawn: { vi: 'Đã gỡ', en: 'Withdrawn' },
  snapshotWithdraw: { vi: 'Gỡ xuống', en: 'Withdraw' },
  snapshotWithdrawConfirm: {
    vi:
      'Gỡ ảnh chụp này vĩnh viễn? Số liệu của nó sẽ bị xóa; ai mở liên kết sẽ ' +
      'thấy thông báo “đã gỡ”. Không thể hoàn tác.',
    en:
      'Withdraw this snapshot for good? Its figures are deleted; anyone ' +
      'opening the link sees that it was withdrawn. This cannot be undone.',
  },
  embedExpires: { vi: 'hết hạn {date}', en: 'expires {date}' },
  noData: { vi: 'Không có dữ liệu cho bộ lọc này.', en: 'No data for this filter.' },
  loadFailed: { vi: 'Không tải được số liệu', en: 'Could not load the figures' },
  errorNetwork: {
    vi: 'không kết nối được máy chủ, hãy kiểm tra mạng',
    en: 'the server could not be reached; check the connection',
  },
  errorBadFilter: { vi: 'bộ lọc không hợp lệ ({detail})', en: 'the filter is not valid ({detail})' },
  errorServer: {
    vi: 'máy chủ gặp lỗi, hãy thử lại sau ({detail})',
    en: 'the server failed; try again later ({detail})',
  },
  clusterPick: { vi: 'Cụm, khối đang xem', en: 'Cluster or block shown' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  chartSummary: {
    vi: 'Năm {last}: {total} khen thưởng; cao nhất năm {maxYear} ({max}).',
    en: '{last}: {total} awards; highest in {maxYear} ({max}).',
  },
  source: { vi: 'Nguồn: thidua', en: 'Source: thidua' },
  exportSource: {
    vi: 'Nguồn: thidua · dữ liệu cập nhật lúc {time} (phiên bản {version})',
    en: 'Source: thidua · data updated at {time} (version {version})',
  },
  years: { vi: 'Năm', en: 'Years' },
  clusterShort: { vi: 'Cụm, khối', en: 'Cluster' },
  downloads: { vi: 'Tải xuống', en: 'Download' },
  downloadCsv: { vi: 'CSV', en: 'CSV' },
  downloadXlsx: { vi: 'Excel', en: 'Excel' },
  downloadPng: { vi: 'Ảnh PNG', en: 'PNG image' },
  imageScale: { vi: 'Độ nét ảnh', en: 'Image scale' },
  copyImage: { vi: 'Sao chép ảnh', en: 'Copy image' },
  imageCopied: { vi: 'Đã sao chép ảnh', en: 'Image copied' },
  imageFailed: { vi: 'Không tạo được ảnh', en: 'Could not make the image' },
  navData: { vi: 'Dữ liệu', en: 'Data' },
  ds_units: { vi: 'Đơn vị', en: 'Units' },
  ds_unit_lineage: { vi: 'Kế thừa đơn vị (sáp nhập, chia tách)', en: 'Unit lineage (mergers, splits)' },
  ds_clusters: { vi: 'Cụm, khối thi đua', en: 'Emulation clusters and blocs' },
  ds_cluster_members: { vi: 'Thành viên cụm, khối', en: 'Cluster members' },
  ds_movements: { vi: 'Phong trào thi đua', en: 'Emulation movements' },
  ds_award_types: { vi: 'Danh hiệu, hình thức khen thưởng', en: 'Award types' },
  ds_awards: { vi: 'Khen thưởng', en: 'Awards' },
  ds_movement_results: { vi: 'Kết quả chấm điểm, xếp hạng', en: 'Scores and ranks' },
  templatesTitle: { vi: 'Tải biểu mẫu', en: 'Download templates' },
  uploadTitle: { vi: 'Nhập dữ liệu', en: 'Import data' },
  datasetLabel: { vi: 'Loại dữ liệu', en: 'Dataset' },
  dropHere: {
    vi: 'Kéo thả tệp CSV, Excel (.xlsx) hoặc JSON vào đây, hoặc',
    en: 'Drop a CSV, Excel (.xlsx) or JSON file here, or',
  },
  chooseFile: { vi: 'chọn tệp', en: 'choose a file' },
  previewTitle: { vi: 'Xem trước {n} dòng đầu', en: 'Preview of the first {n} rows' },
  previewNone: {
    vi: 'Không xem trước được tệp này; vẫn có thể kiểm tra.',
    en: 'No preview for this file; it can still be checked.',
  },
  dryRun: { vi: 'Kiểm tra (chưa ghi)', en: 'Check (dry run)' },
  doImport: { vi: 'Nhập vào hệ thống', en: 'Import' },
  importHint: {
    vi: 'Kiểm tra trước; tệp chỉ được nhập khi không có lỗi nào, và nhập toàn bộ hoặc không nhập dòng nào.',
    en: 'Check first; a file is imported only when it has no error, and then all of it or nothing.',
  },
  uploading: { vi: 'Đang tải lên… {pct}%', en: 'Uploading… {pct}%' },
  processing: { vi: 'Đang kiểm tra và ghi dữ liệu…', en: 'Checking and writing…' },
  checkOk: {
    vi: 'Tệp hợp lệ: {rows} dòng. Chưa ghi gì; bấm “Nhập vào hệ thống” để nhập.',
    en: 'The file is valid: {rows} rows. Nothing written yet; press “Import” to import it.',
  },
  importOk: { vi: 'Đã nhập {rows} dòng (lô số {id}).', en: 'Imported {rows} rows (batch {id}).' },
  duplicate: {
    vi: 'Tệp này đã được nhập trước đây (lô số {id}); không nhập lại, không tính trùng.',
    en: 'This file was imported before (batch {id}); nothing was added twice.',
  },
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
  status_committing: { vi: 'Đang ghi nhận', en: 'Committing' },
  status_rolling_back: { vi: 'Đang hoàn tác', en: 'Rolling back' },
  rollback: { vi: 'Hoàn tác', en: 'Roll back' },
  rollingBack: { vi: 'Đang hoàn tác…', en: 'Rolling back…' },
  busyBatch: { vi: 'Đang xử lý', en: 'In progress' },
  rollbackConfirm: {
    vi:
      'Hoàn tác lô số {id} ({dataset}, {rows} dòng)? Mọi số liệu tổng hợp sẽ ' +
      'được tính lại như chưa từng nhập lô này.',
    en: 'Roll back batch {id} ({dataset}, {rows} rows)? Every total is recomputed as if it had never been imported.',
  },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  rolledBack: { vi: 'Đã hoàn tác lô số {id}.', en: 'Batch {id} rolled back.' },
  until: { vi: 'đến', en: 'until' },
  since: { vi: 'từ', en: 'from' },
  now: { vi: 'nay', en: 'now' },
  fromDate: { vi: 'từ', en: 'from' },
  becomes: { vi: 'chuyển thành', en: 'became' },
  breadcrumb: { vi: 'Vị trí trong cây địa bàn', en: 'Position in the area tree' },
  areaTopTitle: { vi: 'Khen thưởng theo tỉnh, thành phố', en: 'Awards by province' },
  areaChildrenTitle: { vi: 'Khen thưởng trong {unit}', en: 'Awards within {unit}' },
  areaNote: {
    vi:
      'Chọn tên một đơn vị trong bảng để xem các đơn vị trực thuộc. Khen thưởng ghi trực tiếp cho chính đơn vị ' +
      'được nêu riêng, dưới biểu đồ.',
    en:
      'Choose a unit name in the table to see the units under it. Awards recorded directly on the unit ' +
      'itself are given apart, under the chart.',
  },
  drillDown: { vi: 'Xem đơn vị trực thuộc', en: 'Show units under' },
  heatmapTitle: { vi: 'Khen thưởng theo đơn vị và năm', en: 'Awards by unit and year' },
  heatmapSummary: {
    vi: '{units} đơn vị, {years} năm; ô càng đậm, số khen thưởng càng nhiều.',
    en: '{units} units, {years} years; darker cells mean more awards.',
  },
  heatmapNote: {
    vi: 'Ô trống: đơn vị chưa thành lập hoặc đã thôi tồn tại năm đó (sắp xếp đơn vị hành chính 2025).',
    en: 'Empty cell: the unit did not exist that year (2025 reorganisation of administrative units).',
  },
  reorgTitle: { vi: 'Sắp xếp đơn vị hành chính 2025', en: '2025 reorganisation of administrative units' },
  showAllChanges: { vi: 'Xem tất cả {n} thay đổi', en: 'Show all {n} changes' },
  reorgNone: { vi: 'Các đơn vị đang xem không thay đổi địa giới.', en: 'The units in view did not change.' },
  noClusters: { vi: 'Chưa có cụm, khối thi đua nào.', en: 'No clusters or blocks yet.' },
  ranksTitle: { vi: 'Thứ hạng các thành viên qua các năm', en: "Members' ranks over the years" },
  ranksNote: {
    vi:
      'Hạng 1 ở trên cùng. Đường bắt đầu hoặc dừng lại khi đơn vị vào hoặc ra ' +
      'khỏi cụm, khối. Trong bảng: hạng (điểm) · khen thưởng đề nghị.',
    en:
      'Rank 1 at the top. A line starts or stops where a unit joined or left. ' +
      'In the table: rank (score) · proposed award.',
  },
  ranksSummary: {
    vi: 'Năm {year}: dẫn đầu là {unit} ({score} điểm).',
    en: '{year}: first was {unit} ({score} points).',
  },
  rank: { vi: 'Hạng', en: 'Rank' },
  score: { vi: 'Điểm', en: 'Score' },
  rankScore: { vi: 'Hạng (điểm)', en: 'Rank (score)' },
  proposedAward: { vi: 'Đề nghị khen thưởng', en: 'Proposed award' },
  proposalsTitle: {
    vi: 'Đơn vị dẫn đầu được đề nghị khen thưởng ({n} năm gần nhất)',
    en: 'Leaders proposed for awards (last {n} years)',
  },
  membersTitle: { vi: 'Thành viên và thay đổi thành viên', en: 'Members and membership changes' },
  period: { vi: 'Thời gian', en: 'Period' },
  membership: { vi: 'Thay đổi', en: 'Change' },
  memberJoined: { vi: 'vào cụm năm {year}', en: 'joined in {year}' },
  memberLeft: { vi: 'rời cụm năm {year}', en: 'left in {year}' },
  memberSince: { vi: 'thành viên từ đầu', en: 'member from the start' },
  movementsTitle: { vi: 'Khen thưởng theo phong trào qua các năm', en: 'Awards per movement over the years' },
  movementsNote: {
    vi:
      'Mỗi đường là một phong trào, từ năm phát động đến năm kết thúc; chỉ ' +
      'tính khen thưởng gắn với phong trào (không tính khen thưởng thường ' +
      'xuyên ngoài phong trào).',
    en:
      'One line per movement, from its launch to its end; only awards given ' +
      'under a movement are counted (regular awards outside any movement are ' +
      'left out).',
  },
  movementListTitle: { vi: 'Các phong trào thi đua', en: 'Emulation movements' },
  movement: { vi: 'Phong trào', en: 'Movement' },
  noMovement: { vi: 'Không thuộc phong trào', en: 'Outside any movement' },
  launchedBy: { vi: 'Cấp phát động', en: 'Launched by' },
  span: { vi: 'Thời gian', en: 'Span' },
  filterByMovement: { vi: 'Lọc theo phong trào', en: 'Filter by movement' },
  level_central: { vi: 'Trung ương', en: 'Central' },
  level_province: { vi: 'Tỉnh', en: 'Province' },
  level_district: { vi: 'Huyện', en: 'District' },
  level_unit: { vi: 'Cơ sở', en: 'Unit' },
  kindByYearTitle: { vi: 'Cá nhân, tập thể, hộ gia đình theo năm', en: 'Individuals, collectives, households by year' },
  categoryByYearTitle: {
    vi: 'Danh hiệu thi đua và hình thức khen thưởng theo năm',
    en: 'Emulation titles and commendations by year',
  },
  byCategoryTitle: { vi: 'Danh hiệu thi đua và hình thức khen thưởng', en: 'Emulation titles and commendations' },
  byTierTitle: { vi: 'Theo cấp khen', en: 'By level' },
  byAwardTitle: { vi: 'Các danh hiệu, hình thức nhiều nhất', en: 'Most frequent award types' },
  byMethodTitle: { vi: 'Theo hình thức xét khen', en: 'By award method' },
  byClassTitle: { vi: 'Khen thưởng cá nhân theo thành phần', en: 'Individual awards by recipient class' },
  // sign-in, roles, the account in the header
  signInTitle: { vi: 'Cần đăng nhập', en: 'Sign-in required' },
  signInLead: {
    vi: 'Số liệu thi đua, khen thưởng chỉ dành cho người được cấp quyền. Hãy đăng nhập bằng một trong các cách sau:',
    en: 'The emulation and commendation figures are for authorised people only. Sign in in one of these ways:',
  },
  signInLink: {
    vi: 'Mở liên kết đăng nhập mà quản trị viên gửi cho bạn. Mỗi liên kết chỉ dùng được một lần và có thời hạn.',
    en: 'Open the sign-in link an administrator sent you. Each link works once and expires.',
  },
  signInAccess: {
    vi: 'Đăng nhập qua Cloudflare Access của cơ quan, đơn vị, rồi tải lại trang này.',
    en: "Sign in through your organisation's Cloudflare Access, then reload this page.",
  },
  signInAdmin: {
    vi:
      'Chưa có tài khoản hoặc liên kết? Quản trị viên có thể thêm bạn và tạo ' +
      'cho bạn một liên kết đăng nhập ở trang Quản trị.',
    en:
      'No account or link yet? An administrator can add you and make a ' +
      'sign-in link for you on the Administration page.',
  },
  signInReload: { vi: 'Tải lại trang', en: 'Reload the page' },
  signedOut: { vi: 'Bạn đã đăng xuất.', en: 'You have signed out.' },
  sessionEnded: {
    vi: 'Phiên đăng nhập đã kết thúc (hết hạn, đã đăng xuất ở nơi khác hoặc tài khoản bị vô hiệu hóa).',
    en: 'Your session has ended (it expired, was signed out elsewhere, or the account was disabled).',
  },
  signInLinkInvalid: {
    vi: 'Liên kết đăng nhập không hợp lệ hoặc đã hết hạn. Hãy đề nghị quản trị viên cấp một liên kết mới.',
    en: 'The sign-in link is not valid or has expired. Ask an administrator for a new one.',
  },
  signInLinkUsed: {
    vi:
      'Liên kết đăng nhập này đã được dùng. Mỗi liên kết chỉ mở được một ' +
      'phiên: hãy đề nghị quản trị viên cấp một liên kết mới.',
    en: 'This sign-in link has already been used. Each link opens one session: ask an administrator for a new one.',
  },
  signInLinkNoAccess: {
    vi:
      'Liên kết đăng nhập này dành cho một tài khoản đã bị vô hiệu hóa hoặc ' +
      'không còn tồn tại. Hãy liên hệ quản trị viên.',
    en: 'This sign-in link is for an account that has been disabled or no longer exists. Contact an administrator.',
  },
  signInTooMany: {
    vi: 'Có quá nhiều lần đăng nhập không thành công từ địa chỉ này. Hãy thử lại sau ít phút (tối đa 15 phút).',
    en: 'Too many failed sign-in attempts from this address. Try again in a few minutes (at most 15).',
  },
  signInDenied: { vi: 'Tài khoản này chưa được cấp quyền truy cập', en: 'This account has no access' },
  sessionFailed: { vi: 'Không kiểm tra được đăng nhập', en: 'Could not check the sign-in' },
  account: { vi: 'Tài khoản đang đăng nhập', en: 'Signed-in account' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  bootstrapAdmin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  role: { vi: 'Vai trò', en: 'Role' },
  role_viewer: { vi: 'Người xem', en: 'Viewer' },
  role_analyst: { vi: 'Phân tích viên', en: 'Analyst' },
  role_editor: { vi: 'Biên tập viên', en: 'Editor' },
  role_admin: { vi: 'Quản trị viên', en: 'Administrator' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  scopeAll: { vi: 'Toàn bộ', en: 'Everything' },
  scopeUnit: { vi: 'Đơn vị: {name}', en: 'Unit: {name}' },
  scopeCluster: { vi: 'Cụm, khối: {name}', en: 'Cluster: {name}' },
  allInScope: { vi: 'Toàn bộ phạm vi của bạn', en: 'All of your scope' },
  pageNotAllowed: {
    vi: 'Trang này dành cho {role} trở lên; vai trò của bạn là {yours}. Hãy nhờ quản trị viên nếu bạn cần quyền này.',
    en: 'This page is for the {role} role or higher; yours is {yours}. Ask an administrator if you need it.',
  },
  errorForbidden: {
    vi: 'bạn không có quyền xem số liệu này ({detail})',
    en: 'you are not allowed to see this ({detail})',
  },
  errorTooMany: {
    vi: 'quá nhiều lần thử, hãy đợi rồi thử lại ({detail})',
    en: 'too many attempts; wait and try again ({detail})',
  },
  // the administration page
  navAdmin: { vi: 'Quản trị', en: 'Administration' },
  navReports: { vi: 'Báo cáo', en: 'Reports' },
  reportsHelp: {
    vi:
      'Biểu mẫu thống kê hằng năm theo Thông tư 02/2023/TT-BNV và báo cáo ' +
      'tổng kết năm, cho một đơn vị (gồm các đơn vị trực thuộc) và một năm. ' +
      'Xem trước như bản in, tải Excel, in hoặc lưu PDF.',
    en:
      'The annual statistical forms of Circular 02/2023/TT-BNV and the ' +
      'year-end report, for a unit (with the units under it) and a year. ' +
      'Preview as printed, download Excel, print or save as PDF.',
  },
  reportForm: { vi: 'Biểu mẫu', en: 'Form' },
  reportUnit: { vi: 'Đơn vị báo cáo', en: 'Reporting unit' },
  reportYear: { vi: 'Năm báo cáo', en: 'Report year' },
  reportBounds: { vi: 'Cách tính', en: 'Counting' },
  reportBoundsYearEnd: { vi: 'Cả năm, theo địa giới cuối kỳ', en: "Whole year, on the period's final boundaries" },
  reportBoundsRecorded: { vi: 'Như ghi nhận', en: 'As recorded' },
  reportBoundsHelp: {
    vi:
      'Cả năm theo địa giới cuối kỳ: đơn vị mới sau sắp xếp năm 2025 được ' +
      'tính cả số liệu nửa đầu năm của các đơn vị cũ hợp thành (vd. tỉnh Hưng ' +
      'Yên mới năm 2025 gồm cả tỉnh Thái Bình cũ đến 30/06/2025).',
    en:
      'Whole year on the final boundaries: a unit created by the 2025 ' +
      'reorganisation also counts the first half of the year of the old units ' +
      'it was made from (e.g. the new Hưng Yên province in 2025 includes old ' +
      'Thái Bình up to 30/06/2025).',
  },
  form0601: { vi: 'Biểu 0601: Số phong trào thi đua', en: 'Form 0601: emulation movements' },
  form0602: { vi: 'Biểu 0602: Khen thưởng cấp Nhà nước', en: 'Form 0602: state-level awards' },
  form0603: { vi: 'Biểu 0603: Khen thưởng cấp bộ, ban, ngành, tỉnh', en: 'Form 0603: ministry/province-level awards' },
  formPreview: { vi: 'Xem trước biểu mẫu', en: 'Form preview' },
  formItem: { vi: 'Chỉ tiêu', en: 'Item' },
  formCode: { vi: 'Mã số', en: 'Code' },
  formReportingUnit: { vi: 'Đơn vị báo cáo', en: 'Reporting unit' },
  formReceivingUnit: { vi: 'Đơn vị nhận báo cáo', en: 'Receiving unit' },
  downloadFormXlsx: { vi: 'Tải Excel (XLSX)', en: 'Download Excel (XLSX)' },
  printForm: { vi: 'In / Lưu PDF', en: 'Print / save as PDF' },
  printFormHelp: {
    vi:
      'Bản PDF là bản in của trình duyệt: chọn "Lưu dưới dạng PDF" trong hộp ' +
      'thoại in; biểu rộng được in khổ A4 ngang.',
    en: 'The PDF is the browser\'s print: choose "Save as PDF" in the print dialog; wide forms print on A4 landscape.',
  },
  yearEndTitle: {
    vi: 'Báo cáo tổng kết công tác thi đua, khen thưởng năm {year}',
    en: 'Year-end report on emulation and commendation, {year}',
  },
  yearEndDocx: { vi: 'Tải báo cáo tổng kết (Word)', en: 'Download the year-end report (Word, in Vietnamese)' },
  yearEndHelp: {
    vi:
      'Văn bản Word theo thể thức Nghị định 30/2020/NĐ-CP: phần số liệu được ' +
      'viết sẵn từ dữ liệu (so với năm trước), các phần nhận định để trống có ' +
      'tiêu đề cho người soạn.',
    en:
      'A Word document in the format of Decree 30/2020/NĐ-CP: the statistics ' +
      'are written from the data (against last year); the narrative parts are ' +
      'headed placeholders for the author.',
  },
  yearEndTotal: { vi: 'Tổng số khen thưởng', en: 'All awards' },
  yearEndDirect: { vi: 'Người lao động trực tiếp (tỷ lệ cá nhân)', en: 'Direct laborers (share of individuals)' },
  yearEndWomen: { vi: 'Nữ (tỷ lệ cá nhân)', en: 'Women (share of individuals)' },
  yearEndAdHoc: { vi: 'Khen thưởng đột xuất', en: 'Ad-hoc awards' },
  yearEndPrevious: { vi: 'năm {year}: {n}', en: '{year}: {n}' },
  printedFilters: { vi: 'Phạm vi số liệu', en: 'Figures for' },
  printedAt: { vi: 'In lúc', en: 'Printed' },
  usersTitle: { vi: 'Người dùng', en: 'Users' },
  usersEmpty: {
    vi: 'Chưa có người dùng nào ngoài quản trị hệ thống.',
    en: 'No users yet besides the system administrator.',
  },
  colEmail: { vi: 'Email', en: 'Email' },
  colName: { vi: 'Họ tên', en: 'Name' },
  colCreated: { vi: 'Ngày tạo', en: 'Created' },
  colActions: { vi: 'Thao tác', en: 'Actions' },
  userActive: { vi: 'Đang hoạt động', en: 'Active' },
  userDisabled: { vi: 'Đã vô hiệu hóa', en: 'Disabled' },
  addUserTitle: { vi: 'Thêm người dùng', en: 'Add a user' },
  addUserHelp: {
    vi: 'Email là địa chỉ mà Cloudflare Access xác nhận; người chưa dùng Access đăng nhập bằng liên kết do bạn tạo.',
    en: 'The email is the address Cloudflare Access signs in; people without Access sign in with a link you make.',
  },
  addUser: { vi: 'Thêm người dùng', en: 'Add user' },
  userAdded: { vi: 'Đã thêm {email}.', en: '{email} added.' },
  scopeNone: { vi: 'Không giới hạn', en: 'No limit' },
  scopeOneUnit: { vi: 'Một đơn vị (kèm các đơn vị trực thuộc)', en: 'One unit (with the units under it)' },
  scopeOneCluster: { vi: 'Một cụm, khối thi đua', en: 'One cluster or block' },
  chooseUnit: { vi: 'Đơn vị', en: 'Unit' },
  chooseCluster: { vi: 'Cụm, khối', en: 'Cluster or block' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  optional: { vi: 'không bắt buộc', en: 'optional' },
  edit: { vi: 'Sửa', en: 'Edit' },
  editUserTitle: { vi: 'Sửa người dùng {email}', en: 'Change user {email}' },
  save: { vi: 'Lưu', en: 'Save' },
  saved: { vi: 'Đã lưu thay đổi của {email}.', en: 'Changes to {email} saved.' },
  disable: { vi: 'Vô hiệu hóa', en: 'Disable' },
  enable: { vi: 'Kích hoạt lại', en: 'Enable' },
  disableConfirm: {
    vi: 'Vô hiệu hóa {email}? Các phiên đăng nhập của người này kết thúc ngay và mã API của họ ngừng hoạt động.',
    en: 'Disable {email}? Their sessions end at once and their API tokens stop working.',
  },
  enableConfirm: {
    vi:
      'Kích hoạt lại {email}? Người này đăng nhập lại được; các mã API chưa ' +
      'hết hạn, chưa thu hồi của họ hoạt động trở lại.',
    en: 'Enable {email} again? They can sign in again; their unexpired, unrevoked API tokens work again.',
  },
  disabledDone: { vi: 'Đã vô hiệu hóa {email}.', en: '{email} disabled.' },
  enabledDone: { vi: 'Đã kích hoạt lại {email}.', en: '{email} enabled again.' },
  makeLink: { vi: 'Tạo liên kết đăng nhập', en: 'Make a sign-in link' },
  linkTitle: { vi: 'Liên kết đăng nhập cho {email}', en: 'Sign-in link for {email}' },
  linkLifetime: { vi: 'Hiệu lực (giờ)', en: 'Valid for (hours)' },
  makeLinkButton: { vi: 'Tạo liên kết', en: 'Make the link' },
  linkMade: { vi: 'Liên kết (hết hạn lúc {date})', en: 'Link (expires {date})' },
  linkWarning: {
    vi:
      'Người mở liên kết này đầu tiên sẽ đăng nhập với tư cách {email} (liên ' +
      'kết dùng được một lần, đến khi hết hạn): chỉ gửi cho đúng người.',
    en:
      'Whoever opens this link first signs in as {email} (it works once, ' +
      'until it expires): send it to that person only.',
  },
  copy: { vi: 'Sao chép', en: 'Copy' },
  copied: { vi: 'Đã sao chép', en: 'Copied' },
  copyFailed: {
    vi: 'Không sao chép được: hãy chọn và sao chép bằng tay.',
    en: 'Could not copy: select it and copy by hand.',
  },
  close: { vi: 'Đóng', en: 'Close' },
  confirm: { vi: 'Xác nhận', en: 'Confirm' },
  tokensTitle: { vi: 'Mã API', en: 'API tokens' },
  tokensHelp: {
    vi:
      'Mã API dùng cho chương trình, tập lệnh: gửi kèm “Authorization: Bearer ' +
      '<mã>”. Mã mang vai trò và phạm vi của người sở hữu.',
    en:
      'API tokens are for programs and scripts: send “Authorization: Bearer ' +
      '<token>”. A token has its owner’s role and scope.',
  },
  tokensEmpty: { vi: 'Chưa có mã API nào.', en: 'No API tokens yet.' },
  colOwner: { vi: 'Người sở hữu', en: 'Owner' },
  colLabel: { vi: 'Tên mã', en: 'Label' },
  colExpires: { vi: 'Hết hạn', en: 'Expires' },
  colLastUsed: { vi: 'Dùng lần cuối', en: 'Last used' },
  neverUsed: { vi: 'Chưa dùng', en: 'Never' },
  createTokenTitle: { vi: 'Tạo mã API', en: 'Create an API token' },
  tokenUser: { vi: 'Cho người dùng', en: 'For user' },
  tokenLabelField: {
    vi: 'Tên mã (để nhận ra, vd. “Báo cáo tự động”)',
    en: 'Label (to recognise it, e.g. “Nightly report”)',
  },
  tokenDays: { vi: 'Hiệu lực (ngày)', en: 'Valid for (days)' },
  createToken: { vi: 'Tạo mã', en: 'Create token' },
  tokenNeedsUser: {
    vi: 'Hãy thêm người dùng trước: mã API luôn thuộc về một người dùng.',
    en: 'Add a user first: an API token always belongs to a user.',
  },
  tokenShownOnce: { vi: 'Mã API mới cho {email}', en: 'New API token for {email}' },
  tokenWarning: {
    vi: 'Hãy sao chép và cất giữ mã này ngay: nó sẽ không được hiển thị lại. Nếu làm mất, hãy thu hồi và tạo mã mới.',
    en: 'Copy and keep this token now: it will not be shown again. If it is lost, revoke it and create a new one.',
  },
  tokenDismiss: { vi: 'Đã cất giữ, ẩn mã', en: 'Saved it, hide the token' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  revokeConfirm: {
    vi: 'Thu hồi mã “{label}” của {email}? Từ yêu cầu tiếp theo, mã này bị từ chối; không thể hoàn tác.',
    en: 'Revoke the token “{label}” of {email}? From the next request on it is refused; this cannot be undone.',
  },
  revokedDone: { vi: 'Đã thu hồi mã “{label}”.', en: 'Token “{label}” revoked.' },
  tokenStatus_active: { vi: 'Đang hiệu lực', en: 'Active' },
  tokenStatus_expired: { vi: 'Hết hạn', en: 'Expired' },
  tokenStatus_revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  auditTitle: { vi: 'Nhật ký hoạt động', en: 'Audit log' },
  auditEmpty: { vi: 'Chưa có hoạt động nào.', en: 'Nothing recorded yet.' },
  auditAction: { vi: 'Hành động', en: 'Action' },
  auditAll: { vi: 'Tất cả hành động', en: 'All actions' },
  colActor: { vi: 'Người thực hiện', en: 'By' },
  colTarget: { vi: 'Đối tượng', en: 'Target' },
  colDetail: { vi: 'Chi tiết', en: 'Detail' },
  more: { vi: 'Xem thêm', en: 'Show more' },
  auditEnd: { vi: 'Đã hiển thị toàn bộ nhật ký.', en: 'That is the whole log.' },
  action_import: { vi: 'Nhập dữ liệu', en: 'Import' },
  action_rollback: { vi: 'Hoàn tác lô nhập', en: 'Rollback' },
  action_sign_in: { vi: 'Đăng nhập', en: 'Sign-in' },
  action_sign_in_link: { vi: 'Tạo liên kết đăng nhập', en: 'Sign-in link made' },
  action_user_create: { vi: 'Thêm người dùng', en: 'User added' },
  action_user_update: { vi: 'Sửa người dùng', en: 'User changed' },
  action_user_disable: { vi: 'Vô hiệu hóa người dùng', en: 'User disabled' },
  action_user_enable: { vi: 'Kích hoạt lại người dùng', en: 'User enabled again' },
  action_sign_out: { vi: 'Đăng xuất', en: 'Sign-out' },
  action_token_create: { vi: 'Tạo mã API', en: 'API token created' },
  action_token_revoke: { vi: 'Thu hồi mã API', en: 'API token revoked' },
  action_embed_create: { vi: 'Tạo mã nhúng biểu đồ', en: 'Embed token created' },
  action_embed_revoke: { vi: 'Thu hồi mã nhúng biểu đồ', en: 'Embed token revoked' },
  action_snapshot_publish: { vi: 'Xuất bản ảnh chụp cố định', en: 'Snapshot published' },
  action_snapshot_withdraw: { vi: 'Gỡ ảnh chụp cố định', en: 'Snapshot withdrawn' },
  detail_role: { vi: 'vai trò', en: 'role' },
  detail_scope: { vi: 'phạm vi', en: 'scope' },
  detail_label: { vi: 'tên mã', en: 'label' },
  detail_expires_at: { vi: 'hết hạn', en: 'expires' },
  detail_name: { vi: 'họ tên', en: 'name' },
  detail_dataset: { vi: 'loại dữ liệu', en: 'dataset' },
  detail_rows: { vi: 'số dòng', en: 'rows' },
  detail_via: { vi: 'cách đăng nhập', en: 'via' },
  detail_disabled_at: { vi: 'vô hiệu hóa lúc', en: 'disabled at' },
  detail_scope_unit: { vi: 'phạm vi đơn vị', en: 'unit scope' },
  detail_scope_cluster: { vi: 'phạm vi cụm, khối', en: 'cluster scope' },
  detail_parts: { vi: 'gửi nhiều phần', en: 'in parts' },
  via_link: { vi: 'liên kết đăng nhập', en: 'sign-in link' },
  yes: { vi: 'có', en: 'yes' },
  no: { vi: 'không', en: 'no' },
  none: { vi: 'không có', en: 'none' },
  actionFailed: { vi: 'Không thực hiện được', en: 'Failed' },
  adminHelp: {
    vi:
      'Người dùng, vai trò và phạm vi; mã API cho chương trình; nhật ký mọi ' +
      'thay đổi. Vai trò: Người xem (bảng số liệu) < Phân tích viên (+ tải ' +
      'tệp, nhúng, ảnh chụp) < Biên tập viên (+ nhập dữ liệu) < Quản trị viên ' +
      '(+ trang này).',
    en:
      'Users, roles and scopes; API tokens for programs; the log of every ' +
      'change. Roles: Viewer (dashboards) < Analyst (+ downloads, embeds, ' +
      'snapshots) < Editor (+ imports) < Administrator (+ this page).',
  },
  ...leaderDict,
  ...goalsDict,
  ...federationDict,
} as const;

export type Key = keyof typeof dict;

/** The current language: ?lang=en in the URL, Vietnamese by default. */
export function lang(): Lang {
  return urlState.params.lang === 'en' ? 'en' : 'vi';
}

/** Is there a label for this key (for values that come from the API, like audit actions)? */
export const hasKey = (key: string): key is Key => key in dict;

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  let s: string = dict[key][lang()];
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
