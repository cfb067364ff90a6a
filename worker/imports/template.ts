import ExcelJS from 'exceljs';
import type { AwardScope, UnitKind } from '../domain/enums';
import type { ReadCost } from '../db/run';
import { closedLabel } from '../domain/dimensions';
import { type TemplateLists, templateLists } from '../queries/imports/templateLists';
import { vnToday } from '../reports/formHeader';
import { choicesOf } from './cells';
import type { Column, DatasetDef } from './dataset';
import { fold } from './vocabulary';

// Downloadable templates. The XLSX one helps a person fill it without knowing a code: the data
// sheet first (imports read the first sheet) with the Vietnamese headers the importer
// recognises, a note on each header, dropdowns (data validation) of the Vietnamese words for
// every closed column and of the award types' names, a sample row; then sheets of the units
// and award types valid today, the dropdowns' lists, and the instructions. exceljs writes the
// validations (the SheetJS community build does not).

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows under the header that carry the dropdowns (one range each, so the size does not grow with it). */
const VALIDATED_ROWS = 10_000;

export type TemplateFile = { body: Uint8Array<ArrayBuffer> | string; type: string; filename: string };

/** The template of a dataset: the XLSX one lists the units and award types valid today. */
export async function template(
  d1: D1Database,
  cost: ReadCost,
  def: DatasetDef,
  ext: 'csv' | 'xlsx',
): Promise<TemplateFile> {
  if (ext === 'csv') return csvTemplate(def);
  const today = vnToday();
  return xlsxTemplate(def, await templateLists(d1, cost, today), today);
}

