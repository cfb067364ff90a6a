import { DIMENSION_REGISTRY, LIST_FILTERS, type CatalogDimension } from '../domain/dimensions';
import type { SummaryParams } from '../queries/awardsSummary';
import type { Geography } from '../queries/geography';
import { monthRange, type SummaryQuery } from '../validation/summaryQuery';
import { unknownCode } from '../validation/params';
import { requireCluster, requireUnit, type ReadScope } from './scope';
import { existsOn, landingUnitOn } from './asOf';

function resolve<T>(parameter: string, codes: string[], lookup: (code: string) => T | undefined): T[] {
  const missing = codes.filter((c) => lookup(c) === undefined);
  if (missing.length) throw unknownCode(parameter, missing);
  return codes.map((c) => lookup(c)!);
}

/** A list filter's codes as the cube stores them: award codes as they are, movements as ids. */
const CATALOG_FILTERS: Record<
  Extract<CatalogDimension['catalog'], 'award' | 'movement'>,
  (geo: Geography, code: string) => string | number | undefined
> = {
  award: (geo, c) => (geo.awardCodes.has(c) ? c : undefined),
  movement: (geo, c) => geo.movementByCode.get(c),
};

/**
 * Turns validated query parameters into query inputs, checking that every code exists and that
 * the unit and cluster asked for are inside the caller's scope (403 rather than an empty answer).
 */
export function resolveSummaryParams(geo: Geography, q: SummaryQuery, scope: ReadScope): SummaryParams {
  const filters: SummaryParams['filters'] = {};
  for (const dim of LIST_FILTERS) {
    const values = q[dim];
    if (!values) continue;
    const d = DIMENSION_REGISTRY[dim];
    if (d.kind === 'catalog') filters[dim] = resolve(dim, values, (c) => CATALOG_FILTERS[d.catalog](geo, c));
    else filters[dim] = 'numeric' in d && d.numeric ? values.map(Number) : values;
  }
  let unit = q.unit ? resolve('unit', [q.unit], (c) => geo.unitByCode.get(c))[0] : undefined;
  const clusterIds = q.cluster ? resolve('cluster', [q.cluster], (c) => geo.clusterByCode.get(c)?.id) : undefined;
  if (unit) requireUnit(geo, scope, unit.id);
  for (const id of clusterIds ?? []) requireCluster(geo, scope, id);
  // a unit-scoped user's view starts at their unit (its children under group_by=unit), except
  // under as_of, where their awards are shown on today's units, which may lie outside it
  if (!unit && !q.as_of && scope.kind === 'unit' && scope.unitId !== null) unit = geo.units.get(scope.unitId);
  // A unit that no longer existed (or did not exist yet) on the as_of date: its own awards, shown
  // on the units of that date where they land (a district abolished in 2025 becomes its new
  // communes), instead of the empty subtree it has on that date.
  let recordedIn: number | undefined;
  if (unit && q.as_of && !existsOn(unit, q.as_of)) {
    recordedIn = unit.id;
    unit = landingUnitOn(geo, unit.id, q.as_of);
  }
  return {
    groupBy: q.group_by ?? [],
    from: q.from,
    to: q.to,
    unit,
    clusterIds,
    asOf: q.as_of,
    filters,
    scope,
    recordedIn,
    months: q.months ? { first: monthRange(q.months)[0], last: monthRange(q.months)[1] } : undefined,
  };
}
