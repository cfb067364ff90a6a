import { ancestorsOf, type Geography, type GeoUnit } from '../queries/geography';

export function existsOn(u: GeoUnit, date: string): boolean {
  return (!u.validFrom || u.validFrom <= date) && (!u.validTo || u.validTo >= date);
}

/**
 * The lineage edges mapUnitOn follows from a unit that does not exist on `date`: to its
 * successors once it has ended, to its predecessors before it begins.
 */
export function lineageOn(geo: Geography, unit: GeoUnit, date: string) {
  const ended = unit.validTo !== null && unit.validTo < date;
  return { ended, edges: (ended ? geo.successors.get(unit.id) : geo.predecessors.get(unit.id)) ?? [] };
}

/**
 * Where a recorded unit's counts go on `date` (contract, `as_of`): a unit that had ended goes
 * forward to its successors by share; one that did not yet exist goes back to its predecessors
 * in proportion to the shares they gave it; repeated until every part lands on a unit that
 * existed on that date. A unit with no lineage to follow stays where it was recorded.
 */
export function mapUnitOn(
  geo: Geography,
  unitId: number,
  date: string,
  memo = new Map<number, Map<number, number>>(),
): Map<number, number> {
  const done = memo.get(unitId);
  if (done) return done;
  memo.set(unitId, new Map([[unitId, 1]])); // a lineage cycle ends here instead of looping
  const unit = geo.units.get(unitId)!;
  let result = new Map([[unitId, 1]]);
  if (!existsOn(unit, date)) {
    const { ended, edges } = lineageOn(geo, unit, date);
    const total = ended ? 1 : edges.reduce((s, e) => s + e.share, 0);
    if (edges.length && total > 0) {
      result = new Map();
      for (const e of edges) {
        for (const [target, w] of mapUnitOn(geo, e.unitId, date, memo)) {
          result.set(target, (result.get(target) ?? 0) + (e.share / total) * w);
        }
      }
    }
  }
  memo.set(unitId, result);
  return result;
}

/**
 * The unit of `date` under which everything recorded in `unitId`'s subtree lands (the lowest
 * unit holding all of it), or undefined when it lands under more than one root. A unit that no
 * longer existed on `date` is shown through this one: its area as that date's units.
 */
export function landingUnitOn(geo: Geography, unitId: number, date: string): GeoUnit | undefined {
  const memo = new Map<number, Map<number, number>>();
  const targets = new Set<number>();
  const walk = (id: number) => {
    for (const t of mapUnitOn(geo, id, date, memo).keys()) targets.add(t);
    for (const c of geo.units.get(id)!.children) walk(c);
  };
  walk(unitId);
  let common: number[] | null = null;
  for (const t of targets) {
    const chain = [t, ...ancestorsOf(geo, t)];
    common = common === null ? chain : common.filter((u) => chain.includes(u));
  }
  return common?.length ? geo.units.get(common[0]!) : undefined;
}
