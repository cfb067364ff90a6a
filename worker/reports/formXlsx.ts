import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/universal';
import type { FormResult } from './buildForm';

const bold = (value: string, more: Partial<{ columnSpan: number; rowSpan: number; align: 'center'; wrap: boolean }> = {}): Cell => ({
  value,
  type: String,
  fontWeight: 'bold',
  alignVertical: 'center',
  ...more,
});

/** The form as a sheet laid out like the printed one: grouped headers, kinds under each group. */
export async function formToXlsx(form: FormResult): Promise<ArrayBuffer> {
  const groups: { label: string; span: number }[] = [];
  for (const c of form.columns) {
    const last = groups[groups.length - 1];
    if (last && last.label === c.label) last.span++;
    else groups.push({ label: c.label, span: 1 });
  }
  const groupRow: Row = [bold('', { rowSpan: 2 })];
  for (const g of groups) {
    groupRow.push(bold(g.label, { columnSpan: g.span, align: 'center', wrap: true }));
    for (let i = 1; i < g.span; i++) groupRow.push(null);
  }
  const kindRow: Row = [null, ...form.columns.map((c) => bold(c.kind_label, { align: 'center' }))];
  const data: Row[] = [
    [bold(form.title, { columnSpan: form.columns.length + 1 }), ...form.columns.map(() => null)],
    [{ value: `${form.unit_name} (${form.unit}) · ${form.year}`, type: String, columnSpan: form.columns.length + 1 }, ...form.columns.map(() => null)],
    groupRow,
    kindRow,
    ...form.rows.map((r): Row => [
      r.group === 'total' ? bold(r.label) : { value: r.label, type: String, indent: 1 },
      ...form.rows[0].cells.map((_, i): Cell => (r.cells[i] === null ? null : { value: r.cells[i]!, type: Number, format: '#,##0.##' })),
    ]),
  ];
  const blob = await writeXlsxFile(data, {
    sheet: form.form,
    stickyRowsCount: 4,
    columns: [{ width: 44 }, ...form.columns.map(() => ({ width: 14 }))],
  }).toBlob();
  return blob.arrayBuffer();
}
