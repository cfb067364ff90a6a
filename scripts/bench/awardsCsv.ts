// The files of the import benchmarks: 211 units (a province, 10 districts, 200 communes) and an
// awards CSV of any size over them (CRLF, quoted Vietnamese names, DD/MM/YYYY dates).
import { createWriteStream } from 'node:fs';
import { type NationalGeography, nationalLineageCsv, nationalUnitsCsv } from './national.ts';

const AWARDS = ['LDTT', 'CSTD_CS', 'BK_TINH', 'GK_XA', 'CSTT'];
const KINDS = ['individual', 'individual', 'individual', 'individual', 'individual'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const NAMES = ['Thị Hoa', 'Văn Hùng', 'Minh Ánh', 'Đức Thắng', 'Thu Hương', 'Quốc Việt'];

// The same list as analysts write it: Vietnamese headers, award and unit names, Vietnamese values.
const AWARD_NAMES: Record<string, string> = {
  LDTT: 'Lao động tiên tiến',
  CSTD_CS: 'Chiến sĩ thi đua cơ sở',
  BK_TINH: 'Bằng khen của Chủ tịch UBND tỉnh',
  GK_XA: 'Giấy khen của Chủ tịch UBND xã',
  CSTT: 'Chiến sĩ tiên tiến',
};

/**
 * Writes an awards CSV of `rows` rows; `badRow` (1-based) gets quantity 0. With `names`, the
 * same rows with Vietnamese headers and names instead of codes ("Xã 5", "Lao động tiên tiến").
 * `unitOf` picks another geography's unit codes (bench:import GEO=national).
 */
export async function writeAwards(
  file: string,
  rows: number,
  badRow?: number,
  names = false,
  unitOf?: (i: number, year: number) => string,
): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(
    names
      ? 'Năm,Danh hiệu,Đơn vị công tác,Đối tượng,Số lượng,Giới tính,Hình thức ' +
          'xét khen,Số quyết định,Ngày quyết định,Họ và tên\r\n'
      : 'year,award_code,unit_code,recipient_kind,quantity,gender,method,decision_no,decision_date,recipient_name\r\n',
  );
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    const year = 2012 + (i % 14);
    const unit = unitOf ? unitOf(i, year) : names ? `UBND xã ${i % 200}` : `X${String(i % 200).padStart(3, '0')}`;
    const quantity = i === badRow ? 0 : 1 + (i % 3);
    const name = `${SURNAMES[i % SURNAMES.length]} ${NAMES[i % NAMES.length]}`;
    const award = AWARDS[i % AWARDS.length];
    const who = names
      ? [AWARD_NAMES[award], unit, 'Cá nhân', quantity, i % 2 ? 'Nữ' : 'Nam', 'Thường xuyên']
      : [award, unit, KINDS[i % KINDS.length], quantity, i % 2 ? 'F' : 'M', 'THUONG_XUYEN'];
    buf += `${year},${who.join(',')},${(i % 900) + 1}/QĐ-UBND,15/12/${year},"${name}"\r\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

export function unitsCsv(): string {
  const lines = ['code,name,kind,parent_code', 'TINH,Tỉnh thử nghiệm,province,'];
  for (let d = 0; d < 10; d++) lines.push(`H${d},Huyện ${d},district,TINH`);
  for (let x = 0; x < 200; x++) lines.push(`X${String(x).padStart(3, '0')},Xã ${x},commune,H${x % 10}`);
  return `${lines.join('\n')}\n`;
}

/** The units (and, national, lineage) files a bench imports before its awards, in that order. */
export const geographyFiles = (national?: NationalGeography): [string, string][] => [
  ['units', national ? nationalUnitsCsv(national) : unitsCsv()],
  ...(national ? [['unit_lineage', nationalLineageCsv(national)] as [string, string]] : []),
];

/** geographyFiles imported through `api` (a test server's, signed in), each refused on anything but 201. */
export async function importGeography(
  api: (path: string, init: RequestInit) => Promise<Response>,
  national?: NationalGeography,
): Promise<void> {
  for (const [dataset, body] of geographyFiles(national)) {
    const res = await api(`/api/v1/imports/${dataset}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
    });
    if (res.status !== 201) throw new Error(`${dataset} import failed: ${res.status} ${await res.text()}`);
  }
}
