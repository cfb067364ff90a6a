import type { AwardMethod, Gender, RecipientClass, RecipientKind } from '../../worker/domain/enums.ts';
import { HUNG_YEN_AGENCIES, THAI_BINH_AGENCIES, THAI_BINH_DISTRICTS, SPLIT, type District } from './geography.ts';
import { movementsIn } from './movements.ts';
import { personName } from './names.ts';
import { apportion, createRandom, type Random } from './random.ts';
import type { AwardRecord } from './types.ts';

// Award volumes follow the magnitudes of the domain brief: a district-level unit grants about
// 1,000-2,500 awards a year, LĐTT dominates, CSTĐCS is 15-23% of LĐTT, TTLĐXS about 18% of
// TTLĐTT, a province grants a few thousand Bằng khen; the share to direct laborers rises
// over the years (the concern in real reports), women are about half of LĐTT.

interface Recipient {
  code: string;
  weight: number;
  /** Agencies of the armed forces and police get their own forms. */
  armed?: boolean;
  enterprise?: boolean;
}

interface Issue {
  year: number;
  award: string;
  kind: RecipientKind;
  method?: AwardMethod;
  movement?: string;
  decisionNo: string;
  decisionDate: string;
}

const t = (year: number) => (year - 2012) / 13; // 0 in 2012, 1 in 2025

/** Class shares of individual awards: direct laborers gain ground year by year. */
function classShares(year: number, level: 'grassroots' | 'province' | 'central'): [RecipientClass, number][] {
  const direct =
    { grassroots: 0.66, province: 0.4, central: 0.22 }[level] +
    { grassroots: 0.12, province: 0.2, central: 0.16 }[level] * t(year);
  const rest = 1 - direct;
  return [
    ['TRUC_TIEP', direct],
    ['LD_KHAC', rest * 0.55],
    ['LD_VU_SO', rest * (level === 'grassroots' ? 0.12 : 0.28)],
    ['LD_BO_TINH', rest * (level === 'central' ? 0.12 : 0.02)],
    ['DOANH_NHAN', rest * (level === 'grassroots' ? 0.31 : 0.15)],
  ];
}

/** Women's share by class: lower among leaders, rising slowly. */
function femaleShare(cls: RecipientClass | undefined, year: number): number {
  const base =
    cls === 'LD_BO_TINH'
      ? 0.18
      : cls === 'LD_VU_SO'
        ? 0.3
        : cls === 'DOANH_NHAN'
          ? 0.28
          : cls === 'LD_KHAC'
            ? 0.4
            : 0.54;
  return base + 0.04 * t(year);
}

export class AwardWriter {
  readonly rows: AwardRecord[] = [];
  private decisionSeq = new Map<string, number>();
  constructor(private rnd: Random) {}

  decision(issuer: string, year: number, month: number, day: number): { decisionNo: string; decisionDate: string } {
    const key = `${issuer}-${year}`;
    const seq = (this.decisionSeq.get(key) ?? this.rnd.int(80, 400)) + this.rnd.int(15, 120);
    this.decisionSeq.set(key, seq);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { decisionNo: `${seq}/QĐ-${issuer}`, decisionDate: date };
  }

