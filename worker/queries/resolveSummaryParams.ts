import type { CubeDimension } from './cube/dimensions';
import type { SummaryParams } from './awardsSummary';
import type { Geography } from './geography';
import type { SummaryQuery } from '../validation/summaryQuery';
import { BadParameter } from '../validation/params';

function resolve<T>(parameter: string, codes: string[], lookup: (code: string) => T | undefined): T[] {
  const missing = codes.filter((c) => lookup(c) === undefined);
  if (missing.length) throw new BadParameter(parameter, `unknown code ${missing.map((m) => `'${m}'`).join(', ')}`);
  return codes.map((c) => lookup(c)!);
}

/** Turns validated query parameters into query inputs, checking that every code exists. */
export function resolveSummaryParams(geo: Geography, q: SummaryQuery): SummaryParams {
  const filters: SummaryParams['filters'] = {};
  for (const dim of ['tier', 'category', 'kind', 'gender', 'class', 'method'] as const satisfies CubeDimension[]) {
    const v = q[dim];
    if (v) filters[dim] = v;
  }
  if (q.ethnic) filters.ethnic = q.ethnic.map(Number);
  if (q.award) filters.award = resolve('award', q.award, (c) => (geo.awardCodes.has(c) ? c : undefined));
  if (q.movement) filters.movement = resolve('movement', q.movement, (c) => geo.movementByCode.get(c));
  const unit = q.unit ? resolve('unit', [q.unit], (c) => geo.unitByCode.get(c))[0] : undefined;
  const clusterIds = q.cluster ? resolve('cluster', [q.cluster], (c) => geo.clusterByCode.get(c)?.id) : undefined;
  return { groupBy: q.group_by ?? [], from: q.from, to: q.to, unit, clusterIds, asOf: q.as_of, filters };
}
