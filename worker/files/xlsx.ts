import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/universal';
import { neutralise } from './neutralise';
import type { Column, Table } from './table';

// Typed cells, so Excel can sum and chart them: whole counts as #,##0, fractional counts (as_of
// shares) with as many decimals as the column needs (at most two shown; the cell keeps the
// value), shares as percentages, years and ranks as plain numbers.
const FIXED: Partial<Record<Column['kind'], string>> = { share: '0.0%', year: '0', rank: '0' };
const MAX_DECIMALS = 2;

const decimals = (x: number) => {
  for (let d = 0; d < MAX_DECIMALS; d++) if (Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) < 1e-9) return d;
  return MAX_DECIMALS;
};

/** The number format of each column: the fewest decimals that show every one of its values. */
function formats(table: Table): (string | undefined)[] {
  return table.columns.map((c, i) => {
    if (FIXED[c.kind]) return FIXED[c.kind];
    if (c.kind !== 'count' && c.kind !== 'number') return undefined;
    let d = 0;
    for (const r of table.rows) if (typeof r[i] === 'number') d = Math.max(d, decimals(r[i] as number));
    return d ? `#,##0.${'0'.repeat(d)}` : '#,##0';
  });
}

function cell(value: string | number | null, format: string | undefined): Cell {
  if (value === null) return null;
  if (typeof value === 'number') return { value, type: Number, format };
  return { value: neutralise(value), type: String };
}

const SHEETS = { vi: ['Số liệu', 'Bộ lọc'], en: ['Data', 'Filters'] };
const FILTER_HEAD = {
  vi: ['Mục', 'Nội dung'],
  en: ['Item', 'Value'],
  both: ['Mục / Item', 'Nội dung / Value'],
};

/** The data sheet (header frozen) and the filters sheet, in words. */
export async function toXlsx(table: Table, filters: [string, string][]): Promise<ArrayBuffer> {
  const words = table.header ?? table.columns.map((c) => c.key);
  const header: Row = words.map((w) => ({ value: w, type: String, fontWeight: 'bold', wrap: true }));
  const f = formats(table);
  const data: Row[] = [header, ...table.rows.map((r) => r.map((v, i) => cell(v, f[i])))];
  const head = FILTER_HEAD[table.lang ?? 'both'];
  const filterRows: Row[] = [
    head.map((h): Cell => ({ value: h, type: String, fontWeight: 'bold' })),
    ...filters.map(
      ([k, v]): Row => [
        { value: k, type: String },
        { value: v, type: String, wrap: true },
      ],
    ),
  ];
  const [dataSheet, filterSheet] = SHEETS[table.lang ?? 'vi'];
  const blob = await writeXlsxFile([
    {
      sheet: dataSheet,
      data,
      stickyRowsCount: 1,
      columns: table.columns.map((c, i) => ({
        width: c.key.endsWith('_name') ? 40 : Math.max(c.kind === 'text' ? 16 : 12, Math.min(40, words[i].length + 2)),
      })),
    },
    { sheet: filterSheet, data: filterRows, columns: [{ width: 32 }, { width: 60 }] },
  ]).toBlob();
  return blob.arrayBuffer();
}
