import { describe, expect, it } from 'vitest';
import { isTotalLine } from '../../worker/imports/header';

// isTotalLine skips the fold for a first cell that cannot fold to "tổng"/"cộng" (a year, a code):
// the closing lines must still be found however they are written, and no data row taken for one.
describe('the closing total line of a list', () => {
  it('is found in any case, with diacritics or not, after punctuation or spaces', () => {
    for (const first of [
      'Tổng cộng',
      'TỔNG CỘNG: 30 người',
      'tong so 12',
      'Cộng',
      ' - Tổng cộng',
      '(Cộng) 5',
      '  Cộng:',
    ])
      expect(isTotalLine(['', first, '30'])).toBe(true);
  });

  it('is not a data row: a year, a code, a name that begins with Công or Tổng', () => {
    for (const first of ['2024', 'X001', 'LDTT', '-5', 'Công Văn A', 'Tổng công ty B', 'Trần Văn C', '"Cộng"'])
      expect(isTotalLine([first, 'Cộng'])).toBe(false);
  });
});
