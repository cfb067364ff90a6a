import { ancestorsOf, type Geography, type GeoUnit } from '../queries/geography';
import { ROOT_UNIT_ID } from '../queries/cube/root';
import { mapUnitOn } from './asOf';

// Which award_cube rows a summary needs, and with what weight each counts under which label.
// The cube holds subtree totals per unit, so the plan reads the largest subtrees whose every
// unit lands on the same label (one key lookup each), and only where a subtree is mixed does it
// go down a level, taking a unit's own awards as its subtree minus its children's subtrees.
// This one mechanism serves `unit` (subtree and children), `cluster` (membership year by year)
// and `as_of` (lineage with shares); it is also where a caller's unit scope is applied.
// Above the top-level units is the virtual root (ROOT_UNIT_ID): when they all land on the same
// label, as for a read that names no unit and does not group by it, the plan is its one key.

export interface PlanOptions {
  unit?: GeoUnit;
  byUnit: boolean;
  /** Restrict to members of these clusters (each with its subtree), year by year. */
  clusterIds?: number[];
  byCluster: boolean;
  asOf?: string;
  from: number;
  to: number;
  /**
   * Only awards recorded inside these units' subtrees are counted, whatever else the request
   * asks: the caller's unit scope, or an old unit asked for under as_of. Every read path plans here.
   */
  recordedInUnitIds?: number[];
}

export interface PlanEntry {
  unitId: number;
  weight: number;
  /** Label under `group_by=unit` ('*' when not grouping by unit). */
  unit: string;
  /** Label under `group_by=cluster`, else null. */
  cluster: string | null;
  yearFrom: number;
  yearTo: number;
}

interface Region {
  root: number;
  yearFrom: number;
  yearTo: number;
  cluster: string | null;
}

/** Year ranges in [from, to] where `yearIn` holds, as contiguous spans. */
function spans(from: number, to: number, yearIn: (y: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let y = from; y <= to; y++) {
    if (!yearIn(y)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === y - 1) last[1] = y;
    else out.push([y, y]);
  }
  return out;
}

function regions(geo: Geography, o: PlanOptions): Region[] {
  if (!o.clusterIds && !o.byCluster) return [{ root: ROOT_UNIT_ID, yearFrom: o.from, yearTo: o.to, cluster: null }];
  const wanted = o.clusterIds ? new Set(o.clusterIds) : null;
  const members = geo.members.filter((m) => !wanted || wanted.has(m.clusterId));
  const out: Region[] = [];
  for (const m of members) {
    const from = Math.max(m.yearFrom, o.from);
    const to = Math.min(m.yearTo ?? o.to, o.to);
    if (from > to) continue;
    const up = new Set(ancestorsOf(geo, m.unitId));
    // a unit whose ancestor is a member that year is already counted through the ancestor
    const covered = (y: number) =>
      members.some(
        (a) => a.clusterId === m.clusterId && up.has(a.unitId) && a.yearFrom <= y && (a.yearTo ?? Infinity) >= y,
      );
    const label = o.byCluster ? geo.clusterCode.get(m.clusterId)! : null;
    for (const [yearFrom, yearTo] of spans(from, to, (y) => !covered(y)))
      out.push({ root: m.unitId, yearFrom, yearTo, cluster: label });
  }
  return out;
}

// A plan depends only on the unit tree of a data version and the request's options, and
// working it out walks every unit (14,500 at national scale) even when it comes to one key: so
// an isolate keeps the last few hundred per geography (a new data version is a new geography).
const PLANS_KEPT = 256;
const plans = new WeakMap<Geography, Map<string, PlanEntry[]>>();

/** buildPlan, remembered per geography and options. */
export function planFor(geo: Geography, o: PlanOptions): PlanEntry[] {
  let kept = plans.get(geo);
  if (!kept) {
    kept = new Map();
    plans.set(geo, kept);
  }
  const key = JSON.stringify({ ...o, unit: o.unit?.id });
  const hit = kept.get(key);
  if (hit) return hit;
  const plan = buildPlan(geo, o);
  if (kept.size >= PLANS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, plan);
  return plan;
}