  /** A pre-counted total split into rows by class, gender and ethnicity (quantity > 1). */
  counted(unit: string, total: number, issue: Issue, level: 'grassroots' | 'province' | 'central', enterprise = false) {
    if (total <= 0) return;
    const base = {
      year: issue.year,
      award_code: issue.award,
      unit_code: unit,
      recipient_kind: issue.kind,
      ...(issue.method && issue.method !== 'THUONG_XUYEN' ? { method: issue.method } : {}),
      ...(issue.movement ? { movement_code: issue.movement } : {}),
      decision_no: issue.decisionNo,
      ...(issue.decisionDate ? { decision_date: issue.decisionDate } : {}),
    };
    if (issue.kind === 'household') {
      this.rows.push({ ...base, quantity: total });
      return;
    }
    if (issue.kind === 'collective') {
      const firms = enterprise ? total : Math.round(total * 0.06);
      if (firms) this.rows.push({ ...base, quantity: firms, recipient_class: 'DOANH_NGHIEP' });
      if (total - firms) this.rows.push({ ...base, quantity: total - firms });
      return;
    }
    const shares = classShares(issue.year, level);
    const byClass = apportion(
      total,
      shares.map(([, s]) => s),
    );
    shares.forEach(([cls], i) => {
      const n = byClass[i];
      if (!n) return;
      const [f, m] = apportion(n, [femaleShare(cls, issue.year), 1 - femaleShare(cls, issue.year)]);
      for (const [gender, count] of [
        ['F', f],
        ['M', m],
      ] as [Gender, number][]) {
        if (!count) continue;
        const minority = count >= 40 && this.rnd.chance(0.5) ? Math.max(1, Math.round(count * 0.004)) : 0;
        if (minority) this.rows.push({ ...base, quantity: minority, recipient_class: cls, gender, ethnic_minority: 1 });
        this.rows.push({ ...base, quantity: count - minority, recipient_class: cls, gender, ethnic_minority: 0 });
      }
    });
  }

  /** One row per person, as lists from award decisions arrive. */
  named(unit: string, count: number, issue: Issue, level: 'grassroots' | 'province' | 'central', fixedGender?: Gender) {
    const shares = classShares(issue.year, level);
    for (let i = 0; i < count; i++) {
      let r = this.rnd.next();
      let cls: RecipientClass = 'TRUC_TIEP';
      for (const [c, s] of shares) {
        if (r < s) {
          cls = c;
          break;
        }
        r -= s;
      }
      const gender: Gender = fixedGender ?? (this.rnd.chance(femaleShare(cls, issue.year)) ? 'F' : 'M');
      this.rows.push({
        year: issue.year,
        award_code: issue.award,
        unit_code: unit,
        recipient_kind: 'individual',
        quantity: 1,
        gender,
        recipient_class: cls,
        ...(issue.method && issue.method !== 'THUONG_XUYEN' ? { method: issue.method } : {}),
        ethnic_minority: this.rnd.chance(0.004) ? 1 : 0,
        ...(issue.movement ? { movement_code: issue.movement } : {}),
        decision_no: issue.decisionNo,
        ...(issue.decisionDate ? { decision_date: issue.decisionDate } : {}),
        recipient_name: personName(this.rnd, gender),
      });
    }
  }
}

/** Spreads `total` over recipients by weight, never giving a unit a negative count. */
function spread(rnd: Random, total: number, recipients: Recipient[]): [Recipient, number][] {
  const parts = apportion(
    total,
    recipients.map((r) => r.weight * rnd.between(0.8, 1.2)),
  );
  return recipients.map((r, i) => [r, parts[i]] as [Recipient, number]).filter(([, n]) => n > 0);
}

function growth(year: number, rnd: Random): number {
  const covid = year === 2020 ? 0.93 : year === 2021 ? 0.96 : 1;
  return (1 + 0.015 * (year - 2012)) * covid * rnd.between(0.95, 1.05);
}

interface Area {
  /** Who grants district-level (or, after 2025, commune-level) Giấy khen. */
  issuer: string;
  size: number;
  /** Communes (weight 1) and the district itself (its offices, schools, hospitals). */
  recipients: Recipient[];
  communes: Recipient[];
  owner?: string;
}

