import type { Column, DatasetDef } from './dataset';
import { msg, type Msg } from './messages';
import { clip } from './rowError';
import { fold } from './vocabulary';

export interface HeaderError {
  column: string | null;
  value: string;
  message: Msg;
}

// templates mark required columns with *; people number them ("1. Họ và tên") or add units ("Số lượng (người)")
const norm = (s: string) =>
  fold(
    s
      .trim()
      .replace(/\s*\*$/, '')
      .replace(/^\d+[.)]\s*/, '')
      .replace(/\s*\([^)]*\)$/, ''),
  );

/** How many rows above the header (titles of a list from a decision) are looked through. */
export const MAX_TITLE_ROWS = 20;

// Checked on every row: a first cell whose first letter-like character is plain ASCII other than t or
// c (a year, a code) cannot fold to "tổng"/"cộng", so it is not folded at all.
const NOT_TOTAL = /^[\s.,;:/()–-]*[\x21-\x7e](?<![tTcC.,;:/()-])/;

/** The closing "Tổng cộng: 30 người" line of a list: its first filled cell says so. */
export function isTotalLine(cells: string[]): boolean {
  const first = cells.find((c) => c.trim() !== '');
  if (first === undefined || NOT_TOTAL.test(first)) return false;
  // "Cộng" alone or with a figure; a name such as "Công Văn A" is not such a line
  return /^(tong cong|tong so|cong)\s*(:.*|\d.*)?$/.test(fold(first));
}

const POSITION = new Set(['chuc vu', 'chuc danh', 'chuc vu chuc danh', 'chuc danh chuc vu']);

/** Columns people keep in their lists that carry nothing we store: ignored without a warning. */
const KNOWN_EXTRA = new Set([
  'stt',
  'tt',
  'so tt',
  'so thu tu',
  'ghi chu',
  'chuc vu',
  'chuc danh',
  'ky nhan',
  ...POSITION,
]);

export interface HeaderMap {
  columns: (Column | undefined)[];
  errors: HeaderError[];
  /** Header cells that name no column of the dataset: their values are not imported. */
  ignored: string[];
  /** The Chức vụ column, which suggests a recipient class (positionClass.ts). */
  position?: number;
}

/**
 * Maps each header cell to a column of the dataset: by contract name, template header or a
 * header people commonly write (a column's aliases), without case or diacritics. A cell that
 * names no column is ignored (and listed), so a list with STT, Chức vụ or Ghi chú imports as is.
 */
export function mapHeader(cells: string[], def: DatasetDef, given: ReadonlySet<string> = new Set()): HeaderMap {
  const byName = new Map<string, Column>();
  for (const c of def.columns) for (const name of [c.key, c.vi, ...(c.aliases ?? [])]) byName.set(norm(name), c);
  const ignored: string[] = [];
  const errors: HeaderError[] = [];
  const seen = new Set<string>();
  let position: number | undefined;
  const columns = cells.map((cell, i) => {
    if (cell.trim() === '') return undefined;
    if (POSITION.has(norm(cell))) position ??= i;
    const col = byName.get(norm(cell));
    if (!col) {
      if (!KNOWN_EXTRA.has(norm(cell))) ignored.push(cell);
      return undefined;
    }
    if (seen.has(col.key))
      errors.push({
        column: col.key,
        value: cell,
        message: msg(`column '${col.key}' appears twice`, `cột '${col.key}' xuất hiện hai lần`),
      });
    seen.add(col.key);
    return col;
  });
  for (const c of def.columns)
    if (c.required && !seen.has(c.key) && !given.has(c.key))
      errors.push({
        column: c.key,
        value: '',
        message: msg(
          `required column '${c.key}' (${c.vi}) is missing from the header`,
          `thiếu cột bắt buộc '${c.vi}' (${c.key}) trong dòng tiêu đề`,
        ),
      });
  // one cell holding every name means the file uses another delimiter
  const joined = errors.length ? ignored.find((cell) => /[;,\t|]/.test(cell)) : undefined;
  if (joined !== undefined)
    errors.push({
      column: joined,
      value: joined,
      message: msg(
        `the header '${clip(joined, 60)}' looks like several columns in one: the delimiter must be "," or ";"`,
        `dòng tiêu đề '${clip(joined, 60)}' có vẻ gộp nhiều cột: dấu phân cách phải là "," hoặc ";"`,
      ),
    });
  return { columns, errors, ignored, position };
}
