import { describe, expect, it } from 'vitest';
import { fromHeader } from '../../dashboard/src/lib/data/preview';

describe('the Dữ liệu page preview', () => {
  it('starts at the header below a decision list’s title rows', () => {
    const rows = [
      ['UBND HUYỆN THÁI THỤY', '', '', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', ''],
      ['', '', '', 'Độc lập - Tự do - Hạnh phúc', ''],
      ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2024', '', '', '', ''],
      ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Giới tính'],
      ...Array.from({ length: 8 }, (_, i) => [String(i + 1), `Người ${i + 1}`, 'Nông dân', 'Xã Thụy Xuân', 'Nữ']),
    ];
    const shown = fromHeader(rows);
    expect(shown[0]).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Giới tính']);
    expect(shown.map((r) => r[0])).toEqual(['STT', '1', '2', '3', '4', '5']);
  });

  it('keeps a file whose header is its first row as it is', () => {
    const rows = [
      ['year', 'award_code', 'unit_code'],
      ['2024', 'LDTT', 'X1'],
      ['2024', 'LDTT'],
    ];
    expect(fromHeader(rows)).toEqual(rows);
  });
});