/** A district-level unit's own year-end and thematic awards (titles and Giấy khen). */
function districtYear(
  w: AwardWriter,
  rnd: Random,
  area: Area,
  year: number,
  giayKhen: 'GK_HUYEN' | 'GK_XA' | 'GK_DV',
  communeAwards = false,
) {
  const g = growth(year, rnd) * area.size;
  const yearEnd = w.decision(area.issuer, year, 12, rnd.int(18, 29));
  const ldtt = Math.round(800 * g);
  const cstd = Math.round(ldtt * rnd.between(0.15, 0.23));
  const ttldtt = Math.round(70 * g);
  for (const [r, n] of spread(rnd, ldtt, area.recipients))
    w.counted(r.code, n, { year, award: r.armed ? 'CSTT' : 'LDTT', kind: 'individual', ...yearEnd }, 'grassroots');
  for (const [r, n] of spread(rnd, cstd, area.recipients))
    w.counted(r.code, n, { year, award: 'CSTD_CS', kind: 'individual', ...yearEnd }, 'grassroots');
  for (const [r, n] of spread(rnd, ttldtt, area.recipients))
    w.counted(
      r.code,
      n,
      { year, award: r.armed ? 'DVTT' : 'TTLDTT', kind: 'collective', ...yearEnd },
      'grassroots',
      r.enterprise,
    );

  // Giấy khen: mostly regular, a third for thematic movements, a few ad hoc (brave acts).
  const gk = Math.round(420 * g * rnd.between(0.9, 1.15));
  const thematic = movementsIn(year, area.owner);
  const [regular, theme, adhoc] = apportion(gk, [0.62, thematic.length ? 0.33 : 0, 0.05]);
  for (const [r, n] of spread(rnd, regular, area.recipients)) {
    const [ind, col, hh] = apportion(n, [0.7, 0.25, 0.05]);
    w.counted(r.code, ind, { year, award: giayKhen, kind: 'individual', ...yearEnd }, 'grassroots');
    w.counted(r.code, col, { year, award: giayKhen, kind: 'collective', ...yearEnd }, 'grassroots', r.enterprise);
    w.counted(r.code, hh, { year, award: giayKhen, kind: 'household', ...yearEnd }, 'grassroots');
  }
  thematic.forEach((movement, i) => {
    const part = apportion(
      theme,
      thematic.map((m) => (m === 'PT-COVID' ? 3 : 1)),
    )[i];
    const d = w.decision(area.issuer, year, rnd.int(3, 11), rnd.int(1, 28));
    for (const [r, n] of spread(rnd, part, area.recipients)) {
      const [ind, hh] = apportion(n, [0.8, movement === 'PT-NTM' ? 0.2 : 0]);
      w.counted(
        r.code,
        ind,
        { year, award: giayKhen, kind: 'individual', method: 'CHUYEN_DE', movement, ...d },
        'grassroots',
      );
      w.counted(
        r.code,
        hh,
        { year, award: giayKhen, kind: 'household', method: 'CHUYEN_DE', movement, ...d },
        'grassroots',
      );
    }
  });
  for (let i = 0; i < adhoc; i++) {
    // ad hoc Giấy khen lists often arrive with the decision's number but not its date
    const d = {
      ...w.decision(area.issuer, year, rnd.int(1, 12), rnd.int(1, 28)),
      ...(i % 4 ? {} : { decisionDate: '' }),
    };
    w.named(
      rnd.pick(area.communes.length ? area.communes : area.recipients).code,
      1,
      { year, award: giayKhen, kind: 'individual', method: 'DOT_XUAT', ...d },
      'grassroots',
    );
  }
  // Commune-level Giấy khen and cultural villages, granted by each commune chairman.
  if (communeAwards) {
    for (const c of area.communes) {
      const d = w.decision(`UBND-${c.code}`, year, 12, rnd.int(10, 28));
      const [ind, hh] = apportion(Math.round(rnd.between(25, 55) * growth(year, rnd)), [0.75, 0.25]);
      w.counted(c.code, ind, { year, award: 'GK_XA', kind: 'individual', ...d }, 'grassroots');
      w.counted(c.code, hh, { year, award: 'GK_XA', kind: 'household', ...d }, 'grassroots');
      w.counted(c.code, rnd.int(3, 9), { year, award: 'THON_VH', kind: 'collective', ...d }, 'grassroots');
    }
  }
}

