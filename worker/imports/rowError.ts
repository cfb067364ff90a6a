import type { Msg } from './messages';

// An error answer carries each cell's value once, in `value`, cut to VALUE_CHARS (its full
// length in `value_length`): a 10 MB cell must not make a 10 MB answer, let alone several
// copies of it. Messages say what is wrong without repeating the value.

export const VALUE_CHARS = 200;

export interface RowError {
  /** 1-based data row (header excluded); 0 = the header itself. */
  row: number;
  column: string | null;
  value: string | null;
  /** Present when `value` was cut: the length of the whole cell. */
  value_length?: number;
  message: string;
  /** The same in Vietnamese, for the Dữ liệu page. */
  message_vi: string;
  /** The row as the spreadsheet numbers it (title rows and header counted); null when unknown. */
  sheet_row?: number | null;
  /** The column's header as written in the file (a list field: the query parameter). */
  header?: string | null;
}

/** A value cut for an answer ("…" marks the cut). */
export const clip = (s: string, max = VALUE_CHARS) => (s.length > max ? `${s.slice(0, max)}…` : s);

export function rowError(
  row: number,
  column: string | null,
  value: string | null,
  message: Msg,
  where: { sheet_row?: number | null; header?: string | null } = {},
): RowError {
  const e: RowError = {
    row,
    column: column === null ? null : clip(column),
    value: value === null ? null : clip(value),
    message: message.en,
    message_vi: message.vi,
    ...where,
  };
  if (value !== null && value.length > VALUE_CHARS) e.value_length = value.length;
  return e;
}
