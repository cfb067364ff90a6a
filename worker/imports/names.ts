import { msg, type Msg } from './messages';
import { fold } from './vocabulary';

// Units and award types as people write them in award lists: by code, or by name, in any case,
// with or without diacritics, and for units with the administrative prefix of their People's
// Committee ("UBND xã …", "Ủy ban nhân dân phường …"). A name is never guessed: one that matches
// several units, or none, is a row error that lists the candidates. A name the Dữ liệu page
// has resolved once (unit_aliases) means its unit before any name matching.

export interface NamedUnit {
  id: number;
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  parentName: string | null;
}

export interface NamedAward {
  code: string;
  nameVi: string;
  nameEn: string | null;
  validTo: string | null;
}

// folded forms of "Ủy ban nhân dân" / "Uỷ ban nhân dân" / "UBND" at the start of a unit name
const COMMITTEE = /^(uy ban nhan dan|ubnd)\s+/;

export const unitKey = (s: string) => fold(s).replace(COMMITTEE, '');

/** Did the unit exist on any day of the year (valid_to is its last day)? */
export const existedIn = (u: Pick<NamedUnit, 'validFrom' | 'validTo'>, year: number) =>
  (!u.validFrom || u.validFrom <= `${year}-12-31`) && (!u.validTo || u.validTo >= `${year}-01-01`);

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** "từ 01/07/2025", "đến 30/06/2025", "01/01/2020 – 30/06/2025" */
export function lifetime(u: Pick<NamedUnit, 'validFrom' | 'validTo'>): Msg {
  if (u.validFrom && u.validTo)
    return msg(`${vnDate(u.validFrom)} to ${vnDate(u.validTo)}`, `${vnDate(u.validFrom)} – ${vnDate(u.validTo)}`);
  if (u.validFrom) return msg(`from ${vnDate(u.validFrom)}`, `từ ${vnDate(u.validFrom)}`);
  if (u.validTo) return msg(`until ${vnDate(u.validTo)}`, `đến ${vnDate(u.validTo)}`);
  return msg('always', 'không giới hạn');
}

/** Word bigrams of a folded name, for ranking suggestions. */
function bigrams(s: string): Set<string> {
  const t = ` ${s} `;
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size || 1);
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: Msg; candidates: string[] };

// A list repeats a handful of names over thousands of rows: each distinct text (an award's, or
// what a unit's text names) is resolved once per import. The caches are bounded; a file of more
// distinct names starts them over.
const MEMO_SIZE = 50_000;
function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= MEMO_SIZE) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v;
}

const describe = (u: NamedUnit) => `${u.code} (${u.name}${u.parentName ? `, ${u.parentName}` : ''})`;

const picks = (units: NamedUnit[]) => units.map((u) => ({ code: u.code, name: describe(u) }));

/** What a text names, whatever the year: a remembered alias, or the units of that code or name. */
type Named = { aliased: NamedUnit } | { aliased?: undefined; units: NamedUnit[] };

export class UnitNames {
  private readonly byCode = new Map<string, NamedUnit>();
  private readonly byKey = new Map<string, NamedUnit[]>();
  /** unitKey of an alias → its unit */
  private readonly byAlias = new Map<string, NamedUnit>();
  private grams?: { unit: NamedUnit; grams: Set<string> }[];
  // At national scale a list names 10,000 communes over a dozen years: memoised per (text, year),
  // the 137,000 pairs overflowed the memo and every row folded its text again. So what a text
  // names is kept per text, and only the year is checked per row (the answer for a unit is made once).
  private readonly named = new Map<string, Named>();
  private readonly found = new Map<NamedUnit, Resolved<NamedUnit>>();
  private readonly refused = new Map<string, Resolved<NamedUnit>>();

  constructor(
    private readonly units: NamedUnit[],
    aliases: { alias: string; unit_id: number }[] = [],
  ) {
    const byId = new Map<number, NamedUnit>();
    for (const u of units) {
      byId.set(u.id, u);
      this.byCode.set(u.code, u);
      const k = unitKey(u.name);
      this.byKey.set(k, [...(this.byKey.get(k) ?? []), u]);
    }
    for (const a of aliases) {
      const u = byId.get(a.unit_id);
      if (u) this.byAlias.set(a.alias, u);
    }
  }

  /** A unit by code or name, among the units that existed in `year`. */
  resolve(raw: string, year: number): Resolved<NamedUnit> {
    const named = memo(this.named, raw, () => this.name(raw));
    const one = named.aliased ?? (named.units.length === 1 ? named.units[0] : undefined);
    if (one && existedIn(one, year)) return this.ok(one);
    if (!named.aliased) {
      const alive = named.units.filter((u) => existedIn(u, year));
      if (alive.length === 1) return this.ok(alive[0]);
    }
    return memo(this.refused, `${year}\u0000${raw}`, () => this.refuse(raw, year, named));
  }

  private ok(u: NamedUnit): Resolved<NamedUnit> {
    const known = this.found.get(u);
    if (known) return known;
    const r: Resolved<NamedUnit> = { ok: true, value: u };
    this.found.set(u, r);
    return r;
  }

