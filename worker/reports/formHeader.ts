import type { Geography, GeoUnit } from '../queries/geography';

// The header and signature block every printed form of Circular 02/2023/TT-BNV carries: the
// form number and its legal basis, who reports to whom, the period, the place and date, and who
// signs. Shared by the JSON answer (the dashboard's preview), the XLSX and the year-end report.

export type Lang = 'vi' | 'en';

export interface FormHeader {
  form_no: string;
  legal_basis: string;
  heading: string;
  period: string;
  reporting_unit: string;
  receiving_unit: string;
  place_date: string;
  signers: { title: string; note: string }[];
}

const PREFIX = /^(Tỉnh|Thành phố|Huyện|Thị xã|Quận|Xã|Phường|Thị trấn|Đặc khu|TP\.?)\s+/i;

/** "Tỉnh Thái Bình" → "Thái Bình": the place name a document is dated at. */
export function placeName(name: string): string {
  return officialName(name).replace(PREFIX, '').trim();
}

/** A unit's name without the note the catalog adds to tell old from new ("… (trước sáp nhập)"). */
export function officialName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

/** Today in Vietnam as YYYY-MM-DD. */
export function vnToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "Thái Bình, ngày 02 tháng 12 năm 2026" (Decree 30/2020: day and month below 10 with a leading zero). */
export function placeDate(place: string, isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-');
  return lang === 'vi' ? `${place}, ngày ${d} tháng ${m} năm ${y}` : `${place}, ${d}/${m}/${y}`;
}

/** The province (top-level unit) a unit belongs to, for the place of the date line. */
export function topUnit(geo: Geography, unit: GeoUnit): GeoUnit {
  let u = unit;
  while (u.parentId !== null && geo.units.has(u.parentId)) u = geo.units.get(u.parentId)!;
  return u;
}

export function formHeader(
  geo: Geography,
  unit: GeoUnit,
  form: string,
  title: string,
  year: number,
  asOf: string | undefined,
  lang: Lang,
  today = vnToday(),
): FormHeader {
  const parent = unit.parentId !== null ? geo.units.get(unit.parentId) : undefined;
  const vi = lang === 'vi';
  const heading = (title.split(': ')[1] ?? title).toLocaleUpperCase(vi ? 'vi' : 'en');
  const period = vi ? `Năm ${year}` : `Year ${year}`;
  const bounds = asOf
    ? vi
      ? ` (theo địa giới hành chính ngày ${dmy(asOf)})`
      : ` (on the boundaries of ${dmy(asOf)})`
    : '';
  return {
    form_no: vi ? `Biểu số ${form}` : `Form ${form}`,
    legal_basis: vi
      ? 'Ban hành kèm theo Thông tư số 02/2023/TT-BNV của Bộ trưởng Bộ Nội vụ'
      : 'Issued with Circular 02/2023/TT-BNV of the Minister of Home Affairs',
    heading,
    period: period + bounds,
    reporting_unit: unit.name,
    receiving_unit: parent
      ? parent.name
      : vi
        ? 'Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)'
        : 'Ministry of Home Affairs (Central Emulation and Reward Board)',
    place_date: placeDate(placeName(topUnit(geo, unit).name), today, lang),
    signers: vi
      ? [
          { title: 'NGƯỜI LẬP BIỂU', note: '(Ký, ghi rõ họ tên)' },
          { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, đóng dấu, ghi rõ họ tên)' },
        ]
      : [
          { title: 'PREPARED BY', note: '(Signature, full name)' },
          { title: 'HEAD OF THE UNIT', note: '(Signature, seal, full name)' },
        ],
  };
}
