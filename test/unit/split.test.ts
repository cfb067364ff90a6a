import { describe, expect, it } from 'vitest';
import { splitCsv } from '../../dashboard/src/lib/data/split';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe("the Dữ liệu page's CSV splitter", () => {
  it('repeats the header, cuts only between records and numbers rows across parts', () => {
    const file = enc('\uFEFFyear,recipient_name\r\n2024,"Nguyễn\r\nThị ""Hoa"""\r\n2024,B\r\n\r\n2024,C\r\n2024,D');
    const parts = splitCsv(file, 20);
    // rows: 1 the quoted one, 2 B, 3 blank, 4 C, 5 D; B to C fit in 20 bytes, D does not
    expect(parts.map((p) => p.firstRow)).toEqual([1, 2, 5]);
    expect(parts.map((p) => dec(p.bytes))).toEqual([
      'year,recipient_name\r\n2024,"Nguyễn\r\nThị ""Hoa"""\r\n',
      'year,recipient_name\r\n2024,B\r\n\r\n2024,C\r\n',
      'year,recipient_name\r\n2024,D',
    ]);
  });

  it('keeps a small file whole', () => {
    const parts = splitCsv(enc('a,b\n1,2\n3,4\n'), 1000);
    expect(parts).toHaveLength(1);
    expect(dec(parts[0].bytes)).toBe('a,b\n1,2\n3,4\n');
  });
});
