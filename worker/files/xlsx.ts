import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/universal';
import { neutralise } from './neutralise';
import type { Column, Table } from './table';

// Typed cells, so Excel can sum and chart them: counts as numbers (#,##0; fractional counts
// from as_of keep two decimals), shares as fractions (0.0%), years as plain numbers.
const FORMATS: Partial<Record<Column['kind'], string>> = {
  count: '#,##0.##',
  number: '#,##0.##',
  share: '0.0%',
  year: '0',
  rank: '0',
};

function cell(value: string | number | null, column: Column): Cell {
  if (value === null) return null;
  if (typeof value === 'number') return { value, type: Number, format: FORMATS[column.kind] };
  return { value: neutralise(value), type: String };
}

/** The data sheet ("Số liệu", header frozen) and the filters sheet ("Bộ lọc"). */
export async function toXlsx(table: Table, filters: [string, string][]): Promise<ArrayBuffer> {
  const header: Row = table.columns.map((c) => ({ value: c.key, type: String, fontWeight: 'bold' }));
  const data: Row[] = [header, ...table.rows.map((r) => r.map((v, i) => cell(v, table.columns[i])))];
  const filterRows: Row[] = [
    [
      { value: 'Tham số / Parameter', type: String, fontWeight: 'bold' },
      { value: 'Giá trị / Value', type: String, fontWeight: 'bold' },
    ],
    ...filters.map(
      ([k, v]): Row => [
        { value: k, type: String },
        { value: v, type: String },
      ],
    ),
  ];
  const blob = await writeXlsxFile([
    {
      sheet: 'Số liệu',
      data,
      stickyRowsCount: 1,
      columns: table.columns.map((c) => ({ width: c.key.endsWith('_name') ? 40 : c.kind === 'text' ? 16 : 12 })),
    },
    { sheet: 'Bộ lọc', data: filterRows, columns: [{ width: 32 }, { width: 60 }] },
  ]).toBlob();
  return blob.arrayBuffer();
}
