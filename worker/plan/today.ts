import { ancestorsOf, type Geography, type GeoUnit } from '../queries/geography';
import { existsOn, lineageOn, mapUnitOn } from './asOf';
import type { PlanEntry, PlanOptions } from './plan';

// as_of onto today's boundaries from award_cube_today (T). The mapping of as_of is linear in the
// cube: with M(u, t) the weight with which awards recorded directly at u land in the subtree of
// target t, and a unit's own awards its cube row minus its children's,
//   T(t) = sum over u of cube(u) * K(u, t),  K(u, t) = M(u, t) - M(parent(u), t).
// K has a few entries per unit (an old commune: its new commune and new province, minus its old
// province); triggers on award_cube add n * K(u, t) to T in the transaction that changes the cube.
//
// T serves every as_of date from servedFrom on: from the last date any unit began or ended, every
// unit exists (or not) the same on each date, so mapUnitOn gives the same weights.
//
// The dates before that, back to the change before it (and further for the targets no earlier
// change touches: firstPastDates), are served too, but as a correction of the cube kept under the
// target's negated id: P(-t) = sum over u of own(u) * (M(u, t) - R(u, t)), R the 1 of t's subtree
// where u was recorded. It is zero for every unit that existed then (the old communes, most of
// the data), so it costs writes only for what was recorded on units made later, and a read on
// such a date is the cube's key plus P's: cube(t) + P(-t) = sum of own(u) * M(u, t).
// Other dates, clusters and scoped or recorded-in reads go through the general plan (plan.ts).

const DAY_MS = 86_400_000;
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const FIRST_DAY = '0000-01-01';
// part of the fingerprint: a stored T built by another definition of K is not used (and a
// migration marks it stale so that it is rebuilt)
const KERNEL_VERSION = 'k2';

interface TodayShape {
  servedFrom: string;
  /**
   * The dates served through P: [from, servedFrom), or null when no unit ever changed; and, for
   * a target, the first date from which it is served (from or earlier, see firstPastDates).
   */
  past: { from: string; firstDate: (t: number) => string } | null;
  hash: string;
  isTarget: (u: GeoUnit) => boolean;
  isPastTarget: (u: GeoUnit) => boolean;
}

const shapes = new WeakMap<Geography, TodayShape>();

// the labels a read served on `date` can ask for: top-level units, units of that date and their
// children (an old district under a province that remains); not the units below those
function targetsOn(geo: Geography, date: string) {
  const exists = (id: number | null) => {
    const u = id === null ? undefined : geo.units.get(id);
    return u !== undefined && existsOn(u, date);
  };
  return (u: GeoUnit) => u.parentId === null || !geo.units.has(u.parentId) || exists(u.id) || exists(u.parentId);
}

/** The dates T and P serve, the geography's fingerprint and which units they keep. */
export function todayShape(geo: Geography): TodayShape {
  let s = shapes.get(geo);
  if (s) return s;
  const changes = new Set<string>();
  for (const u of geo.units.values()) {
    if (u.validFrom) changes.add(u.validFrom);
    if (u.validTo) changes.add(dayAfter(u.validTo));
  }
  const dates = [...changes].sort().reverse();
  const servedFrom = dates[0] ?? FIRST_DAY;
  const pastFrom = dates[1] ?? FIRST_DAY;
  const isPastTarget = dates.length ? targetsOn(geo, pastFrom) : () => false;
  let firstDates: Map<number, string> | undefined;
  const past = dates.length
    ? {
        from: pastFrom,
        firstDate: (t: number) => {
          firstDates ??= firstPastDates(geo, dates.slice(1), isPastTarget);
          return firstDates.get(t) ?? pastFrom;
        },
      }
    : null;
  s = { servedFrom, past, hash: geographyHash(geo), isTarget: targetsOn(geo, servedFrom), isPastTarget };
  shapes.set(geo, s);
  return s;
}

/**
 * For each target of P, the first date from which P serves it: a read on an earlier date gives
 * the same answer for t when every unit's awards land in t's subtree with the same weight as on
 * P's date (its column of M is the same), as for an old province untouched by a change made
 * elsewhere (the demo's Huế in January 2025 before the national July). `eras`: P's date and the
 * change dates before it, newest first; a unit exists the same on every day of an era.
 */
function firstPastDates(geo: Geography, eras: string[], isTarget: (u: GeoUnit) => boolean) {
  const out = new Map<number, string>();
  const starts = eras.at(-1) === FIRST_DAY ? eras : [...eras, FIRST_DAY];
  const reference = landingOn(geo, starts[0]!, isTarget);
  let open = [...geo.units.values()].filter(isTarget).map((u) => u.id);
  for (const start of starts.slice(1)) {
    const landing = landingOn(geo, start, isTarget);
    const differs = walksThroughChange(geo, starts[0]!, start);
    const changed = new Set<number>();
    for (const u of geo.units.keys()) {
      if (!differs(u)) continue;
      const [a, b] = [reference(u), landing(u)];
      for (const t of new Set([...a.keys(), ...b.keys()]))
        if (Math.abs((a.get(t) ?? 0) - (b.get(t) ?? 0)) > 1e-12) changed.add(t);
    }
    open = open.filter((t) => !changed.has(t));
    for (const t of open) out.set(t, start);
    if (!open.length) break;
  }
  return out;
}

/**
 * Whether mapUnitOn's walk from a unit may differ between two dates: it does only if it meets a
 * unit that exists, has ended or has not begun on one date and not the same on the other (through
 * units in the same state the walk follows the same lineage edges, lineageOn). A cheap test that
 * spares computing both landings of the units no change reaches (at national scale all but a
 * few): the first past read of an isolate pays for those few only.
 */
