import { describe, expect, it } from 'vitest';
import { splitAtHeader } from '../../dashboard/src/lib/data/preview';
import { titleFields } from '../../dashboard/src/lib/data/titleFields';

const AWARDS = [
  { name_vi: 'Lao động tiên tiến' },
  { name_vi: 'Tập thể lao động tiên tiến' },
  { name_vi: 'Chiến sĩ thi đua cơ sở' },
  { name_vi: 'Giấy khen' },
];

describe('the list fields read from a decision list’s title rows', () => {
  it('finds year, award, recipients, decision number and date in the annex title', () => {
    const { titles, rows } = splitAtHeader([
      ['UBND HUYỆN THÁI THỤY', '', '', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', ''],
      ['', '', '', 'Độc lập - Tự do - Hạnh phúc', ''],
      [],
      ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2024', '', '', '', ''],
      ['(Kèm theo Quyết định số 125/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND huyện Thái Thụy)', '', '', '', ''],
      ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Giới tính'],
      ['1', 'Nguyễn Văn An', 'Chủ tịch UBND xã', 'UBND xã Thụy Xuân', 'Nam'],
    ]);
    expect(rows[0][0]).toBe('STT');
    expect(titleFields(titles, AWARDS)).toEqual({
      year: '2024',
      award_code: 'Lao động tiên tiến',
      recipient_kind: 'individual',
      decision_no: '125/QĐ-UBND',
      decision_date: '20/12/2024',
    });
  });

  it('takes the longest award name and pads a short date', () => {
    const titles = [
      'Danh sách tập thể đạt danh hiệu Tập thể lao động tiên tiến năm 2023',
      'QĐ số 7/QĐ-CT ngày 5/1/2024',
    ];
    expect(titleFields(titles, AWARDS)).toEqual({
      year: '2023',
      award_code: 'Tập thể lao động tiên tiến',
      recipient_kind: 'collective',
      decision_no: '7/QĐ-CT',
      decision_date: '05/01/2024',
    });
  });

  it('guesses nothing it is not told: no title, two recipient kinds, no award name', () => {
    expect(titleFields([], AWARDS)).toEqual({});
    expect(titleFields(['Danh sách cá nhân và tập thể được khen thưởng'], AWARDS)).toEqual({});
  });
});
