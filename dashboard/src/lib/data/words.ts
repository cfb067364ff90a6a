import { lang } from '../i18n.svelte';

// The Dữ liệu page's own words (import errors and warnings), kept beside the page that says them.
const words = {
  templateLink: { vi: 'Tải mẫu XLSX', en: 'Download the XLSX template' },
  templateLinkHint: {
    vi: 'có ô chọn, danh mục đơn vị, hình thức khen và một dòng mẫu',
    en: 'with dropdowns, the unit and award lists and a sample row',
  },
  templatesHelp: {
    vi:
      'Mẫu Excel có ô chọn cho các cột có danh sách, trang danh mục đơn vị và ' +
      'hình thức khen còn hiệu lực, dòng mẫu và trang hướng dẫn; mẫu CSV chỉ có ' +
      'dòng tiêu đề. Tiêu đề cột tiếng Việt được chấp nhận khi nhập.',
    en:
      'The Excel template has dropdowns for the columns with a list, sheets of ' +
      'the units and award types in force, a sample row and instructions; the ' +
      'CSV one has the header only. Vietnamese headers are accepted on import.',
  },
  groupsTitle: { vi: 'Lỗi theo cột và giá trị', en: 'Problems by column and value' },
  groupsTruncated: {
    vi: 'Có hơn {n} loại lỗi khác nhau; chỉ liệt kê {n} loại đầu.',
    en: 'More than {n} distinct problems; only the first {n} are listed.',
  },
  groupRows: { vi: 'trong {n} dòng', en: 'in {n} row(s)' },
  firstRows: { vi: 'Dòng (trong bảng tính)', en: 'Rows (in the spreadsheet)' },
  allRows: { vi: 'Từng dòng lỗi ({n})', en: 'Each problem row ({n})' },
  sheetRow: { vi: 'Dòng trong bảng tính', en: 'Spreadsheet row' },
  dataRow: { vi: 'Dòng dữ liệu', en: 'Data row' },
  fileHeader: { vi: 'Cột trong tệp', en: 'Column in the file' },
  columnKey: { vi: 'Tên cột chuẩn', en: 'Standard column' },
  sameProblem: { vi: 'Số dòng cùng lỗi', en: 'Rows with this problem' },
  andMore: { vi: 'và {n} dòng khác', en: 'and {n} more' },
  warningsTitle: { vi: '{n} lưu ý (vẫn được nhập)', en: '{n} warnings (imported all the same)' },
  listFields: { vi: 'Thông tin chung của danh sách', en: "The list's own fields" },
  listFieldsHint: {
    vi:
      'Điền nếu tệp không có các cột này (ví dụ năm và danh hiệu ghi ở tiêu ' +
      'đề danh sách); dòng nào có giá trị riêng thì giữ giá trị đó.',
    en:
      'Fill these in when the file has no such columns (say the year and ' +
      'award are in the list title); a row with its own value keeps it.',
  },
  listFieldsFromTitle: {
    vi: 'Các ô tô màu được điền theo tiêu đề của danh sách trong tệp; hãy xem lại trước khi kiểm tra tệp.',
    en: "The shaded fields were filled in from the list's title in the file; look them over before checking the file.",
  },
  fieldYear: { vi: 'Năm', en: 'Year' },
  fieldAward: { vi: 'Danh hiệu, hình thức khen thưởng', en: 'Award type' },
  fieldKind: { vi: 'Đối tượng', en: 'Recipient kind' },
  fieldDecisionNo: { vi: 'Số quyết định', en: 'Decision number' },
  fieldDecisionDate: { vi: 'Ngày quyết định', en: 'Decision date' },
  classTitle: { vi: 'Thành phần gợi ý theo chức vụ', en: 'Recipient class suggested from the position' },
  position: { vi: 'Chức vụ (trong tệp)', en: 'Position (in the file)' },
  suggestedClass: { vi: 'Thành phần gợi ý', en: 'Suggested class' },
  rowsCount: { vi: 'Số dòng', en: 'Rows' },
  noClass: { vi: '(không gợi ý)', en: '(no suggestion)' },
  applyClass: {
    vi: 'Dùng thành phần gợi ý cho cá nhân chưa ghi thành phần',
    en: 'Use the suggested class for individuals whose row gives none',
  },
  codesTitle: { vi: 'Tra cứu mã', en: 'Look up a code' },
  codesWhich: { vi: 'Danh mục', en: 'List' },
  codesUnits: { vi: 'Đơn vị', en: 'Units' },
  codesAwards: { vi: 'Danh hiệu, hình thức', en: 'Award types' },
  codesSearch: {
    vi: 'Tìm theo tên hoặc mã (gõ không dấu cũng được)',
    en: 'Search by name or code (diacritics optional)',
  },
  codesFound: { vi: '{n} kết quả', en: '{n} found' },
  codesCopy: { vi: 'Bấm để sao chép mã', en: 'Click to copy the code' },
  codesCopied: { vi: 'đã sao chép {code}', en: 'copied {code}' },
  breakdownTitle: {
    vi: 'Lô số {id} đã nhập: theo đơn vị và danh hiệu',
    en: 'What batch {id} brought in, by unit and award',
  },
  breakdownFailed: { vi: 'Không tải được bảng tổng hợp của lô.', en: "The batch's breakdown could not be loaded." },
  breakdownTruncated: { vi: 'Chỉ hiện 500 cặp lớn nhất.', en: 'The largest 500 pairs are shown.' },
  pickTitle: { vi: 'Chọn đơn vị cho {n} tên chưa xác định', en: 'Choose the unit for {n} unresolved name(s)' },
  pickHint: {
    vi:
      'Mỗi tên chỉ cần chọn một lần; bấm Ghi nhớ để lưu và kiểm tra lại tệp. ' +
      'Các tệp sau có tên này sẽ được hiểu là đơn vị đã chọn.',
    en:
      'Choose once per name; Remember saves the choices and checks the file ' +
      'again. Later files with the name will mean the unit chosen.',
  },
  pickAlso: { vi: 'Cũng viết là', en: 'Also written' },
  pickUnit: { vi: 'Đơn vị', en: 'Unit' },
  pickNone: { vi: '— chưa chọn —', en: '— not chosen —' },
  pickOther: { vi: 'Đơn vị khác (nhập mã)…', en: 'Another unit (type its code)…' },
  pickCode: { vi: 'Mã đơn vị (xem Tra cứu mã)', en: 'Unit code (see Look up a code)' },
  remember: { vi: 'Ghi nhớ ({n}) và kiểm tra lại', en: 'Remember ({n}) and check again' },
  aliasSaved: { vi: 'đã ghi nhớ: {code}', en: 'remembered: {code}' },
  aliasesTitle: { vi: 'Tên gọi đơn vị đã ghi nhớ', en: 'Remembered unit names' },
  aliasesHint: {
    vi: 'Tên đơn vị trong tệp được hiểu là đơn vị đã chọn, trước khi so tên.',
    en: 'A unit name in a file means the unit chosen, before names are compared.',
  },
  aliasesNone: { vi: 'Chưa ghi nhớ tên nào.', en: 'No names remembered yet.' },
  aliasRemove: { vi: 'Xoá', en: 'Remove' },
  aliasRemoveLabel: { vi: 'Xoá tên gọi ‘{alias}’', en: 'Remove the name ‘{alias}’' },
} as const;

export type WordKey = keyof typeof words;

export function w(key: WordKey, vars: Record<string, string | number> = {}): string {
  return words[key][lang()].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
