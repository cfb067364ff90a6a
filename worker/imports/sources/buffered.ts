import * as XLSX from '@e965/xlsx';
import { checkXlsxSize } from './xlsxLimits';
import { cellText, FileError, hex, notUtf8, type RowItem, type Source } from './types';

// XLSX and JSON are read whole (a zip and a JSON document cannot be parsed in pieces), so they
// have a size cap; CSV is the format for very large files.
export const MAX_BUFFERED_BYTES = 25 * 1024 * 1024;

async function* each(rows: string[][]): AsyncGenerator<RowItem> {
  for (const cells of rows) yield { cells };
}

function fromRows(buf: ArrayBuffer, rows: string[][], firstRow = 1): Source {
  const hash = crypto.subtle.digest('SHA-256', buf).then(hex);
  return { rows: each(rows), hash: () => hash, firstRow };
}

/**
 * The first sheet, header row first; cached values of formula cells, dates as YYYY-MM-DD.
 * Measured before it is expanded (xlsxLimits.ts).
 */
export async function xlsxSource(buf: ArrayBuffer): Promise<Source> {
  let wb: XLSX.WorkBook;
  const zip = new Uint8Array(buf, 0, Math.min(4, buf.byteLength));
  // SheetJS would happily read plain text as a sheet; an .xlsx is a zip archive ("PK\3\4")
  if (zip[0] !== 0x50 || zip[1] !== 0x4b || zip[2] !== 0x03 || zip[3] !== 0x04)
    throw new FileError(
      'The file is not an Excel workbook (.xlsx): save it as .xlsx or upload it as CSV.',
      'Tệp không phải sổ tính Excel (.xlsx): hãy lưu dạng .xlsx hoặc tải lên dạng CSV.',
    );
  await checkXlsxSize(new Uint8Array(buf));
  try {
    wb = XLSX.read(new Uint8Array(buf), { type: 'array', cellDates: true, dense: true });
  } catch {
    throw new FileError(
      'The file could not be read as an Excel workbook (.xlsx).',
      'Không đọc được tệp Excel (.xlsx) này.',
    );
  }
  const sheet = wb.Sheets[wb.SheetNames[0]];
  if (!sheet) throw new FileError('The workbook has no sheet.', 'Sổ tính không có trang nào.');
  const raw = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '', blankrows: true });
  // rows are read from the used range, which starts where the sheet's first filled cell is
  const firstRow = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']).s.r + 1 : 1;
  return fromRows(
    buf,
    raw.map((r) => r.map(cellText)),
    firstRow,
  );
}

/** An array of objects; the header is every key that appears, in order of appearance. */
export function jsonSource(buf: ArrayBuffer): Source {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buf));
  } catch (e) {
    if (e instanceof TypeError) throw notUtf8();
    throw new FileError(
      `The file is not valid JSON: ${(e as Error).message}`,
      `Tệp không phải JSON hợp lệ: ${(e as Error).message}`,
    );
  }
  if (!Array.isArray(data) || !data.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r)))
    throw new FileError(
      'JSON must be an array of objects, one per row, e.g. [{"year": 2024, "award_code": "LDTT", …}]',
      'JSON phải là một mảng đối tượng, mỗi đối tượng một dòng, ví dụ [{"year": 2024, "award_code": "LDTT", …}]',
    );
  const header = [...new Set(data.flatMap((r) => Object.keys(r as object)))];
  const rows = (data as Record<string, unknown>[]).map((r) =>
    header.map((k) => {
      const v = r[k];
      return typeof v === 'object' && v !== null ? JSON.stringify(v) : cellText(v);
    }),
  );
  return fromRows(buf, [header, ...rows]);
}
