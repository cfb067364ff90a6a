import { fold } from './vocabulary';

// Lists from decisions say what each person does (Chức vụ: "Chủ tịch UBND xã", "Giáo viên"),
// not the class form 0601 counts them under. These rules suggest the class from that text; the
// suggestions are always shown (each distinct Chức vụ, its class, its count) and applied only
// when the importer asks for them (`class_from_position=1`), to individuals whose row gives no
// class. Rules are tried in order on the text folded (no case, no diacritics); the first match
// wins; a text no rule matches gets no class. docs/api.md lists them for people.

type Rule = { class: 'LD_BO_TINH' | 'LD_VU_SO' | 'LD_KHAC' | 'DOANH_NHAN' | 'TRUC_TIEP'; pattern: RegExp };

// A Chức vụ begins with the title ("Phó Trưởng phòng Tư pháp", "Giáo viên Trường THCS …"), so
// the rules look at its beginning: "Trường" (a school) further on does not make a leader.
const LEAD = '(pho )?(chu tich|bi thu|truong ban)';
const PROVINCE = '(ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan|uy ban mttq|ub mttq) (tinh|thanh pho truc thuoc)';
/** A text that begins with one of the titles, a deputy ("Phó …") included where `deputy`. */
const begins = (titles: string[], deputy = true) => new RegExp(`^${deputy ? '(pho )?' : ''}(${titles.join('|')})\\b`);
export const POSITION_RULES: readonly Rule[] = [
  // ministers and the province's own leaders
  { class: 'LD_BO_TINH', pattern: /^(bo truong|thu truong)\b/ },
  { class: 'LD_BO_TINH', pattern: new RegExp(`^${LEAD} (${PROVINCE}|tinh uy)\\b`) },
  // heads of a department of a ministry or of the province
  {
    class: 'LD_VU_SO',
    pattern: /^(pho )?(vu truong|cuc truong|tong cuc truong|giam doc so|chanh van phong ubnd tinh)\b/,
  },
  // owners and heads of businesses and cooperatives
  {
    class: 'DOANH_NHAN',
    pattern: begins([
      'tong giam doc',
      'chu doanh nghiep',
      'chu tich (hdqt|hoi dong quan tri)',
      'giam doc (cong ty|doanh nghiep|htx|hop tac xa)',
      'chu nhiem (htx|hop tac xa)',
    ]),
  },
  // every other leader or manager (commune, district, school, office…)
  {
    class: 'LD_KHAC',
    pattern: begins([
      ...['chu tich', 'bi thu', 'truong', 'giam doc', 'chanh', 'chi huy truong', 'hieu truong', 'chu nhiem'],
      ...['quan ly', 'ke toan truong'],
    ]),
  },
  // people who do the work themselves
  {
    class: 'TRUC_TIEP',
    pattern: begins(
      [
        ...['cong nhan', 'nong dan', 'xa vien', 'ngu dan', 'lao dong', 'tho', 'giao vien', 'bac si', 'y si', 'y ta'],
        ...['dieu duong', 'ho sinh', 'duoc si', 'ky thuat vien', 'nhan vien', 'chien si'],
      ],
      false,
    ),
  },
];

export function classFromPosition(position: string): Rule['class'] | undefined {
  const f = fold(position);
  return f ? POSITION_RULES.find((r) => r.pattern.test(f))?.class : undefined;
}

export interface ClassSuggestion {
  /** The Chức vụ as the file writes it (the first spelling met). */
  position: string;
  /** The class the rules suggest; null when no rule matches. */
  class: string | null;
  count: number;
}

/** Distinct positions kept for the answer; a list has a few dozen. */
const MAX_POSITIONS = 500;

export function positionTracker() {
  const seen = new Map<string, ClassSuggestion>();
  return {
    /** The suggestion for one row's Chức vụ, counted for the answer. */
    see(position: string): string | undefined {
      const key = fold(position);
      if (!key) return undefined;
      let s = seen.get(key);
      if (!s && seen.size < MAX_POSITIONS) {
        s = { position, class: classFromPosition(position) ?? null, count: 0 };
        seen.set(key, s);
      }
      if (s) s.count++;
      return (s?.class ?? classFromPosition(position)) || undefined;
    },
    list: () => [...seen.values()].sort((a, b) => b.count - a.count),
  };
}