export function csvTemplate(def: DatasetDef): TemplateFile {
  const line = def.columns.map((c) => (/[",;\r\n]/.test(c.vi) ? `"${c.vi.replaceAll('"', '""')}"` : c.vi)).join(',');
  return { body: `\uFEFF${line}\r\n`, type: 'text/csv; charset=utf-8', filename: `${def.name}.csv` };
}

const UNIT_KIND_VI: Record<UnitKind, string> = {
  province: 'Tỉnh, thành phố',
  district: 'Huyện, quận, thị xã',
  commune: 'Xã, phường, đặc khu',
  agency: 'Cơ quan, sở, ngành',
  enterprise: 'Doanh nghiệp',
  other: 'Khác',
};

const SCOPE_VI: Record<AwardScope, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
  both: 'Cá nhân, tập thể',
};

/** A range of the lists sheet in the form a data validation formula takes. */
const listRange = (col: number, n: number) => {
  const letter = columnLetter(col);
  return `'Danh mục chọn'!$${letter}$2:$${letter}$${n + 1}`;
};

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** The dropdown words of a column: its closed list, or the award types' names for the award column. */
function choices(c: Column, lists: TemplateLists): readonly string[] | undefined {
  if (c.key === 'award_code' || c.key === 'proposed_award_code') return lists.awardTypes.map((t) => t.name_vi);
  return choicesOf(c.parse);
}

/** A row a person can overwrite, which imports as it is (awards only: other lists are codes). */
function sampleRow(def: DatasetDef, lists: TemplateLists, year: number, today: string): Record<string, unknown> {
  if (def.name !== 'awards') return {};
  const type =
    lists.awardTypes.find((t) => t.code === 'LDTT') ?? lists.awardTypes.find((t) => t.scope !== 'collective');
  const unit = lists.units.find((u) => u.kind === 'commune') ?? lists.units[0];
  // a name shared by two units would be refused as ambiguous: then the code
  const unitCell =
    unit && lists.units.filter((u) => fold(u.name) === fold(unit.name)).length === 1 ? unit.name : unit?.code;
  return {
    year,
    award_code: type?.name_vi,
    unit_code: unitCell,
    recipient_kind: closedLabel('kind', 'individual', 'vi'),
    quantity: 1,
    gender: closedLabel('gender', 'F', 'vi'),
    recipient_class: closedLabel('class', 'TRUC_TIEP', 'vi'),
    method: closedLabel('method', 'THUONG_XUYEN', 'vi'),
    decision_no: '12/QĐ-UBND',
    decision_date: today.split('-').reverse().join('/'),
    recipient_name: 'Nguyễn Thị Mẫu',
  };
}

export async function xlsxTemplate(
  def: DatasetDef,
  lists: TemplateLists,
  today: string,
): Promise<TemplateFile & { body: Uint8Array<ArrayBuffer> }> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = def.columns.map((c) => ({ header: c.vi, key: c.key, width: Math.max(16, c.vi.length + 4) }));
  const header = data.getRow(1);
  header.font = { bold: true };
  def.columns.forEach((c, i) => {
    header.getCell(i + 1).note = `${c.required ? 'Bắt buộc. ' : 'Không bắt buộc. '}${c.note}`;
  });
  const sample = sampleRow(def, lists, Number(today.slice(0, 4)), today);
  if (Object.keys(sample).length) data.addRow(sample).font = { italic: true, color: { argb: 'FF555555' } };

  // a range takes one validation (exceljs has it, its typings omit it); per cell would be 10,000 each
  const ranges = (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  const picks = wb.addWorksheet('Danh mục chọn');
  let listCol = 0;
  def.columns.forEach((c, i) => {
    const words = choices(c, lists);
    if (!words?.length) return;
    listCol += 1;
    picks.getCell(1, listCol).value = c.vi;
    words.forEach((w, r) => {
      picks.getCell(r + 2, listCol).value = w;
    });
    picks.getColumn(listCol).width = Math.max(18, ...words.map((w) => Math.min(60, w.length + 2)));
    const letter = columnLetter(i + 1);
    // always a range of the lists sheet: an inline list may not pass 255 characters or hold a comma
    ranges.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [listRange(listCol, words.length)],
      // a warning, not a refusal: codes and common synonyms are accepted as well
      errorStyle: 'warning',
      showErrorMessage: true,
      errorTitle: 'Giá trị ngoài danh sách',
      error: 'Giá trị này không có trong danh sách. Vẫn giữ nếu đó là mã hoặc cách viết khác được chấp nhận?',
    });
  });
  picks.getRow(1).font = { bold: true };

  const units = wb.addWorksheet('Đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  units.columns = [
    { header: 'Mã đơn vị', width: 16 },
    { header: 'Tên đơn vị', width: 40 },
    { header: 'Cấp', width: 22 },
    { header: 'Mã đơn vị cấp trên', width: 18 },
    { header: 'Tên đơn vị cấp trên', width: 40 },
  ];
  units.getRow(1).font = { bold: true };
  for (const u of lists.units)
    units.addRow([u.code, u.name, UNIT_KIND_VI[u.kind] ?? u.kind, u.parent_code ?? '', u.parent_name ?? '']);

  const types = wb.addWorksheet('Hình thức', { views: [{ state: 'frozen', ySplit: 1 }] });
  types.columns = [
    { header: 'Mã hình thức', width: 16 },
    { header: 'Tên danh hiệu, hình thức', width: 60 },
    { header: 'Cấp khen', width: 24 },
    { header: 'Đối tượng được khen', width: 30 },
  ];
  types.getRow(1).font = { bold: true };
  for (const t of lists.awardTypes)
    types.addRow([
      t.code,
      t.name_vi,
      closedLabel('tier', t.tier, 'vi') ?? t.tier,
      `${SCOPE_VI[t.scope]}${t.household_allowed ? ', hộ gia đình' : ''}`,
    ]);

  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Tiêu đề cột', width: 28 },
    { header: 'Tên cột (API)', width: 22 },
    { header: 'Bắt buộc', width: 10 },
    { header: 'Hướng dẫn', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of def.columns) help.addRow([c.vi, c.key, c.required ? 'Có' : 'Không', c.note]);
  help.addRow([]);
  for (const line of [
    'Nhập dữ liệu từ dòng 2 của trang "Dữ liệu"; giữ nguyên dòng tiêu đề. Ô trống ở cột không bắt buộc nghĩa ' +
      'là không có thông tin.',
    ...(Object.keys(sample).length
      ? ['Dòng 2 là dòng mẫu (chữ nghiêng): sửa thành dữ liệu thật hoặc xoá đi trước khi nhập.']
      : []),
    'Các cột có mũi tên chọn: chọn trong danh sách, hoặc gõ mã, hoặc cách viết khác thường dùng.',
    'Đơn vị ghi bằng mã hoặc tên (xem trang "Đơn vị"); hình thức khen ghi bằng mã hoặc tên (xem trang ' +
      '"Hình thức"). Hai trang này liệt kê những gì còn hiệu lực hôm nay.',
    'Ngày ghi theo dạng DD/MM/YYYY hoặc YYYY-MM-DD.',
    'Tệp được nhập toàn bộ hoặc không nhập dòng nào: nếu có lỗi, hệ thống liệt kê từng dòng, cột và lý do.',
  ])
    help.addRow([line]);

  const body = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { body, type: XLSX_TYPE, filename: `${def.name}.xlsx` };
}
