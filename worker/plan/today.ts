import { ancestorsOf, type Geography, type GeoUnit } from '../queries/geography';
import { existsOn, mapUnitOn } from './asOf';
import type { PlanEntry, PlanOptions } from './plan';

// as_of onto today's boundaries from award_cube_today (T). The mapping of as_of is linear in the
// cube: with M(u, t) the weight with which awards recorded directly at u land in the subtree of
// target t, and a unit's own awards its cube row minus its children's,
//   T(t) = sum over u of cube(u) * K(u, t),  K(u, t) = M(u, t) - M(parent(u), t).
// K has a few entries per unit (an old commune: its new commune and new province, minus its old
// province); triggers on award_cube add n * K(u, t) to T in the transaction that changes the cube.
//
// T serves every as_of date from servedFrom on: from the last date any unit began or ended, every
// unit exists (or not) the same on each date, so mapUnitOn gives the same weights. Earlier dates,
// clusters and scoped or recorded-in reads go through the general plan (plan.ts).

const DAY_MS = 86_400_000;
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

interface TodayShape {
  servedFrom: string;
  hash: string;
  isTarget: (u: GeoUnit) => boolean;
}

const shapes = new WeakMap<Geography, TodayShape>();

/** The first as_of date T serves, the geography's fingerprint and which units T keeps. */
export function todayShape(geo: Geography): TodayShape {
  let s = shapes.get(geo);
  if (s) return s;
  let from = '0000-01-01';
  for (const u of geo.units.values()) {
    if (u.validFrom && u.validFrom > from) from = u.validFrom;
    if (u.validTo && dayAfter(u.validTo) > from) from = dayAfter(u.validTo);
  }
  const servedFrom = from;
  const exists = (id: number | null) => {
    const u = id === null ? undefined : geo.units.get(id);
    return u !== undefined && existsOn(u, servedFrom);
  };
  // the labels a read served by T can ask for: top-level units, units of today and their
  // children (an old district under a province that remains); not the old units below old ones
  const isTarget = (u: GeoUnit) =>
    u.parentId === null || !geo.units.has(u.parentId) || exists(u.id) || exists(u.parentId);
  s = { servedFrom, hash: geographyHash(geo), isTarget };
  shapes.set(geo, s);
  return s;
}

export interface KernelEntry {
  unitId: number;
  targetId: number;
  weight: number;
}

/** K(u, t) for every unit, on the reference date (servedFrom). */
export function todayKernel(geo: Geography): KernelEntry[] {
  const { servedFrom, isTarget } = todayShape(geo);
  const lineageMemo = new Map<number, Map<number, number>>();
  const mMemo = new Map<number, Map<number, number>>();
  const landing = (id: number): Map<number, number> => {
    let m = mMemo.get(id);
    if (m) return m;
    m = new Map();
    for (const [x, w] of mapUnitOn(geo, id, servedFrom, lineageMemo))
      for (const t of [x, ...ancestorsOf(geo, x)]) if (isTarget(geo.units.get(t)!)) m.set(t, (m.get(t) ?? 0) + w);
    mMemo.set(id, m);
    return m;
  };
  const out: KernelEntry[] = [];
  for (const u of geo.units.values()) {
    const k = new Map(landing(u.id));
    if (u.parentId !== null && geo.units.has(u.parentId))
      for (const [t, w] of landing(u.parentId)) k.set(t, (k.get(t) ?? 0) - w);
    for (const [t, w] of k) if (Math.abs(w) > 1e-12) out.push({ unitId: u.id, targetId: t, weight: w });
  }
  return out;
}

/**
 * The entries of award_cube_today a summary needs, in the plan's form, or null when T does not
 * serve it (no as_of, a date before servedFrom, clusters, a restriction to where awards were
 * recorded, or no unit asked for and none grouped by: the plan's one root key serves those).
 */
export function todayPlan(geo: Geography, o: PlanOptions): PlanEntry[] | null {
  if (!o.asOf || o.clusterIds || o.byCluster || o.recordedInUnitIds) return null;
  if (!o.unit && !o.byUnit) return null;
  const shape = todayShape(geo);
  if (o.asOf < shape.servedFrom) return null;
  const entry = (unitId: number, weight: number, unit: string): PlanEntry => ({
    unitId,
    weight,
    unit,
    cluster: null,
    yearFrom: o.from,
    yearTo: o.to,
  });
  if (!o.unit) return geo.roots.map((id) => entry(id, 1, geo.units.get(id)!.code));
  const u = o.unit;
  if (!shape.isTarget(u)) return null;
  if (!o.byUnit) return [entry(u.id, 1, '*')];
  // the unit's own awards: its subtree less its children's
  return [
    entry(u.id, 1, u.code),
    ...u.children.flatMap((c) => [entry(c, -1, u.code), entry(c, 1, geo.units.get(c)!.code)]),
  ];
}

/** A fingerprint of what K depends on: the tree, the units' dates and the lineage. */
export function geographyHash(geo: Geography): string {
  const parts: string[] = [];
  for (const u of [...geo.units.values()].sort((a, b) => a.id - b.id))
    parts.push(`${u.id},${u.parentId ?? ''},${u.validFrom ?? ''},${u.validTo ?? ''}`);
  parts.push('|');
  for (const [from, edges] of [...geo.successors].sort(([a], [b]) => a - b))
    for (const e of [...edges].sort((a, b) => a.unitId - b.unitId)) parts.push(`${from}>${e.unitId}=${e.share}`);
  const text = parts.join(';');
  return `${hash53(text, 1).toString(16)}-${hash53(text, 2).toString(16)}-${text.length}`;
}

// cyrb53 (public domain): a 53-bit string hash; two seeds make a collision between two
// geographies of one database practically impossible
function hash53(s: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
