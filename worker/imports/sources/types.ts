import type { Msg } from '../messages';

/** A record of the file: its cells as text, or what made it unreadable. The first is the header. */
export interface RowItem {
  cells: string[];
  problem?: string;
  /** The file cannot be read past this record (reading stops; the problem is the last one). */
  fatal?: Msg;
}

export interface Source {
  rows: AsyncIterable<RowItem>;
  /** The spreadsheet's row number of the first record (a sheet's used range may start lower); 1 if absent. */
  firstRow?: number;
  /** SHA-256 of the file's bytes, known once `rows` has been read to the end. */
  hash(): Promise<string>;
}

/** The file as a whole cannot be read (not UTF-8, not a spreadsheet, not a JSON array…). */
export class FileError extends Error {
  constructor(
    message: string,
    /** The same in Vietnamese (`error_vi`), for the Dữ liệu page. */
    readonly vi: string,
    readonly status: 400 | 413 | 415 | 422 = 400,
  ) {
    super(message);
  }
}

export const notUtf8 = () =>
  new FileError(
    'The file is not valid UTF-8 text. Save it as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8) and upload it again.',
    'Tệp không phải văn bản UTF-8 hợp lệ. Hãy lưu lại dạng "CSV UTF-8" ' +
      '(Excel: Tệp > Lưu thành > CSV UTF-8) rồi tải lên lại.',
  );

export function hex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Spreadsheet and JSON values as the text a CSV cell would hold. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v).trim();
}