export function buildPlan(geo: Geography, o: PlanOptions): PlanEntry[] {
  const lineageMemo = new Map<number, Map<number, number>>();
  const mapped = (id: number) => (o.asOf ? mapUnitOn(geo, id, o.asOf, lineageMemo) : new Map([[id, 1]]));

  // The label a unit (as it stands after as_of mapping) is counted under, or null if outside.
  const labelMemo = new Map<number, string | null>();
  const recordedIn = o.recordedInUnitIds ? new Set(o.recordedInUnitIds) : null;
  const labelOf = (id: number): string | null => {
    if (labelMemo.has(id)) return labelMemo.get(id)!;
    const chain = [id, ...ancestorsOf(geo, id)];
    let label: string | null;
    if (o.unit) {
      const at = chain.indexOf(o.unit.id);
      label = at < 0 ? null : !o.byUnit ? '*' : at === 0 ? o.unit.code : geo.units.get(chain[at - 1])!.code;
    } else {
      label = o.byUnit ? geo.units.get(chain[chain.length - 1])!.code : '*';
    }
    labelMemo.set(id, label);
    return label;
  };

  const sigMemo = new Map<number, Map<string, number>>();
  const signature = (id: number) => {
    let sig = sigMemo.get(id);
    if (!sig) {
      sig = new Map();
      // what counts is where an award was recorded: as_of may move it onto units outside that,
      // but never brings in awards recorded elsewhere
      if (recordedIn && ![id, ...ancestorsOf(geo, id)].some((u) => recordedIn.has(u))) {
        sigMemo.set(id, sig);
        return sig;
      }
      for (const [target, w] of mapped(id)) {
        const label = labelOf(target);
        if (label !== null) sig.set(label, (sig.get(label) ?? 0) + w);
      }
      sigMemo.set(id, sig);
    }
    return sig;
  };
  const keyOf = (sig: Map<string, number>) =>
    [...sig]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([l, w]) => `${l}=${w}`)
      .join(';');
  const childrenOf = (id: number) => (id === ROOT_UNIT_ID ? geo.roots : geo.units.get(id)!.children);
  // nothing is recorded at the root: it lands where its children do when they all agree
  const rootSignature = () => (geo.roots.length ? signature(geo.roots[0]) : new Map<string, number>());
  const uniformMemo = new Map<number, string | null>();
  const uniform = (id: number): string | null => {
    if (uniformMemo.has(id)) return uniformMemo.get(id)!;
    const key = keyOf(id === ROOT_UNIT_ID ? rootSignature() : signature(id));
    const same = childrenOf(id).every((c) => uniform(c) === key);
    uniformMemo.set(id, same ? key : null);
    return same ? key : null;
  };

  const entries = new Map<string, PlanEntry>();
  const add = (unitId: number, weight: number, unit: string, r: Region) => {
    const k = `${unitId}|${unit}|${r.cluster}|${r.yearFrom}|${r.yearTo}`;
    const e = entries.get(k);
    if (e) e.weight += weight;
    else entries.set(k, { unitId, weight, unit, cluster: r.cluster, yearFrom: r.yearFrom, yearTo: r.yearTo });
  };
  const visit = (id: number, r: Region) => {
    if (id === ROOT_UNIT_ID) {
      if (uniform(id) !== null) for (const [label, w] of rootSignature()) add(id, w, label, r);
      else for (const c of geo.roots) visit(c, r);
      return;
    }
    const sig = signature(id);
    if (uniform(id) !== null) {
      for (const [label, w] of sig) add(id, w, label, r);
      return;
    }
    const children = geo.units.get(id)!.children;
    for (const [label, w] of sig) {
      add(id, w, label, r);
      for (const c of children) add(c, -w, label, r);
    }
    for (const c of children) visit(c, r);
  };
  for (const r of regions(geo, o)) visit(r.root, r);
  return [...entries.values()].filter((e) => Math.abs(e.weight) > 1e-12);
}
