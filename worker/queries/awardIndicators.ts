import type { ReadCost } from '../db/run';
import { awardsSummary, type SummaryParams } from './awardsSummary';
import type { Geography } from './geography';
import type { IndicatorRow } from '../validation/responses';

export type { IndicatorRow };

const LEADERS = new Set(['LD_BO_TINH', 'LD_VU_SO', 'LD_KHAC']);
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1e6) / 1e6 : null);

/**
 * What leadership asks before a conference, per year: the total and its change, and who the
 * individual awards reached (direct laborers against leaders, women, ethnic minorities).
 */
export async function awardIndicators(
  d1: D1Database,
  cost: ReadCost,
  geo: Geography,
  p: Omit<SummaryParams, 'groupBy'>,
): Promise<IndicatorRow[]> {
  const { rows } = await awardsSummary(d1, cost, geo, {
    ...p,
    from: p.from === undefined ? undefined : p.from - 1,
    groupBy: ['year', 'kind', 'class', 'gender', 'ethnic'],
  });
  const years = new Map<number, IndicatorRow>();
  for (const r of rows) {
    const year = r.year as number;
    const y =
      years.get(year) ??
      ({
        year,
        total: 0,
        change: null,
        individual: 0,
        direct: 0,
        leaders: 0,
        women: 0,
        ethnic_minority: 0,
      } as IndicatorRow);
    y.total += r.count;
    if (r.kind === 'individual') {
      y.individual += r.count;
      if (r.class === 'TRUC_TIEP') y.direct += r.count;
      if (LEADERS.has(String(r.class))) y.leaders += r.count;
      if (r.gender === 'F') y.women += r.count;
      if (r.ethnic === 1) y.ethnic_minority += r.count;
    }
    years.set(year, y);
  }
  return [...years.values()]
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      const before = years.get(y.year - 1);
      return {
        ...y,
        change: before?.total ? Math.round(((y.total - before.total) / before.total) * 1e6) / 1e6 : null,
        direct_share: share(y.direct, y.individual),
        leader_share: share(y.leaders, y.individual),
        women_share: share(y.women, y.individual),
        ethnic_minority_share: share(y.ethnic_minority, y.individual),
      };
    })
    .filter((y) => p.from === undefined || y.year >= p.from);
}
