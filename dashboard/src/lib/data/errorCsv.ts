import type { ErrorGroup, RowError } from '../api';

// The error list as a CSV the analyst fixes the file from: one line per problem row, the rows
// of one problem together (largest problem first) with its count, so a filter in Excel shows
// what one fix repairs. UTF-8 with a BOM and CRLF, so Excel reads Vietnamese.

const cell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  // a value that starts like a formula is neutralised, as every export does
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const keyOf = (e: { column: string | null; value: string | null; message: string }) =>
  `${e.column}\u0000${e.value}\u0000${e.message}`;

export function errorCsv(
  errors: RowError[],
  groups: ErrorGroup[],
  heads: string[],
  message: (e: { message: string; message_vi: string }) => string,
): string {
  const order = new Map(groups.map((g, i) => [keyOf(g), i]));
  const count = new Map(groups.map((g) => [keyOf(g), g.count]));
  const sorted = errors
    .map((e, i) => ({ e, i, g: order.get(keyOf(e)) ?? groups.length }))
    .sort((a, b) => a.g - b.g || a.i - b.i)
    .map(({ e }) => e);
  const lines = [
    heads,
    ...sorted.map((e) => [
      e.sheet_row,
      e.row,
      e.header ?? e.column,
      e.column,
      e.value,
      count.get(keyOf(e)) ?? 1,
      message(e),
    ]),
  ];
  return `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}