interface Province {
  issuer: string;
  code: string;
  /** Every unit of the province with a weight, for province-level awards. */
  recipients: Recipient[];
  communes: Recipient[];
  agencies: Recipient[];
  /** Units ranked first in the province's clusters that year get the provincial flag. */
  clusterLeaders: string[];
  namedLists: boolean;
}

/** Province-level and central awards received by a province's units in one year. */
function provinceYear(w: AwardWriter, rnd: Random, p: Province, year: number, scale = 1) {
  const g = growth(year, rnd) * scale;
  const yearEnd = w.decision(p.issuer, year + 1, 1, rnd.int(8, 25));
  const issue = (award: string, kind: RecipientKind, d = yearEnd, method?: AwardMethod, movement?: string): Issue => ({
    year,
    award,
    kind,
    method,
    movement,
    ...d,
  });
  const bkInd = Math.round(1900 * g);
  for (const [r, n] of spread(rnd, bkInd, p.recipients)) {
    if (p.namedLists) w.named(r.code, n, issue('BK_TINH', 'individual'), 'province');
    else w.counted(r.code, n, issue('BK_TINH', 'individual'), 'province');
  }
  for (const [r, n] of spread(rnd, Math.round(430 * g), p.recipients))
    w.counted(r.code, n, issue('BK_TINH', 'collective'), 'province', r.enterprise);
  for (const [r, n] of spread(rnd, Math.round(40 * g), p.communes.length ? p.communes : p.recipients))
    w.counted(r.code, n, issue('BK_TINH', 'household'), 'province');
  for (const [r, n] of spread(rnd, Math.round(rnd.between(30, 42) * scale), p.recipients))
    w.named(r.code, n, issue('CSTD_BT', 'individual'), 'central');
  const ttldxs = Math.round(70 * 8.85 * 0.21 * g);
  for (const [r, n] of spread(rnd, ttldxs, p.recipients))
    w.counted(r.code, n, issue(r.armed ? 'DVQT' : 'TTLDXS', 'collective'), 'province', r.enterprise);
  for (const leader of p.clusterLeaders) w.counted(leader, 1, issue('CO_BT', 'collective'), 'province');
  for (const [r, n] of spread(rnd, Math.round(rnd.between(14, 22) * scale), p.recipients))
    w.counted(r.code, n, issue('CO_BT', 'collective'), 'province');
  for (const [r, n] of spread(rnd, Math.round(rnd.between(3, 6) * scale), p.communes))
    w.counted(r.code, n, issue('XA_TB', 'collective'), 'province');
  for (const [r, n] of spread(rnd, Math.round(rnd.between(40, 80) * scale), p.recipients))
    w.counted(r.code, n, issue('KNC', 'individual'), 'province');
  for (const [r, n] of spread(rnd, Math.round(rnd.between(120, 180) * scale), p.agencies))
    w.counted(r.code, n, issue('BK_BO', 'individual'), 'province');

  // Thematic and ad hoc Bằng khen of the province chairman.
  for (const movement of movementsIn(year, p.code)) {
    const d = w.decision(p.issuer, year, rnd.int(3, 11), rnd.int(1, 28));
    const n = Math.round(
      (movement === 'PT-COVID' ? ({ 2020: 180, 2021: 250, 2022: 60 }[year] ?? 0) : rnd.between(30, 70)) * scale,
    );
    for (const [r, k] of spread(rnd, n, p.recipients)) {
      const [ind, col] = apportion(k, [0.8, 0.2]);
      w.counted(r.code, ind, issue('BK_TINH', 'individual', d, 'CHUYEN_DE', movement), 'province');
      w.counted(r.code, col, issue('BK_TINH', 'collective', d, 'CHUYEN_DE', movement), 'province', r.enterprise);
    }
  }
  for (let i = rnd.int(5, 14); i > 0; i--) {
    const d = w.decision(p.issuer, year, rnd.int(1, 12), rnd.int(1, 28));
    w.named(
      rnd.pick(p.communes.length ? p.communes : p.recipients).code,
      1,
      issue('BK_TINH', 'individual', d, 'DOT_XUAT'),
      'grassroots',
    );
  }

  // Central awards proposed by the province.
  const central = w.decision('TTg', year + 1, rnd.int(3, 6), rnd.int(1, 28));
  const state = w.decision('CTN', year + 1, rnd.int(4, 9), rnd.int(1, 28));
  const armed = p.agencies.filter((a) => a.armed);
  for (const [r, n] of spread(rnd, Math.round(rnd.between(35, 55) * scale), p.recipients))
    w.named(r.code, n, issue('BK_TTG', 'individual', central), 'central');
  for (const [r, n] of spread(rnd, Math.round(rnd.between(8, 16) * scale), p.recipients))
    w.counted(r.code, n, issue('BK_TTG', 'collective', central), 'central');
  w.named(rnd.pick(p.agencies).code, rnd.int(1, 2), issue('CSTD_TQ', 'individual', central), 'central');
  for (const [r, n] of spread(rnd, rnd.int(2, 4), p.recipients))
    w.counted(r.code, n, issue('CO_CP', 'collective', central), 'central');
  for (const [r, n] of spread(rnd, Math.round(rnd.between(6, 10) * scale), p.recipients))
    w.named(r.code, n, issue('HC_LD_3', 'individual', state), 'central');
  for (const [r, n] of spread(rnd, rnd.int(1, 4), p.recipients))
    w.counted(r.code, n, issue('HC_LD_3', 'collective', state), 'central');
  if (rnd.chance(0.6)) w.named(rnd.pick(p.agencies).code, 1, issue('HC_LD_2', 'individual', state), 'central');
  if (year % 4 === 0) w.counted(rnd.pick(p.agencies).code, 1, issue('HC_LD_1', 'collective', state), 'central');
  if (armed.length) {
    w.named(rnd.pick(armed).code, rnd.int(1, 3), issue('HC_BVTQ_3', 'individual', state), 'central');
    w.named(rnd.pick(armed).code, rnd.int(3, 8), issue('HCH_CSVV_3', 'individual', state), 'central');
    if (rnd.chance(0.5)) w.counted(rnd.pick(armed).code, 1, issue('HC_CC_3', 'collective', state), 'central');
  }
  const teachers = p.agencies.find((a) => a.code.endsWith('SGDDT'));
  const doctors = p.agencies.find((a) => a.code.endsWith('SYT'));
  if (teachers && [2014, 2017, 2020, 2023].includes(year))
    w.named(teachers.code, rnd.int(3, 6), issue('NGUT', 'individual', state), 'grassroots');
  if (teachers && [2017, 2023].includes(year))
    w.named(teachers.code, 1, issue('NGND', 'individual', state), 'grassroots');
  if (doctors && [2013, 2015, 2017, 2021, 2024].includes(year))
    w.named(doctors.code, rnd.int(2, 5), issue('TTUT', 'individual', state), 'grassroots');
  if (year === 2017 || year === 2021)
    w.named(rnd.pick(p.communes).code, 1, issue('HC_DC', 'individual', state, 'DOT_XUAT'), 'grassroots');

  // Heroic mothers (the 2014-2015 national campaign) and the backlog of resistance-war dossiers.
  const mothers = { 2014: 35, 2015: 20, 2017: 8, 2020: 4 }[year] ?? 0;
  for (const [r, n] of spread(rnd, Math.round(mothers * scale), p.communes))
    w.named(r.code, n, issue('BMVNAH', 'individual', state, 'CONG_HIEN'), 'grassroots', 'F');
  const backlog = Math.max(2, Math.round((26 - 1.8 * (year - 2012)) * scale));
  for (const [r, n] of spread(rnd, backlog, p.communes.length ? p.communes : p.recipients)) {
    w.named(
      r.code,
      n,
      issue(rnd.chance(0.3) ? 'HC_KC_1' : 'HC_KC_2', 'individual', state, 'KHANG_CHIEN'),
      'grassroots',
    );
  }
}

