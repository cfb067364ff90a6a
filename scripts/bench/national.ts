// GEO=national: the demo's provinces plus synthetic ones at the country's real magnitudes
// (63 old provinces, 11 unchanged and 52 merged into 23; 696 districts, all ended 30/06/2025;
// about 10,300 old communes merged into about 3,400 new ones, about one in ten split between
// two), written next to the demo's reference data. Names and groupings are illustrative.
import type { DatabaseSync } from 'node:sqlite';
import type { LineageRecord, UnitRecord } from '../demo/types.ts';
import { createRandom } from '../demo/random.ts';

const LAST_OLD_DAY = '2025-06-30';
const REORG_DATE = '2025-07-01';
// what the demo itself brings: 15 old provinces (4 unchanged), 8 districts, 50 old communes
const PROVINCES = { merged: 52 - 11, unchanged: 11 - 4, newProvinces: 23 - 7 };
const DISTRICTS = 696 - 8;
const OLD_COMMUNES = 10_300 - 50;
const NEW_COMMUNES = 3_400 - 17;

export interface SyntheticProvince {
  /** Old communes, districts and the province itself (codes), recorded until 30/06/2025. */
  old: { province: string; districts: string[]; communes: string[] };
  /** Where its awards are recorded from 01/07/2025: the new province and its communes. */
  now: { province: string; communes: string[] };
}

export interface NationalGeography {
  /** Parents before children, as an import file must list them. */
  units: UnitRecord[];
  lineage: LineageRecord[];
  provinces: SyntheticProvince[];
}

/** Parts of `total` over `n` slots, the i-th as an integer, adding up to `total` exactly. */
const part = (total: number, n: number, i: number) => Math.round((total * (i + 1)) / n) - Math.round((total * i) / n);

/** The synthetic provinces: deterministic (seeded), the same on every machine. */
export function nationalGeography(seed = 63): NationalGeography {
  const rnd = createRandom(seed);
  const units: UnitRecord[] = [];
  const lineage: LineageRecord[] = [];
  const provinces: SyntheticProvince[] = [];
  const edge = (from_code: string, to_code: string, share: number) =>
    lineage.push({ from_code, to_code, effective_date: REORG_DATE, share });

  const oldCount = PROVINCES.merged + PROVINCES.unchanged;
  // new provinces first, so a merged old province can point at its successor
  const newCodes = Array.from({ length: PROVINCES.newProvinces }, (_, i) => `N${i + 1}-2025`);
  for (const [i, code] of newCodes.entries())
    units.push({ code, name: `Tỉnh mới ${i + 1}`, kind: 'province', valid_from: REORG_DATE });
  let dIndex = 0;
  for (let p = 0; p < oldCount; p++) {
    const unchanged = p >= PROVINCES.merged;
    const code = `P${p + 1}`;
    units.push({ code, name: `Tỉnh ${p + 1}`, kind: 'province', ...(unchanged ? {} : { valid_to: LAST_OLD_DAY }) });
    // 41 old provinces over 16 new ones: two or three each
    const successor = unchanged ? code : newCodes[p % PROVINCES.newProvinces];
    if (!unchanged) edge(code, successor, 1);
    const province: SyntheticProvince = {
      old: { province: code, districts: [], communes: [] },
      now: { province: successor, communes: [] },
    };
    for (let d = 0; d < part(DISTRICTS, oldCount, p); d++, dIndex++) {
      const district = `${code}-D${d + 1}`;
      units.push({
        code: district,
        name: `Huyện ${p + 1}.${d + 1}`,
        kind: 'district',
        parent_code: code,
        valid_to: LAST_OLD_DAY,
      });
      province.old.districts.push(district);
      const olds = Array.from({ length: part(OLD_COMMUNES, DISTRICTS, dIndex) }, (_, c) => `${district}-${c + 1}`);
      for (const [c, o] of olds.entries())
        units.push({
          code: o,
          name: `Xã ${p + 1}.${d + 1}.${c + 1}`,
          kind: 'commune',
          parent_code: district,
          valid_to: LAST_OLD_DAY,
        });
      const base = province.now.communes.length;
      const news = Array.from({ length: part(NEW_COMMUNES, DISTRICTS, dIndex) }, (_, c) => `${code}-X${base + c + 1}`);
      for (const [c, n] of news.entries())
        units.push({
          code: n,
          name: `Xã mới ${p + 1}.${base + c + 1}`,
          kind: 'commune',
          parent_code: successor,
          valid_from: REORG_DATE,
        });
      // consecutive old communes go to the same new one; about one in ten is split with the next
      for (const [c, o] of olds.entries()) {
        const to = Math.min(news.length - 1, Math.floor((c * news.length) / olds.length));
        if (to + 1 < news.length && rnd.chance(0.1)) {
          const share = rnd.pick([0.5, 0.6, 0.7]);
          edge(o, news[to], share);
          edge(o, news[to + 1], Math.round((1 - share) * 10) / 10);
        } else edge(o, news[to], 1);
      }
      province.old.communes.push(...olds);
      province.now.communes.push(...news);
    }
    provinces.push(province);
  }
  return { units, lineage, provinces };
}

