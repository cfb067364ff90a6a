import type { AwardCategory, AwardScope, AwardTier } from './enums';

export interface CatalogEntry {
  code: string;
  nameVi: string;
  nameEn: string;
  category: AwardCategory;
  tier: AwardTier;
  scope: AwardScope;
  /** Households may also receive BK_TINH and the Giấy khen forms (domain brief). */
  householdAllowed?: boolean;
  /** Last day the form could be granted: district-level awards end with the districts. */
  validTo?: string;
}

type Row = [code: string, nameVi: string, nameEn: string, scope: AwardScope, tier: AwardTier];

const titles: Row[] = [
  ['CSTD_TQ', 'Chiến sĩ thi đua toàn quốc', 'National Emulation Fighter', 'individual', 'government'],
  [
    'CSTD_BT',
    'Chiến sĩ thi đua bộ, ban, ngành, tỉnh',
    'Ministry/Province Emulation Fighter',
    'individual',
    'ministry_province',
  ],
  ['CSTD_CS', 'Chiến sĩ thi đua cơ sở', 'Grassroots Emulation Fighter', 'individual', 'grassroots'],
  ['LDTT', 'Lao động tiên tiến', 'Advanced Worker', 'individual', 'grassroots'],
  ['CSTT', 'Chiến sĩ tiên tiến', 'Advanced Soldier', 'individual', 'grassroots'],
  ['CO_CP', 'Cờ thi đua của Chính phủ', "Government's Emulation Flag", 'collective', 'government'],
  ['CO_BT', 'Cờ thi đua bộ, ban, ngành, tỉnh', 'Ministry/Province Emulation Flag', 'collective', 'ministry_province'],
  ['TTLDXS', 'Tập thể lao động xuất sắc', 'Excellent Labour Collective', 'collective', 'ministry_province'],
  ['DVQT', 'Đơn vị quyết thắng', 'Determined-to-Win Unit', 'collective', 'ministry_province'],
  ['TTLDTT', 'Tập thể lao động tiên tiến', 'Advanced Labour Collective', 'collective', 'grassroots'],
  ['DVTT', 'Đơn vị tiên tiến', 'Advanced Unit', 'collective', 'grassroots'],
  ['XA_TB', 'Xã, phường tiêu biểu', 'Exemplary Commune/Ward', 'collective', 'ministry_province'],
  ['THON_VH', 'Thôn, tổ dân phố văn hóa', 'Cultural Village/Residential Group', 'collective', 'grassroots'],
  ['GD_VH', 'Gia đình văn hóa', 'Cultural Family', 'household', 'grassroots'],
];

const ranks = [
  ['1', 'hạng Nhất', 'First Class'],
  ['2', 'hạng Nhì', 'Second Class'],
  ['3', 'hạng Ba', 'Third Class'],
] as const;

function ranked(prefix: string, nameVi: string, nameEn: string, scope: AwardScope): Row[] {
  return ranks.map(([n, vi, en]) => [`${prefix}_${n}`, `${nameVi} ${vi}`, `${nameEn}, ${en}`, scope, 'state']);
}

