import type { LineageRecord, UnitRecord } from './types.ts';

// Modelled on the domain brief: Thái Bình's 8 district-level units with communes and
// departments until 30 Jun 2025, then the new Hưng Yên (Thái Bình + Hưng Yên) whose communes
// merge the old ones. Commune selection and merger groups are illustrative, not official.

export const REORG_DATE = '2025-07-01';
export const LAST_OLD_DAY = '2025-06-30';

export interface District {
  code: string;
  name: string;
  /** Relative size: awards scale with it. */
  size: number;
  communes: { code: string; name: string }[];
  /** New communes (from 1 Jul 2025): name and the old commune numbers merged into it. */
  successors: { code: string; name: string; from: number[] }[];
}

const district = (
  code: string,
  name: string,
  size: number,
  communes: string[],
  successors: [string, string, number[]][],
): District => ({
  code,
  name,
  size,
  communes: communes.map((n, i) => ({ code: `${code}-${String(i + 1).padStart(2, '0')}`, name: n })),
  successors: successors.map(([c, n, from]) => ({ code: c, name: n, from })),
});

export const THAI_BINH_DISTRICTS: District[] = [
  district(
    'TB-TP',
    'Thành phố Thái Bình',
    1.25,
    [
      'Phường Lê Hồng Phong',
      'Phường Bồ Xuyên',
      'Phường Đề Thám',
      'Phường Kỳ Bá',
      'Phường Quang Trung',
      'Phường Trần Lãm',
      'Xã Vũ Chính',
    ],
    [
      ['HY-P01', 'Phường Thái Bình', [1, 2, 3, 4]],
      ['HY-P02', 'Phường Trần Lãm', [5, 6, 7]],
    ],
  ),
  district(
    'TB-DH',
    'Huyện Đông Hưng',
    1.2,
    ['Thị trấn Đông Hưng', 'Xã Đông La', 'Xã Đông Xá', 'Xã Mê Linh', 'Xã Phong Châu', 'Xã Liên Giang'],
    [
      ['HY-X01', 'Xã Đông Hưng', [1, 5, 6]],
      ['HY-X02', 'Xã Đông Quan', [2, 3, 4]],
    ],
  ),
  district(
    'TB-HH',
    'Huyện Hưng Hà',
    1.15,
    ['Thị trấn Hưng Hà', 'Thị trấn Hưng Nhân', 'Xã Tân Lễ', 'Xã Canh Tân', 'Xã Thái Hưng', 'Xã Độc Lập'],
    [
      ['HY-X03', 'Xã Hưng Hà', [1, 5, 6]],
      ['HY-X04', 'Xã Hưng Nhân', [2, 3, 4]],
    ],
  ),
  district(
    'TB-KX',
    'Huyện Kiến Xương',
    1.0,
    ['Thị trấn Kiến Xương', 'Xã Vũ Quý', 'Xã Bình Nguyên', 'Xã Thanh Tân', 'Xã Nam Bình', 'Xã Quang Bình'],
    [
      ['HY-X05', 'Xã Kiến Xương', [1, 2, 3]],
      ['HY-X06', 'Xã Bình Thanh', [4, 5, 6]],
    ],
  ),
  district(
    'TB-QP',
    'Huyện Quỳnh Phụ',
    1.1,
    ['Thị trấn Quỳnh Côi', 'Thị trấn An Bài', 'Xã An Khê', 'Xã Quỳnh Hồng', 'Xã Quỳnh Hải', 'Xã An Đồng'],
    [
      ['HY-X07', 'Xã Quỳnh Phụ', [1, 4, 5]],
      ['HY-X08', 'Xã Phụ Dực', [2, 3, 6]],
    ],
  ),
  // Xã Thụy Liên (no. 6) is split 0.6 / 0.4 between two new communes (see SPLIT below).
  district(
    'TB-TT',
    'Huyện Thái Thụy',
    1.1,
    [
      'Thị trấn Diêm Điền',
      'Xã Thụy Hải',
      'Xã Thụy Trường',
      'Xã Thái Thượng',
      'Xã Thái Đô',
      'Xã Thụy Liên',
      'Xã Thụy Xuân',
    ],
    [
      ['HY-X09', 'Xã Thái Thụy', [1, 2, 6]],
      ['HY-X10', 'Xã Diêm Điền', [3, 7]],
      ['HY-X11', 'Xã Thái Ninh', [4, 5, 6]],
    ],
  ),
  district(
    'TB-TH',
    'Huyện Tiền Hải',
    1.0,
    ['Thị trấn Tiền Hải', 'Xã Nam Thịnh', 'Xã Đông Trà', 'Xã Đông Minh', 'Xã Nam Phú', 'Xã Tây Giang'],
    [
      ['HY-X12', 'Xã Tiền Hải', [1, 4, 6]],
      ['HY-X13', 'Xã Nam Cường', [2, 3, 5]],
    ],
  ),
  district(
    'TB-VT',
    'Huyện Vũ Thư',
    0.95,
    ['Thị trấn Vũ Thư', 'Xã Song Lãng', 'Xã Tân Hòa', 'Xã Minh Quang', 'Xã Vũ Hội', 'Xã Việt Hùng'],
    [
      ['HY-X14', 'Xã Vũ Thư', [1, 2, 3]],
      ['HY-X15', 'Xã Vạn Xuân', [4, 5, 6]],
    ],
  ),
];

