import type { Column, DatasetDef } from './dataset';

export interface HeaderError {
  column: string | null;
  value: string;
  message: string;
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
      const hint = /[;,\t|]/.test(cell) ? ' (the delimiter must be "," or ";")' : '';
      errors.push({ column: cell, value: cell, message: `unknown column '${cell}'${hint}; expected: ${def.columns.map((c) => c.key).join(', ')}` });
      return undefined;
    }
    if (seen.has(col.key)) errors.push({ column: col.key, value: cell, message: `column '${col.key}' appears twice` });
    seen.add(col.key);
    return col;
  });
  for (const c of def.columns)
    if (c.required && !seen.has(c.key))
      errors.push({ column: c.key, value: '', message: `required column '${c.key}' (${c.vi}) is missing from the header` });
  return { columns, errors };
}
