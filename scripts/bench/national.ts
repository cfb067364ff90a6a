// GEO=national: the demo's provinces plus synthetic ones at the country's real magnitudes
// (63 old provinces, 11 unchanged and 52 merged into 23; 696 districts, all ended 30/06/2025;
// about 10,300 old communes merged into about 3,400 new ones, about one in ten split between
// two), written next to the demo's reference data. Names and groupings are illustrative.
import type { DatabaseSync } from 'node:sqlite';
import { createRandom } from '../demo/random.ts';

const LAST_OLD_DAY = '2025-06-30';
const REORG_DATE = '2025-07-01';
// what the demo itself brings: 15 old provinces (4 unchanged), 8 districts, 50 old communes
const PROVINCES = { merged: 52 - 11, unchanged: 11 - 4, newProvinces: 23 - 7 };
const DISTRICTS = 696 - 8;
const OLD_COMMUNES = 10_300 - 50;
const NEW_COMMUNES = 3_400 - 17;

export interface SyntheticProvince {
  /** Old communes, districts and the province itself, recorded until 30/06/2025. */
  old: { province: number; districts: number[]; communes: number[] };
  /** Where its awards are recorded from 01/07/2025: the new province and its communes. */
  now: { province: number; communes: number[] };
}

/** Inserts the synthetic units and lineage (ids after the demo's); returns them per old province. */
export function addNationalGeography(db: DatabaseSync, seed = 63): SyntheticProvince[] {
  const rnd = createRandom(seed);
  let nextId = (db.prepare('SELECT MAX(id) AS id FROM units').get() as { id: number }).id + 1;
  const unit = db.prepare(
    'INSERT INTO units (id, code, name, kind, parent_id, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const edge = db.prepare(
    'INSERT INTO unit_lineage (from_unit_id, to_unit_id, effective_date, share) VALUES (?, ?, ?, ?)',
  );
  const add = (
    code: string,
    name: string,
    kind: string,
    parent: number | null,
    from: string | null,
    to: string | null,
  ) => {
    unit.run(nextId, code, name, kind, parent, from, to);
    return nextId++;
  };

  const oldCount = PROVINCES.merged + PROVINCES.unchanged;
  // new provinces first, so a merged old province can point at its successor
  const newIds = Array.from({ length: PROVINCES.newProvinces }, (_, i) =>
    add(`N${i + 1}-2025`, `Tỉnh mới ${i + 1}`, 'province', null, REORG_DATE, null),
  );
  const out: SyntheticProvince[] = [];
  db.exec('BEGIN');
  for (let p = 0; p < oldCount; p++) {
    const unchanged = p >= PROVINCES.merged;
    const code = `P${p + 1}`;
    const province = add(code, `Tỉnh ${p + 1}`, 'province', null, null, unchanged ? null : LAST_OLD_DAY);
    // 41 old provinces over 16 new ones: two or three each
    const successor = unchanged ? province : newIds[p % PROVINCES.newProvinces];
    if (!unchanged) edge.run(province, successor, REORG_DATE, 1);
    const districtCount = Math.round((DISTRICTS * (p + 1)) / oldCount) - Math.round((DISTRICTS * p) / oldCount);
    const districts: number[] = [];
    const communes: number[] = [];
    const news: number[] = [];
    for (let d = 0; d < districtCount; d++) {
      const dIndex = out.reduce((s, x) => s + x.old.districts.length, 0) + d;
      const district = add(`${code}-D${d + 1}`, `Huyện ${p + 1}.${d + 1}`, 'district', province, null, LAST_OLD_DAY);
      districts.push(district);
      const communeCount =
        Math.round((OLD_COMMUNES * (dIndex + 1)) / DISTRICTS) - Math.round((OLD_COMMUNES * dIndex) / DISTRICTS);
      const newCount =
        Math.round((NEW_COMMUNES * (dIndex + 1)) / DISTRICTS) - Math.round((NEW_COMMUNES * dIndex) / DISTRICTS);
      const olds = Array.from({ length: communeCount }, (_, c) =>
        add(`${code}-D${d + 1}-${c + 1}`, `Xã ${p + 1}.${d + 1}.${c + 1}`, 'commune', district, null, LAST_OLD_DAY),
      );
      const base = news.length;
      const target = Array.from({ length: newCount }, (_, c) =>
        add(`${code}-X${base + c + 1}`, `Xã mới ${p + 1}.${base + c + 1}`, 'commune', successor, REORG_DATE, null),
      );
      // consecutive old communes go to the same new one; about one in ten is split with the next
      olds.forEach((o, c) => {
        const to = Math.min(target.length - 1, Math.floor((c * target.length) / olds.length));
        if (to + 1 < target.length && rnd.chance(0.1)) {
          const share = rnd.pick([0.5, 0.6, 0.7]);
          edge.run(o, target[to], REORG_DATE, share);
          edge.run(o, target[to + 1], REORG_DATE, Math.round((1 - share) * 10) / 10);
        } else edge.run(o, target[to], REORG_DATE, 1);
      });
      communes.push(...olds);
      news.push(...target);
    }
    out.push({ old: { province, districts, communes }, now: { province: successor, communes: news } });
  }
  db.exec('COMMIT');
  return out;
}

/**
 * The unit a synthetic award is recorded in: one of the province's communes (most awards), a
 * district or the province itself; old units until 30/06/2025, the new ones after.
 */
export function syntheticUnit(p: SyntheticProvince, after: boolean, x: number): number {
  if (after) return x < 0.85 ? p.now.communes[Math.floor((x / 0.85) * p.now.communes.length)] : p.now.province;
  if (x < 0.8) return p.old.communes[Math.floor((x / 0.8) * p.old.communes.length)];
  if (x < 0.95) return p.old.districts[Math.floor(((x - 0.8) / 0.15) * p.old.districts.length)];
  return p.old.province;
}