export const SPLIT = { commune: 'TB-TT-06', shares: { 'HY-X09': 0.6, 'HY-X11': 0.4 } as Record<string, number> };

// Thái Bình departments and their successors in the new Hưng Yên (several were merged in 2025).
export const THAI_BINH_AGENCIES: {
  code: string;
  name: string;
  kind: 'agency' | 'enterprise';
  size: number;
  successor: string;
}[] = [
  { code: 'TB-SNV', name: 'Sở Nội vụ', kind: 'agency', size: 0.5, successor: 'HY-SNV' },
  { code: 'TB-SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', kind: 'agency', size: 0.5, successor: 'HY-SNV' },
  { code: 'TB-SGDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'agency', size: 2.2, successor: 'HY-SGDDT' },
  { code: 'TB-SYT', name: 'Sở Y tế', kind: 'agency', size: 1.6, successor: 'HY-SYT' },
  { code: 'TB-SNN', name: 'Sở Nông nghiệp và Phát triển nông thôn', kind: 'agency', size: 0.9, successor: 'HY-SNNMT' },
  { code: 'TB-STNMT', name: 'Sở Tài nguyên và Môi trường', kind: 'agency', size: 0.5, successor: 'HY-SNNMT' },
  { code: 'TB-STC', name: 'Sở Tài chính', kind: 'agency', size: 0.45, successor: 'HY-STC' },
  { code: 'TB-SKHDT', name: 'Sở Kế hoạch và Đầu tư', kind: 'agency', size: 0.4, successor: 'HY-STC' },
  { code: 'TB-SCT', name: 'Sở Công Thương', kind: 'agency', size: 0.45, successor: 'HY-SCT' },
  { code: 'TB-SGTVT', name: 'Sở Giao thông vận tải', kind: 'agency', size: 0.45, successor: 'HY-SXD' },
  { code: 'TB-SXD', name: 'Sở Xây dựng', kind: 'agency', size: 0.4, successor: 'HY-SXD' },
  { code: 'TB-CA', name: 'Công an tỉnh Thái Bình', kind: 'agency', size: 1.2, successor: 'HY-CA' },
  { code: 'TB-BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh Thái Bình', kind: 'agency', size: 0.8, successor: 'HY-BCHQS' },
  { code: 'TB-PCTB', name: 'Công ty Điện lực Thái Bình', kind: 'enterprise', size: 0.4, successor: 'HY-PC' },
];

export const HUNG_YEN_AGENCIES: { code: string; name: string; kind: 'agency' | 'enterprise'; size: number }[] = [
  { code: 'HY-SNV', name: 'Sở Nội vụ tỉnh Hưng Yên', kind: 'agency', size: 1.4 },
  { code: 'HY-SGDDT', name: 'Sở Giáo dục và Đào tạo tỉnh Hưng Yên', kind: 'agency', size: 3.6 },
  { code: 'HY-SYT', name: 'Sở Y tế tỉnh Hưng Yên', kind: 'agency', size: 2.6 },
  { code: 'HY-SNNMT', name: 'Sở Nông nghiệp và Môi trường tỉnh Hưng Yên', kind: 'agency', size: 2.0 },
  { code: 'HY-STC', name: 'Sở Tài chính tỉnh Hưng Yên', kind: 'agency', size: 1.2 },
  { code: 'HY-SCT', name: 'Sở Công Thương tỉnh Hưng Yên', kind: 'agency', size: 0.8 },
  { code: 'HY-SXD', name: 'Sở Xây dựng tỉnh Hưng Yên', kind: 'agency', size: 1.1 },
  { code: 'HY-CA', name: 'Công an tỉnh Hưng Yên', kind: 'agency', size: 2.0 },
  { code: 'HY-BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh Hưng Yên', kind: 'agency', size: 1.3 },
  { code: 'HY-PC', name: 'Công ty Điện lực Hưng Yên', kind: 'enterprise', size: 0.7 },
];

/** Provinces of the two central clusters, with the 2025 mergers that touch them. */
const PROVINCES: UnitRecord[] = [
  { code: 'TB', name: 'Tỉnh Thái Bình', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'HY', name: 'Tỉnh Hưng Yên (trước sáp nhập)', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'HY-2025', name: 'Tỉnh Hưng Yên', kind: 'province', valid_from: REORG_DATE },
  { code: 'TH', name: 'Tỉnh Thanh Hóa', kind: 'province' },
  { code: 'NA', name: 'Tỉnh Nghệ An', kind: 'province' },
  { code: 'HT', name: 'Tỉnh Hà Tĩnh', kind: 'province' },
  { code: 'QB', name: 'Tỉnh Quảng Bình', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'QT', name: 'Tỉnh Quảng Trị (trước sáp nhập)', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'QT-2025', name: 'Tỉnh Quảng Trị', kind: 'province', valid_from: REORG_DATE },
  { code: 'TTH', name: 'Tỉnh Thừa Thiên Huế', kind: 'province', valid_to: '2024-12-31' },
  { code: 'HUE', name: 'Thành phố Huế', kind: 'province', valid_from: '2025-01-01' },
  { code: 'VP', name: 'Tỉnh Vĩnh Phúc', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'BN', name: 'Tỉnh Bắc Ninh (trước sáp nhập)', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'BN-2025', name: 'Tỉnh Bắc Ninh', kind: 'province', valid_from: REORG_DATE },
  { code: 'QN', name: 'Tỉnh Quảng Ninh', kind: 'province' },
  { code: 'HD', name: 'Tỉnh Hải Dương', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'HP-2025', name: 'Thành phố Hải Phòng', kind: 'province', valid_from: REORG_DATE },
  { code: 'HNA', name: 'Tỉnh Hà Nam', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'ND', name: 'Tỉnh Nam Định', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'NB', name: 'Tỉnh Ninh Bình (trước sáp nhập)', kind: 'province', valid_to: LAST_OLD_DAY },
  { code: 'NB-2025', name: 'Tỉnh Ninh Bình', kind: 'province', valid_from: REORG_DATE },
  { code: 'PT-2025', name: 'Tỉnh Phú Thọ', kind: 'province', valid_from: REORG_DATE },
];

const PROVINCE_MERGERS: [from: string, to: string, date: string][] = [
  ['TB', 'HY-2025', REORG_DATE],
  ['HY', 'HY-2025', REORG_DATE],
  ['QB', 'QT-2025', REORG_DATE],
  ['QT', 'QT-2025', REORG_DATE],
  ['TTH', 'HUE', '2025-01-01'],
  ['VP', 'PT-2025', REORG_DATE],
  ['BN', 'BN-2025', REORG_DATE],
  ['HD', 'HP-2025', REORG_DATE],
  ['HNA', 'NB-2025', REORG_DATE],
  ['ND', 'NB-2025', REORG_DATE],
  ['NB', 'NB-2025', REORG_DATE],
];

export function buildGeography(): { units: UnitRecord[]; lineage: LineageRecord[] } {
  const units: UnitRecord[] = [...PROVINCES];
  const lineage: LineageRecord[] = PROVINCE_MERGERS.map(([from_code, to_code, effective_date]) => ({
    from_code,
    to_code,
    effective_date,
    share: 1,
  }));

  for (const a of THAI_BINH_AGENCIES) {
    units.push({ code: a.code, name: a.name, kind: a.kind, parent_code: 'TB', valid_to: LAST_OLD_DAY });
  }
  for (const a of HUNG_YEN_AGENCIES) {
    units.push({ code: a.code, name: a.name, kind: a.kind, parent_code: 'HY-2025', valid_from: REORG_DATE });
  }
  for (const a of THAI_BINH_AGENCIES) {
    lineage.push({ from_code: a.code, to_code: a.successor, effective_date: REORG_DATE, share: 1 });
  }

  for (const d of THAI_BINH_DISTRICTS) {
    units.push({ code: d.code, name: d.name, kind: 'district', parent_code: 'TB', valid_to: LAST_OLD_DAY });
    for (const c of d.communes) {
      units.push({ code: c.code, name: c.name, kind: 'commune', parent_code: d.code, valid_to: LAST_OLD_DAY });
    }
    for (const s of d.successors) {
      units.push({ code: s.code, name: s.name, kind: 'commune', parent_code: 'HY-2025', valid_from: REORG_DATE });
    }
    // Old communes go to the new commune that took them in (the split one to two).
    d.communes.forEach((c, i) => {
      const targets = d.successors.filter((s) => s.from.includes(i + 1));
      for (const t of targets) {
        const share = c.code === SPLIT.commune ? SPLIT.shares[t.code] : 1;
        lineage.push({ from_code: c.code, to_code: t.code, effective_date: REORG_DATE, share });
      }
    });
    // The district's own awards (its offices, schools, hospitals) follow its area,
    // in proportion to the number of old communes each successor took.
    const sizes = d.successors.map((s) => s.from.length);
    const total = sizes.reduce((a, b) => a + b, 0);
    let given = 0;
    d.successors.forEach((s, i) => {
      const share =
        i === d.successors.length - 1
          ? Math.round((1 - given) * 1000) / 1000
          : Math.round((sizes[i] / total) * 1000) / 1000;
      given += share;
      lineage.push({ from_code: d.code, to_code: s.code, effective_date: REORG_DATE, share });
    });
  }
  return { units, lineage };
}