const ARMED = new Set(['TB-CA', 'TB-BCHQS', 'HY-CA', 'HY-BCHQS']);
const agency = (a: { code: string; size: number; kind: string }): Recipient => ({
  code: a.code,
  weight: a.size,
  armed: ARMED.has(a.code),
  enterprise: a.kind === 'enterprise',
});

function thaiBinhArea(d: District): Area {
  const communes = d.communes.map((c) => ({ code: c.code, weight: 1 }));
  return {
    issuer: `UBND-${d.code}`,
    size: d.size,
    communes,
    recipients: [...communes, { code: d.code, weight: communes.length * 0.8 }],
    owner: d.code,
  };
}

/** New communes after 1 Jul 2025 carry the weight of the old communes they took in. */
function newCommunes(): Recipient[] {
  return THAI_BINH_DISTRICTS.flatMap((d) =>
    d.successors.map((s) => ({
      code: s.code,
      weight:
        s.from.reduce((sum, i) => sum + (d.communes[i - 1].code === SPLIT.commune ? SPLIT.shares[s.code] : 1), 0) *
        d.size *
        1.8,
    })),
  );
}

function leaders(year: number, clusters: string[], results: Map<string, string>): string[] {
  return clusters.map((c) => results.get(`${c}:${year}`)).filter((u): u is string => Boolean(u));
}

