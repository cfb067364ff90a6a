import Papa from 'papaparse';
import type { Table } from './table';

/**
 * UTF-8 with a BOM (so Excel shows Vietnamese correctly), RFC 4180 quoting, CRLF; a text cell
 * starting with =, +, -, @ is prefixed with ' so spreadsheet programs do not run it.
 */
export function toCsv(table: Table): string {
  const body = Papa.unparse(
    { fields: table.header ?? table.columns.map((c) => c.key), data: table.rows },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return `\uFEFF${body}\r\n`;
}
