import { lang } from '../i18n.svelte';

// The Dữ liệu page's own words (import errors and warnings), kept beside the page that says them.
const words = {
  groupsTitle: { vi: 'Lỗi theo cột và giá trị', en: 'Problems by column and value' },
  groupsTruncated: {
    vi: 'Có hơn {n} loại lỗi khác nhau; chỉ liệt kê {n} loại đầu.',
    en: 'More than {n} distinct problems; only the first {n} are listed.',
  },
  groupRows: { vi: 'trong {n} dòng', en: 'in {n} rows' },
  firstRows: { vi: 'Dòng (trong bảng tính)', en: 'Rows (in the spreadsheet)' },
  allRows: { vi: 'Từng dòng lỗi ({n})', en: 'Each problem row ({n})' },
  sheetRow: { vi: 'Dòng trong bảng tính', en: 'Spreadsheet row' },
  dataRow: { vi: 'Dòng dữ liệu', en: 'Data row' },
  fileHeader: { vi: 'Cột trong tệp', en: 'Column in the file' },
  columnKey: { vi: 'Tên cột chuẩn', en: 'Standard column' },
  sameProblem: { vi: 'Số dòng cùng lỗi', en: 'Rows with this problem' },
  andMore: { vi: 'và {n} dòng khác', en: 'and {n} more' },
  warningsTitle: { vi: '{n} lưu ý (vẫn được nhập)', en: '{n} warnings (imported all the same)' },
} as const;

export type WordKey = keyof typeof words;

export function w(key: WordKey, vars: Record<string, string | number> = {}): string {
  return words[key][lang()].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
