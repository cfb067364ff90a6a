import { createRandom } from './random.ts';
import type { ClusterRecord, MemberRecord, ResultRecord } from './types.ts';

export const FIRST_YEAR = 2012;
export const LAST_YEAR = 2025;
/** Year-end scoring of district clusters stopped with the districts (1 Jul 2025). */
const LAST_DISTRICT_YEAR = 2024;

export const CLUSTERS: ClusterRecord[] = [
  { code: 'CUM-BTB', name: 'Cụm thi đua các tỉnh Bắc Trung Bộ', kind: 'cum', level: 'central' },
  { code: 'CUM-DBSH', name: 'Cụm thi đua các tỉnh Đồng bằng sông Hồng', kind: 'cum', level: 'central' },
  { code: 'TB-CUM1', name: 'Cụm thi đua số 1 (huyện, thành phố)', kind: 'cum', level: 'province', owner_code: 'TB' },
  { code: 'TB-CUM2', name: 'Cụm thi đua số 2 (huyện, thành phố)', kind: 'cum', level: 'province', owner_code: 'TB' },
  { code: 'TB-KHOI-KTKT', name: 'Khối thi đua Kinh tế - Kỹ thuật', kind: 'khoi', level: 'province', owner_code: 'TB' },
  { code: 'TB-KHOI-VHXH', name: 'Khối thi đua Văn hóa - Xã hội', kind: 'khoi', level: 'province', owner_code: 'TB' },
  {
    code: 'TT-CUM-VB',
    name: 'Cụm thi đua các xã ven biển huyện Thái Thụy',
    kind: 'cum',
    level: 'district',
    owner_code: 'TB-TT',
  },
  {
    code: 'HY-CUM-XP1',
    name: 'Cụm thi đua các xã, phường số 1 tỉnh Hưng Yên',
    kind: 'cum',
    level: 'province',
    owner_code: 'HY-2025',
  },
  // Last, so that the seeded scores of the clusters above stay as they were.
  {
    code: 'CUM-TPTW',
    name: 'Cụm thi đua các thành phố trực thuộc Trung ương',
    kind: 'cum',
    level: 'central',
  },
];

const m = (cluster_code: string, unit_code: string, year_from: number, year_to?: number): MemberRecord => ({
  cluster_code,
  unit_code,
  year_from,
  ...(year_to ? { year_to } : {}),
});

export const MEMBERS: MemberRecord[] = [
  // North-Central: Quảng Bình and Quảng Trị merged, Huế left for the centrally-run cities in 2025.
  m('CUM-BTB', 'TH', FIRST_YEAR),
  m('CUM-BTB', 'NA', FIRST_YEAR),
  m('CUM-BTB', 'HT', FIRST_YEAR),
  m('CUM-BTB', 'QB', FIRST_YEAR, 2024),
  m('CUM-BTB', 'QT', FIRST_YEAR, 2024),
  m('CUM-BTB', 'TTH', FIRST_YEAR, 2024),
  m('CUM-BTB', 'QT-2025', 2025),
  // Red River Delta: nine provinces until 2024, the merged provinces from 2025.
  ...['VP', 'BN', 'QN', 'HD', 'HY', 'TB', 'HNA', 'ND', 'NB'].map((p) =>
    m('CUM-DBSH', p, FIRST_YEAR, p === 'QN' ? undefined : 2024),
  ),
  ...['HY-2025', 'BN-2025', 'NB-2025', 'PT-2025'].map((p) => m('CUM-DBSH', p, 2025)),
  // Thái Bình's two district clusters; Thái Thụy and Kiến Xương swapped in 2016.
  m('TB-CUM1', 'TB-TP', FIRST_YEAR, LAST_DISTRICT_YEAR),
  m('TB-CUM1', 'TB-VT', FIRST_YEAR, LAST_DISTRICT_YEAR),
  m('TB-CUM1', 'TB-TH', FIRST_YEAR, LAST_DISTRICT_YEAR),
  m('TB-CUM1', 'TB-KX', FIRST_YEAR, 2015),
  m('TB-CUM1', 'TB-TT', 2016, LAST_DISTRICT_YEAR),
  m('TB-CUM2', 'TB-DH', FIRST_YEAR, LAST_DISTRICT_YEAR),
  m('TB-CUM2', 'TB-HH', FIRST_YEAR, LAST_DISTRICT_YEAR),
  m('TB-CUM2', 'TB-QP', FIRST_YEAR, LAST_DISTRICT_YEAR),
  m('TB-CUM2', 'TB-TT', FIRST_YEAR, 2015),
  m('TB-CUM2', 'TB-KX', 2016, LAST_DISTRICT_YEAR),
  // Economic-Technical block: 8 members, the power company left after 2017.
  ...['TB-SKHDT', 'TB-STC', 'TB-SCT', 'TB-SGTVT', 'TB-SXD', 'TB-STNMT', 'TB-SNN'].map((u) =>
    m('TB-KHOI-KTKT', u, FIRST_YEAR, LAST_DISTRICT_YEAR),
  ),
  m('TB-KHOI-KTKT', 'TB-PCTB', FIRST_YEAR, 2017),
  ...['TB-SNV', 'TB-SLDTBXH', 'TB-SGDDT', 'TB-SYT'].map((u) => m('TB-KHOI-VHXH', u, FIRST_YEAR, LAST_DISTRICT_YEAR)),
  // Thái Thụy's coastal communes; Thái Thượng joined in 2019.
  ...['TB-TT-01', 'TB-TT-02', 'TB-TT-03', 'TB-TT-06', 'TB-TT-07'].map((u) =>
    m('TT-CUM-VB', u, FIRST_YEAR, LAST_DISTRICT_YEAR),
  ),
  m('TT-CUM-VB', 'TB-TT-04', 2019, LAST_DISTRICT_YEAR),
  ...['HY-X09', 'HY-X10', 'HY-X11', 'HY-X12', 'HY-X13'].map((u) => m('HY-CUM-XP1', u, 2025)),
  // Huế (a centrally-run city from 1 Jan 2025) and the new Hải Phòng (which took in Hải Dương) score
  // among the centrally-run cities; the demo has no other of them.
  m('CUM-TPTW', 'HUE', 2025),
  m('CUM-TPTW', 'HP-2025', 2025),
];