/** All demo awards, one list per year. */
export function buildAwards(
  firstYear: number,
  lastYear: number,
  rankOne: Map<string, string>,
): Map<number, AwardRecord[]> {
  const rnd = createRandom(2012);
  const byYear = new Map<number, AwardRecord[]>();
  const tbAgencies = THAI_BINH_AGENCIES.map(agency);
  const tbCommunes = THAI_BINH_DISTRICTS.flatMap((d) => d.communes.map((c) => ({ code: c.code, weight: d.size })));
  const tbRecipients: Recipient[] = [
    ...tbAgencies.map((a) => ({ ...a, weight: a.weight * 5 })),
    ...THAI_BINH_DISTRICTS.map((d) => ({ code: d.code, weight: d.size * 5 })),
    ...tbCommunes,
  ];
  // Old Hưng Yên is kept at province level: its lists arrive pre-counted.
  const hyOld: Area = { issuer: 'UBND-HY', size: 6.6, communes: [], recipients: [{ code: 'HY', weight: 1 }] };

  for (let year = firstYear; year <= lastYear; year++) {
    const w = new AwardWriter(rnd);
    if (year < 2025) {
      for (const d of THAI_BINH_DISTRICTS) districtYear(w, rnd, thaiBinhArea(d), year, 'GK_HUYEN', true);
      districtYear(w, rnd, hyOld, year, 'GK_HUYEN');
      const agenciesArea: Area = { issuer: 'UBND-TB', size: 1.9, communes: [], recipients: tbAgencies };
      districtYear(w, rnd, agenciesArea, year, 'GK_DV');
      provinceYear(
        w,
        rnd,
        {
          issuer: 'UBND-TB',
          code: 'TB',
          recipients: tbRecipients,
          communes: tbCommunes,
          agencies: tbAgencies,
          namedLists: true,
          clusterLeaders: leaders(year, ['TB-CUM1', 'TB-CUM2', 'TB-KHOI-KTKT', 'TB-KHOI-VHXH'], rankOne),
        },
        year,
      );
      provinceYear(
        w,
        rnd,
        {
          issuer: 'UBND-HY',
          code: 'HY',
          recipients: [{ code: 'HY', weight: 1 }],
          communes: [{ code: 'HY', weight: 1 }],
          agencies: [{ code: 'HY', weight: 1 }],
          namedLists: false,
          clusterLeaders: [],
        },
        year,
        0.8,
      );
      if (rankOne.get(`CUM-DBSH:${year}`) === 'TB')
        w.counted(
          'TB',
          1,
          { year, award: 'CO_CP', kind: 'collective', ...w.decision('TTg', year + 1, 3, 15) },
          'central',
        );
    } else {
      firstHalf2025(w, rnd, year, tbRecipients, tbCommunes);
      const communes = newCommunes();
      const hyAgencies = HUNG_YEN_AGENCIES.map(agency);
      for (const c of communes) {
        const area: Area = { issuer: `UBND-${c.code}`, size: c.weight / 11, communes: [c], recipients: [c] };
        districtYear(w, rnd, area, year, 'GK_XA');
      }
      districtYear(w, rnd, { issuer: 'UBND-HY-2025', size: 2.4, communes: [], recipients: hyAgencies }, year, 'GK_DV');
      // the old Hưng Yên area, still pre-counted, now under the new province
      districtYear(
        w,
        rnd,
        { issuer: 'UBND-HY-2025', size: 6.6, communes: [], recipients: [{ code: 'HY-2025', weight: 1 }] },
        year,
        'GK_XA',
      );
      provinceYear(
        w,
        rnd,
        {
          issuer: 'UBND-HY-2025',
          code: 'HY-2025',
          recipients: [
            ...hyAgencies.map((a) => ({ ...a, weight: a.weight * 4 })),
            ...communes,
            { code: 'HY-2025', weight: 40 },
          ],
          communes,
          agencies: hyAgencies,
          namedLists: true,
          clusterLeaders: leaders(year, ['HY-CUM-XP1'], rankOne),
        },
        year,
        1.7,
      );
    }
    byYear.set(year, w.rows);
  }
  return byYear;
}