  private name(raw: string): Named {
    const byCode = this.byCode.get(raw);
    if (byCode) return { units: [byCode] };
    const key = unitKey(raw);
    const aliased = this.byAlias.get(key);
    return aliased ? { aliased } : { units: this.byKey.get(key) ?? [] };
  }

  /** Why `raw` names no single unit of `year`: with the candidates a person can choose from. */
  private refuse(raw: string, year: number, named: Named): Resolved<NamedUnit> {
    if (named.aliased) {
      const aliased = named.aliased;
      return {
        ok: false,
        candidates: [],
        message: msg(
          `'${raw}' is remembered as ${describe(aliased)}, which did not exist in any part of ${year} ` +
            `(${lifetime(aliased).en}); write the unit's code or remove the alias`,
          `'${raw}' đã được ghi nhớ là ${describe(aliased)}, đơn vị không tồn tại vào năm ${year} ` +
            `(${lifetime(aliased).vi}); hãy ghi mã đơn vị hoặc xoá tên gọi đã ghi nhớ`,
        ),
      };
    }
    const alive = named.units.filter((u) => existedIn(u, year));
    if (alive.length > 1) {
      const list = alive.map(describe);
      return {
        ok: false,
        candidates: alive.map((u) => u.code),
        message: {
          ...msg(
            `'${raw}' names ${alive.length} units that existed in ${year}: ${list.join('; ')}; ` +
              "choose one (the Dữ liệu page remembers it) or write the unit's code",
            `'${raw}' trùng tên ${alive.length} đơn vị tồn tại năm ${year}: ${list.join('; ')}; ` +
              'hãy chọn một đơn vị (trang Dữ liệu ghi nhớ lựa chọn) hoặc ghi mã đơn vị',
          ),
          candidates: picks(alive),
        },
      };
    }
    if (named.units.length) {
      const when = named.units.map((u) => `${describe(u)}: ${lifetime(u).vi}`);
      const whenEn = named.units.map((u) => `${describe(u)}: ${lifetime(u).en}`);
      return {
        ok: false,
        candidates: [],
        message: msg(
          `'${raw}' did not exist in any part of ${year} (${whenEn.join('; ')})`,
          `'${raw}' không tồn tại vào năm ${year} (${when.join('; ')})`,
        ),
      };
    }
    const suggestions = this.suggest(raw, year);
    const hint = suggestions.length ? suggestions.map(describe).join('; ') : '';
    return {
      ok: false,
      candidates: suggestions.map((u) => u.code),
      message: {
        ...msg(
          `no unit is called or coded '${raw}' in ${year}${hint ? `; did you mean ${hint}?` : ''}`,
          `không có đơn vị nào tên hoặc mã '${raw}' vào năm ${year}${hint ? `; có phải: ${hint}?` : ''}`,
        ),
        candidates: picks(suggestions),
      },
    };
  }

  /** The three closest names among the units of the year. */
  private suggest(raw: string, year: number): NamedUnit[] {
    this.grams ??= this.units.map((unit) => ({ unit, grams: bigrams(unitKey(unit.name)) }));
    const want = bigrams(unitKey(raw));
    return this.grams
      .filter((g) => existedIn(g.unit, year))
      .map((g) => ({ unit: g.unit, score: similarity(want, g.grams) }))
      .filter((g) => g.score >= 0.5)
      .sort((a, b) => b.score - a.score || a.unit.code.localeCompare(b.unit.code))
      .slice(0, 3)
      .map((g) => g.unit);
  }
}

export class AwardNames {
  private readonly byCode = new Map<string, NamedAward>();
  private readonly byName = new Map<string, NamedAward[]>();
  private readonly resolved = new Map<string, Resolved<NamedAward>>();

  constructor(awards: NamedAward[]) {
    for (const a of awards) {
      this.byCode.set(a.code, a);
      for (const n of new Set([fold(a.nameVi), ...(a.nameEn ? [fold(a.nameEn)] : [])]))
        this.byName.set(n, [...(this.byName.get(n) ?? []), a]);
    }
  }

  /** An award type by code (any case) or by its Vietnamese or English name. */
  resolve(raw: string): Resolved<NamedAward> {
    return memo(this.resolved, raw, () => this.lookUp(raw));
  }

  private lookUp(raw: string): Resolved<NamedAward> {
    const found = this.byCode.get(raw) ?? this.byCode.get(raw.toUpperCase());
    const named = found ? [found] : (this.byName.get(fold(raw)) ?? []);
    if (named.length === 1) return { ok: true, value: named[0] };
    if (named.length > 1)
      return {
        ok: false,
        candidates: named.map((a) => a.code),
        message: msg(
          `'${raw}' names several award types (${named.map((a) => a.code).join(', ')}); write the code`,
          `'${raw}' trùng tên nhiều hình thức (${named.map((a) => a.code).join(', ')}); hãy ghi mã`,
        ),
      };
    return {
      ok: false,
      candidates: [],
      message: msg(
        `no award type is called or coded '${raw}' (the catalog lists every code and name)`,
        `không có danh hiệu, hình thức khen thưởng nào tên hoặc mã '${raw}' (xem danh mục hình thức khen thưởng)`,
      ),
    };
  }
}
