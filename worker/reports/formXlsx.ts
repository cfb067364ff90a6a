import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/universal';
import { neutralise } from '../files/neutralise';
import type { FormResult } from './buildForm';

type Style = Partial<{
  columnSpan: number;
  rowSpan: number;
  align: 'left' | 'center' | 'right';
  wrap: boolean;
  fontStyle: 'italic';
  fontWeight: 'bold';
  borderStyle: 'thin';
}>;

const FONT = { fontFamily: 'Times New Roman', fontSize: 12 } as const;
const text = (value: string, more: Style = {}): Cell => ({
  value,
  type: String,
  alignVertical: 'center',
  ...FONT,
  ...more,
});
const bold = (value: string, more: Style = {}): Cell => text(value, { fontWeight: 'bold', ...more });
const grid: Style = { borderStyle: 'thin' };
// whole numbers as whole numbers; a count mapped by share under as_of keeps its decimals
const numberFormat = (v: number) => (Number.isInteger(v) ? '#,##0' : '#,##0.0#');

/** A cell spanning `span` columns, followed by the nulls that stand for the covered cells. */
function spanned(cell: Cell, span: number): Row {
  return span > 1 ? [{ ...cell!, columnSpan: span } as Cell, ...Array<null>(span - 1).fill(null)] : [cell];
}

/**
 * The form as the printed one: the header block (form number and legal basis on the left, who
 * reports to whom on the right), title and period, grouped column headers, the numbering row
 * (A, B, 1, 2, …), the rows with their codes (01, 02, …), then the place and date and the
 * signature block.
 */
export async function formToXlsx(form: FormResult, lang: 'vi' | 'en'): Promise<ArrayBuffer> {
  const h = form.header;
  const n = form.columns.length;
  const width = n + 2;
  const vi = lang === 'vi';
  const groups: { label: string; span: number }[] = [];
  for (const c of form.columns) {
    const last = groups[groups.length - 1];
    if (last && last.label === c.label) last.span++;
    else groups.push({ label: c.label, span: 1 });
  }
  const blank: Row = Array<null>(width).fill(null);
  const groupRow: Row = [
    bold(vi ? 'Chỉ tiêu' : 'Item', { rowSpan: 2, align: 'center', ...grid }),
    bold(vi ? 'Mã số' : 'Code', { rowSpan: 2, align: 'center', ...grid }),
  ];
  for (const g of groups) groupRow.push(...spanned(bold(g.label, { align: 'center', wrap: true, ...grid }), g.span));
  const kindRow: Row = [
    null,
    null,
    ...form.columns.map((c) => bold(c.kind_label, { align: 'center', wrap: true, ...grid })),
  ];
  const numberRow: Row = [
    text('A', { align: 'center', fontStyle: 'italic', ...grid }),
    text('B', { align: 'center', fontStyle: 'italic', ...grid }),
    ...form.columns.map((c) => text(String(c.no), { align: 'center', fontStyle: 'italic', ...grid })),
  ];
  const data: Row[] = [
    [
      ...spanned(bold(h.form_no), 2),
      ...spanned(text(`${vi ? 'Đơn vị báo cáo' : 'Reporting unit'}: ${h.reporting_unit}`, { align: 'right' }), n),
    ],
    [
      ...spanned(text(h.legal_basis, { fontStyle: 'italic', wrap: true }), 2),
      ...spanned(
        text(`${vi ? 'Đơn vị nhận báo cáo' : 'Receiving unit'}: ${h.receiving_unit}`, { align: 'right', wrap: true }),
        n,
      ),
    ],
    blank,
    spanned(bold(h.heading, { align: 'center', wrap: true }), width),
    spanned(text(h.period, { align: 'center', fontStyle: 'italic' }), width),
    blank,
    groupRow,
    kindRow,
    numberRow,
    ...form.rows.map(
      (r): Row => [
        r.group === 'total'
          ? bold(neutralise(r.label), grid)
          : text(neutralise(r.label), { ...grid, ...({ indent: 1 } as Style) }),
        text(r.code, { align: 'center', ...grid }),
        ...form.columns.map((_, i): Cell => {
          const v = r.cells[i];
          return v === null || v === undefined
            ? text('', grid)
            : {
                value: v,
                type: Number,
                format: numberFormat(v),
                ...FONT,
                ...grid,
                ...(r.group === 'total' ? { fontWeight: 'bold' as const } : {}),
              };
        }),
      ],
    ),
    blank,
    [null, null, ...spanned(text(h.place_date, { align: 'center', fontStyle: 'italic' }), n)],
    [
      ...spanned(bold(h.signers[0].title, { align: 'center' }), 2),
      ...spanned(bold(h.signers[1].title, { align: 'center' }), n),
    ],
    [
      ...spanned(text(h.signers[0].note, { align: 'center', fontStyle: 'italic' }), 2),
      ...spanned(text(h.signers[1].note, { align: 'center', fontStyle: 'italic' }), n),
    ],
  ];
  const blob = await writeXlsxFile(data, {
    sheet: form.form,
    stickyRowsCount: 9,
    ...(n > 6 ? { orientation: 'landscape' as const } : {}),
    showGridLines: false,
    columns: [{ width: 44 }, { width: 8 }, ...form.columns.map(() => ({ width: 13 }))],
  }).toBlob();
  return blob.arrayBuffer();
}