/** Inserts the synthetic units and lineage after the demo's; returns the unit ids by code. */
export function addNationalGeography(db: DatabaseSync, geo: NationalGeography): Map<string, number> {
  let nextId = (db.prepare('SELECT MAX(id) AS id FROM units').get() as { id: number }).id + 1;
  const ids = new Map<string, number>();
  const unit = db.prepare(
    'INSERT INTO units (id, code, name, kind, parent_id, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const edge = db.prepare(
    'INSERT INTO unit_lineage (from_unit_id, to_unit_id, effective_date, share) VALUES (?, ?, ?, ?)',
  );
  db.exec('BEGIN');
  for (const u of geo.units) {
    ids.set(u.code, nextId);
    const parent = u.parent_code === undefined ? null : ids.get(u.parent_code)!;
    unit.run(nextId++, u.code, u.name, u.kind, parent, u.valid_from ?? null, u.valid_to ?? null);
  }
  for (const l of geo.lineage) edge.run(ids.get(l.from_code)!, ids.get(l.to_code)!, l.effective_date, l.share);
  db.exec('COMMIT');
  return ids;
}

/**
 * The unit an award is recorded in: one of the province's communes (most awards), a district
 * or the province itself; old units until 30/06/2025, the new ones after. `x` in [0, 1).
 */
export function syntheticUnit(p: SyntheticProvince, after: boolean, x: number): string {
  if (after) return x < 0.85 ? p.now.communes[Math.floor((x / 0.85) * p.now.communes.length)] : p.now.province;
  if (x < 0.8) return p.old.communes[Math.floor((x / 0.8) * p.old.communes.length)];
  if (x < 0.95) return p.old.districts[Math.floor(((x - 0.8) / 0.15) * p.old.districts.length)];
  return p.old.province;
}

const csvCell = (v: string | number | undefined) => (v === undefined ? '' : String(v));

/** The synthetic units as an import file of the units dataset. */
export const nationalUnitsCsv = (geo: NationalGeography) =>
  `code,name,kind,parent_code,valid_from,valid_to\n${geo.units
    .map((u) => [u.code, u.name, u.kind, u.parent_code, u.valid_from, u.valid_to].map(csvCell).join(','))
    .join('\n')}\n`;

/** The synthetic lineage as an import file of the unit_lineage dataset. */
export const nationalLineageCsv = (geo: NationalGeography) =>
  `from_code,to_code,effective_date,share\n${geo.lineage
    .map((l) => [l.from_code, l.to_code, l.effective_date, l.share].join(','))
    .join('\n')}\n`;

/** Where the import benches put award row i of `year`: old communes until 2024, new ones in 2025. */
export function nationalAwardUnit(geo: NationalGeography): (i: number, year: number) => string {
  const communes = geo.provinces.flatMap((p) => p.old.communes);
  const newCommunes = geo.provinces.flatMap((p) => p.now.communes);
  return (i, year) => (year < 2025 ? communes[i % communes.length] : newCommunes[i % newCommunes.length]);
}