const commendations: Row[] = [
  ['HC_SV', 'Huân chương Sao vàng', 'Gold Star Order', 'both', 'state'],
  ['HC_HCM', 'Huân chương Hồ Chí Minh', 'Hồ Chí Minh Order', 'both', 'state'],
  ...ranked('HC_DL', 'Huân chương Độc lập', 'Independence Order', 'both'),
  ...ranked('HC_QC', 'Huân chương Quân công', 'Military Exploit Order', 'both'),
  ...ranked('HC_LD', 'Huân chương Lao động', 'Labour Order', 'both'),
  ...ranked('HC_BVTQ', 'Huân chương Bảo vệ Tổ quốc', 'Fatherland Defence Order', 'both'),
  ...ranked('HC_CC', 'Huân chương Chiến công', 'Feat of Arms Order', 'both'),
  ['HC_DDK', 'Huân chương Đại đoàn kết dân tộc', 'Great National Unity Order', 'individual', 'state'],
  ['HC_DC', 'Huân chương Dũng cảm', 'Bravery Order', 'individual', 'state'],
  ['HC_HN', 'Huân chương Hữu nghị', 'Friendship Order', 'both', 'state'],
  ...ranked('HCH_CSVV', 'Huy chương Chiến sĩ vẻ vang', 'Glorious Fighter Medal', 'individual'),
  ['HCH_QKQT', 'Huy chương Quân kỳ quyết thắng', 'Determined-to-Win Flag Medal', 'individual', 'state'],
  ['HCH_VANTQ', 'Huy chương Vì an ninh Tổ quốc', 'For National Security Medal', 'individual', 'state'],
  ['HCH_HN', 'Huy chương Hữu nghị', 'Friendship Medal', 'individual', 'state'],
  ['HCH_TNXP', 'Huy chương Thanh niên xung phong vẻ vang', 'Glorious Youth Volunteer Medal', 'individual', 'state'],
  ['AH_LD', 'Anh hùng Lao động', 'Labour Hero', 'both', 'state'],
  ['AH_LLVT', 'Anh hùng Lực lượng vũ trang nhân dân', "Hero of the People's Armed Forces", 'both', 'state'],
  ['BMVNAH', 'Bà mẹ Việt Nam anh hùng', 'Heroic Vietnamese Mother', 'individual', 'state'],
  ['NGND', 'Nhà giáo nhân dân', "People's Teacher", 'individual', 'state'],
  ['NGUT', 'Nhà giáo ưu tú', 'Meritorious Teacher', 'individual', 'state'],
  ['TTND', 'Thầy thuốc nhân dân', "People's Physician", 'individual', 'state'],
  ['TTUT', 'Thầy thuốc ưu tú', 'Meritorious Physician', 'individual', 'state'],
  ['NSND', 'Nghệ sĩ nhân dân', "People's Artist", 'individual', 'state'],
  ['NSUT', 'Nghệ sĩ ưu tú', 'Meritorious Artist', 'individual', 'state'],
  ['NNND', 'Nghệ nhân nhân dân', "People's Artisan", 'individual', 'state'],
  ['NNUT', 'Nghệ nhân ưu tú', 'Meritorious Artisan', 'individual', 'state'],
  ['GT_HCM', 'Giải thưởng Hồ Chí Minh', 'Hồ Chí Minh Prize', 'individual', 'state'],
  ['GT_NN', 'Giải thưởng Nhà nước', 'State Prize', 'individual', 'state'],
  ['BK_TTG', 'Bằng khen của Thủ tướng Chính phủ', "Prime Minister's Certificate of Merit", 'both', 'government'],
  [
    'BK_BO',
    'Bằng khen của bộ, ban, ngành trung ương',
    'Certificate of Merit of a central ministry or agency',
    'both',
    'ministry_province',
  ],
  [
    'BK_TINH',
    'Bằng khen của Chủ tịch UBND tỉnh',
    "Provincial Chairman's Certificate of Merit",
    'both',
    'ministry_province',
  ],
  ['KNC', 'Kỷ niệm chương, huy hiệu', 'Commemorative Medal or Badge', 'individual', 'ministry_province'],
  ['GK_DV', 'Giấy khen của thủ trưởng cơ quan, đơn vị', 'Certificate of Merit of an agency head', 'both', 'grassroots'],
  ['GK_HUYEN', 'Giấy khen của Chủ tịch UBND huyện', "District Chairman's Certificate of Merit", 'both', 'grassroots'],
  ['GK_XA', 'Giấy khen của Chủ tịch UBND xã', "Commune Chairman's Certificate of Merit", 'both', 'grassroots'],
];

const HOUSEHOLD_ALSO = new Set(['BK_TINH', 'GK_DV', 'GK_HUYEN', 'GK_XA']);
// The district level was abolished on 1 Jul 2025 (domain brief): no GK_HUYEN after 30 Jun 2025.
const VALID_TO: Record<string, string> = { GK_HUYEN: '2025-06-30' };

function entries(rows: Row[], category: AwardCategory): CatalogEntry[] {
  return rows.map(([code, nameVi, nameEn, scope, tier]) => ({
    code,
    nameVi,
    nameEn,
    category,
    tier,
    scope,
    ...(HOUSEHOLD_ALSO.has(code) ? { householdAllowed: true } : {}),
    ...(VALID_TO[code] ? { validTo: VALID_TO[code] } : {}),
  }));
}

/** The built-in award catalog of the domain brief, in its order. Codes are stable identifiers. */
export const AWARD_CATALOG: readonly CatalogEntry[] = [
  ...entries(titles, 'title'),
  ...entries(commendations, 'commendation'),
];