interface ClusterRule {
  /** Points scale used by the cluster (100 or 1,000). */
  scale: 100 | 1000;
  first: string;
  second?: string;
  /** Fixed ranks for a year, where the record is known (domain brief). */
  fixed?: Record<number, string[]>;
}

const RULES: Record<string, ClusterRule> = {
  'CUM-BTB': { scale: 1000, first: 'CO_CP', second: 'BK_TTG', fixed: { 2018: ['TH', 'NA'] } },
  'CUM-DBSH': { scale: 1000, first: 'CO_CP', second: 'BK_TTG' },
  'TB-CUM1': { scale: 100, first: 'CO_BT', second: 'BK_TINH' },
  'TB-CUM2': { scale: 100, first: 'CO_BT', second: 'BK_TINH' },
  'TB-KHOI-KTKT': { scale: 100, first: 'CO_BT', second: 'BK_TINH' },
  'TB-KHOI-VHXH': { scale: 100, first: 'CO_BT', second: 'BK_TINH' },
  'TT-CUM-VB': { scale: 100, first: 'GK_HUYEN' },
  'HY-CUM-XP1': { scale: 100, first: 'BK_TINH' },
  'CUM-TPTW': { scale: 1000, first: 'CO_CP', second: 'BK_TTG' },
};

function membersIn(cluster: string, year: number): string[] {
  return MEMBERS.filter((x) => x.cluster_code === cluster && x.year_from <= year && (x.year_to ?? 9999) >= year).map(
    (x) => x.unit_code,
  );
}

/** Year-end scores, ranks and proposed awards of every cluster. */
export function buildResults(): ResultRecord[] {
  const rnd = createRandom(2018);
  const out: ResultRecord[] = [];
  for (const c of CLUSTERS) {
    const rule = RULES[c.code];
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const members = membersIn(c.code, year);
      if (!members.length) continue;
      // each member has a steady strength plus a yearly swing, so ranks move but not wildly
      const scored = members.map((u) => {
        const strength = (u.charCodeAt(u.length - 1) * 7 + u.length * 13) % 17;
        return { u, s: 88 + strength * 0.45 + rnd.between(-2.5, 2.5) };
      });
      scored.sort((a, b) => b.s - a.s);
      const fixed = rule.fixed?.[year];
      if (fixed) {
        const top = fixed.map((u) => scored.find((x) => x.u === u)!);
        const rest = scored.filter((x) => !fixed.includes(x.u));
        scored.splice(0, scored.length, ...top, ...rest);
        // scores must agree with the fixed order
        for (let i = 1; i < scored.length; i++) scored[i].s = Math.min(scored[i].s, scored[i - 1].s - 0.3);
      }
      scored.forEach((x, i) => {
        const score = rule.scale === 1000 ? Math.round(x.s * 10 * 10) / 10 : Math.round(x.s * 100) / 100;
        const proposed = i === 0 ? rule.first : i === 1 ? rule.second : undefined;
        out.push({
          year,
          cluster_code: c.code,
          unit_code: x.u,
          score,
          rank: i + 1,
          ...(proposed ? { proposed_award_code: proposed } : {}),
        });
      });
    }
  }
  return out;
}