function walksThroughChange(geo: Geography, a: string, b: string) {
  const stateOn = (u: GeoUnit, date: string) => (existsOn(u, date) ? 'exists' : lineageOn(geo, u, date).ended);
  const memo = new Map<number, boolean>();
  const walk = (id: number): boolean => {
    const done = memo.get(id);
    if (done !== undefined) return done;
    memo.set(id, true); // a lineage cycle counts as a change: both landings are then compared
    const u = geo.units.get(id)!;
    const state = stateOn(u, a);
    const result =
      state !== stateOn(u, b) || (state !== 'exists' && lineageOn(geo, u, a).edges.some((e) => walk(e.unitId)));
    memo.set(id, result);
    return result;
  };
  return walk;
}

export interface KernelEntry {
  unitId: number;
  targetId: number;
  weight: number;
}

/** Where awards recorded directly at a unit land on `date`, on the targets only: M(u, .). */
function landingOn(geo: Geography, date: string, isTarget: (u: GeoUnit) => boolean) {
  const lineageMemo = new Map<number, Map<number, number>>();
  const memo = new Map<number, Map<number, number>>();
  return (id: number): Map<number, number> => {
    let m = memo.get(id);
    if (m) return m;
    m = new Map();
    for (const [x, w] of mapUnitOn(geo, id, date, lineageMemo))
      for (const t of [x, ...ancestorsOf(geo, x)]) if (isTarget(geo.units.get(t)!)) m.set(t, (m.get(t) ?? 0) + w);
    memo.set(id, m);
    return m;
  };
}

/** F(u, .) - F(parent(u), .) for every unit, the entries over 1e-12, under `target(t)`. */
function differences(geo: Geography, f: (id: number) => Map<number, number>, target: (t: number) => number) {
  const out: KernelEntry[] = [];
  for (const u of geo.units.values()) {
    const k = new Map(f(u.id));
    if (u.parentId !== null && geo.units.has(u.parentId))
      for (const [t, w] of f(u.parentId)) k.set(t, (k.get(t) ?? 0) - w);
    for (const [t, w] of k) if (Math.abs(w) > 1e-12) out.push({ unitId: u.id, targetId: target(t), weight: w });
  }
  return out;
}

/** K(u, t) on the reference date (servedFrom), and P's kernel under -t on the past one. */
export function todayKernel(geo: Geography): KernelEntry[] {
  const shape = todayShape(geo);
  const out = differences(geo, landingOn(geo, shape.servedFrom, shape.isTarget), (t) => t);
  if (!shape.past) return out;
  const landing = landingOn(geo, shape.past.from, shape.isPastTarget);
  const isKept = (t: number) => shape.isPastTarget(geo.units.get(t)!);
  const movedMemo = new Map<number, Map<number, number>>();
  // M(u, .) - R(u, .): where u's awards land on that date less where they were recorded
  const moved = (id: number) => {
    let m = movedMemo.get(id);
    if (m) return m;
    m = new Map(landing(id));
    for (const t of [id, ...ancestorsOf(geo, id)]) if (isKept(t)) m.set(t, (m.get(t) ?? 0) - 1);
    for (const [t, w] of m) if (Math.abs(w) <= 1e-12) m.delete(t);
    movedMemo.set(id, m);
    return m;
  };
  return out.concat(differences(geo, moved, (t) => -t));
}

/** What todayPlan gives: the plan's entries, and which ids are read from T and which from the cube. */
export interface TodayPlan {
  entries: PlanEntry[];
  todayIds: number[];
  cubeIds: number[];
}

/**
 * The entries of award_cube_today (and, on a past date, award_cube) a summary needs, or null when
 * they do not serve it (no as_of, a date neither T nor P serves, clusters, a restriction to where
 * awards were recorded, a unit of that date's children that are not kept, or no unit asked for
 * and none grouped by: the plan's one root key serves those).
 */
export function todayPlan(geo: Geography, o: PlanOptions): TodayPlan | null {
  if (!o.asOf || o.clusterIds || o.byCluster || o.recordedInUnitIds) return null;
  if (!o.unit && !o.byUnit) return null;
  const shape = todayShape(geo);
  const onToday = o.asOf >= shape.servedFrom;
  if (!onToday && !shape.past) return null;
  const kept = onToday ? shape.isTarget : shape.isPastTarget;
  const entry = (unitId: number, weight: number, unit: string): PlanEntry => ({
    unitId,
    weight,
    unit,
    cluster: null,
    yearFrom: o.from,
    yearTo: o.to,
  });
  let entries: PlanEntry[];
  if (!o.unit) entries = geo.roots.map((id) => entry(id, 1, geo.units.get(id)!.code));
  else if (!o.byUnit) entries = [entry(o.unit.id, 1, '*')];
  else {
    // the unit's own awards: its subtree less its children's
    const u = o.unit;
    entries = [
      entry(u.id, 1, u.code),
      ...u.children.flatMap((c) => [entry(c, -1, u.code), entry(c, 1, geo.units.get(c)!.code)]),
    ];
  }
  if (!entries.every((e) => kept(geo.units.get(e.unitId)!))) return null;
  const ids = [...new Set(entries.map((e) => e.unitId))];
  if (onToday) return { entries, todayIds: ids, cubeIds: [] };
  const past = shape.past!;
  if (o.asOf < past.from && !ids.every((id) => past.firstDate(id) <= o.asOf!)) return null;
  return {
    entries: entries.flatMap((e) => [e, { ...e, unitId: -e.unitId }]),
    todayIds: ids.map((id) => -id),
    cubeIds: ids,
  };
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
  return `${KERNEL_VERSION}-${hash53(text, 1).toString(16)}-${hash53(text, 2).toString(16)}-${text.length}`;
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
