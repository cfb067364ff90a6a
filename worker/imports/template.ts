import * as XLSX from '@e965/xlsx';
import type { DatasetDef } from './dataset';

// Downloadable templates: Vietnamese headers (accepted on import, like the contract's names),
// the data sheet first because imports read the first sheet, then the instructions.

export function template(
  def: DatasetDef,
  ext: 'csv' | 'xlsx',
): { body: ArrayBuffer | string; type: string; filename: string } {
  const header = def.columns.map((c) => c.vi);
  if (ext === 'csv') {
    const line = header.map((h) => (/[",;\r\n]/.test(h) ? `"${h.replaceAll('"', '""')}"` : h)).join(',');
    return { body: `\uFEFF${line}\r\n`, type: 'text/csv; charset=utf-8', filename: `${def.name}.csv` };
  }
  const wb = XLSX.utils.book_new();
  const data = XLSX.utils.aoa_to_sheet([header]);
  data['!cols'] = header.map((h) => ({ wch: Math.max(14, h.length + 4) }));
  XLSX.utils.book_append_sheet(wb, data, 'Dữ liệu');
  const help = XLSX.utils.aoa_to_sheet([
    ['Tiêu đề cột', 'Tên cột (API)', 'Bắt buộc', 'Hướng dẫn'],
    ...def.columns.map((c) => [c.vi, c.key, c.required ? 'Có' : 'Không', c.note]),
    [],
    [
      'Nhập dữ liệu từ dòng 2 của trang "Dữ liệu"; giữ nguyên dòng tiêu đề. Ô ' +
        'trống ở cột không bắt buộc nghĩa là không có thông tin.',
    ],
    [
      'Ngày ghi theo dạng YYYY-MM-DD hoặc DD/MM/YYYY. Các mã (đơn vị, hình ' +
        'thức, phong trào…) phải có sẵn trong hệ thống.',
    ],
    ['Tệp được nhập toàn bộ hoặc không nhập dòng nào: nếu có lỗi, hệ thống liệt kê từng dòng, cột và lý do.'],
  ]);
  help['!cols'] = [{ wch: 28 }, { wch: 22 }, { wch: 10 }, { wch: 80 }];
  XLSX.utils.book_append_sheet(wb, help, 'Hướng dẫn');
  const body = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return {
    body,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${def.name}.xlsx`,
  };
}