/** Until 30 Jun 2025 the old units still granted thematic and ad hoc awards. */
function firstHalf2025(w: AwardWriter, rnd: Random, year: number, recipients: Recipient[], communes: Recipient[]) {
  for (const d of THAI_BINH_DISTRICTS) {
    const dec = w.decision(`UBND-${d.code}`, year, rnd.int(2, 6), rnd.int(1, 28));
    for (const [r, n] of spread(rnd, Math.round(90 * d.size), thaiBinhArea(d).recipients)) {
      w.counted(
        r.code,
        n,
        { year, award: 'GK_HUYEN', kind: 'individual', method: 'CHUYEN_DE', movement: 'PT-DH-XIV', ...dec },
        'grassroots',
      );
    }
  }
  const dec = w.decision('UBND-TB', year, rnd.int(3, 6), rnd.int(1, 28));
  for (const [r, n] of spread(rnd, 160, recipients)) {
    w.counted(
      r.code,
      n,
      { year, award: 'BK_TINH', kind: 'individual', method: 'CHUYEN_DE', movement: 'PT-DH-XIV', ...dec },
      'province',
    );
  }
  for (let i = rnd.int(3, 7); i > 0; i--) {
    w.named(
      rnd.pick(communes).code,
      1,
      {
        year,
        award: 'BK_TINH',
        kind: 'individual',
        method: 'DOT_XUAT',
        ...w.decision('UBND-TB', year, rnd.int(1, 6), rnd.int(1, 28)),
      },
      'grassroots',
    );
  }
  const hy = w.decision('UBND-HY', year, rnd.int(3, 6), rnd.int(1, 28));
  w.counted(
    'HY',
    130,
    { year, award: 'BK_TINH', kind: 'individual', method: 'CHUYEN_DE', movement: 'PT-DH-XIV', ...hy },
    'province',
  );
}
