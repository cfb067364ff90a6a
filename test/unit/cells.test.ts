import { describe, expect, it } from 'vitest';
import { code, date, flag, positive, share, text, year } from '../../worker/imports/cells';
import { parseDate } from '../../worker/validation/dates';

const value = <T>(c: { ok: true; value: T } | { ok: false }) => (c.ok ? c.value : undefined);
const vi = (c: { ok: boolean; message?: { vi: string } }) => (c.ok ? undefined : c.message?.vi);

describe('cell parsers', () => {
  it('reads dates as written in Vietnamese documents and refuses impossible days', () => {
    expect(value(date('05/01/2024'))).toBe('2024-01-05');
    expect(value(date('2024-01-05'))).toBe('2024-01-05');
    expect(vi(date('31/02/2024'))).toBe('không phải ngày có thật trên lịch');
    expect(vi(date('2024.01.05'))).toBe('phải là ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY');
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
  });

  it('bounds years, quantities and shares', () => {
    expect(value(year('2024'))).toBe(2024);
    expect(vi(year('24'))).toBe('phải là năm (bốn chữ số) từ 1945 đến 2100');
    expect(vi(positive('0'))).toBe('phải là số nguyên dương từ 1 đến 1000000');
    expect(vi(positive('1.5'))).toBe('phải là số nguyên dương');
    expect(value(share('0,25'))).toBe(0.25);
    expect(vi(share('1.2'))).toBe('phải lớn hơn 0 và không quá 1');
    expect(value(flag('1'))).toBe(1);
    expect(vi(flag('x'))).toBe('phải là 0 hoặc 1');
  });

  it('keeps text composed (NFC) and within its length, and codes to their characters', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // "Nguyễn" typed with combining marks
    expect(value(text()(decomposed))).toBe('Nguyễn');
    expect(vi(text(5)('Nguyễn Văn A'))).toBe('quá dài: tối đa 5 ký tự');
    expect(value(code('123/QĐ-UBND'))).toBe('123/QĐ-UBND');
    expect(vi(code('TB TT'))).toBe('mã không hợp lệ: chỉ dùng chữ, số và - _ . /');
  });
});
