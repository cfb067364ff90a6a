import type { Column, DatasetDef } from './dataset';
import { msg, type Msg } from './messages';
import { clip } from './rowError';

export interface HeaderError {
  column: string | null;
  value: string;
  message: Msg;
}

const norm = (s: string) =>
  s
    .normalize('NFC')
    .trim()
    .replace(/\s*\*$/, '') // templates may mark required columns with *
    .toLowerCase();

/** Maps each header cell to a column of the dataset, by contract name or Vietnamese header. */
export function mapHeader(cells: string[], def: DatasetDef): { columns: (Column | undefined)[]; errors: HeaderError[] } {
  const byName = new Map<string, Column>();
  for (const c of def.columns) {
    byName.set(norm(c.key), c);
    byName.set(norm(c.vi), c);
  }
  const errors: HeaderError[] = [];
  const seen = new Set<string>();
  const columns = cells.map((cell) => {
    if (cell.trim() === '') return undefined;
    const col = byName.get(norm(cell));
    if (!col) {
      const wrongDelimiter = /[;,\t|]/.test(cell);
      const expected = def.columns.map((c) => c.key).join(', ');
      errors.push({
        column: cell,
        value: cell,
        message: msg(
          `unknown column '${clip(cell, 60)}'${wrongDelimiter ? ' (the delimiter must be "," or ";")' : ''}; expected: ${expected}`,
          `cột không hợp lệ '${clip(cell, 60)}'${wrongDelimiter ? ' (dấu phân cách phải là "," hoặc ";")' : ''}; các cột: ${expected}`,
        ),
      });
      return undefined;
    }
    if (seen.has(col.key)) errors.push({ column: col.key, value: cell, message: msg(`column '${col.key}' appears twice`, `cột '${col.key}' xuất hiện hai lần`) });
    seen.add(col.key);
    return col;
  });
  for (const c of def.columns)
    if (c.required && !seen.has(c.key))
      errors.push({
        column: c.key,
        value: '',
        message: msg(`required column '${c.key}' (${c.vi}) is missing from the header`, `thiếu cột bắt buộc '${c.vi}' (${c.key}) trong dòng tiêu đề`),
      });
  return { columns, errors };
}
