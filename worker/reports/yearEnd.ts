import type { ReadCost } from '../db/run';
import { AWARD_TIERS, type AwardTier, type RecipientKind } from '../domain/enums';
import { awardIndicators } from '../queries/awardIndicators';
import { awardsSummary } from '../queries/awardsSummary';
import type { Geography, GeoUnit } from '../queries/geography';
import { movementResults } from '../queries/movementResults';
import { resolveSummaryParams } from '../plan/resolveSummaryParams';
import { clusterInScope, type ReadScope } from '../plan/scope';
import type { SummaryQuery } from '../validation/summaryQuery';

// The statistics of a year-end report on emulation and commendation (báo cáo tổng kết): this
// year against last year, from the same summary path as every view (so the report's totals are
// the API's), for the unit with its subtree.

type Kinds = Record<RecipientKind, number>;
const zero = (): Kinds => ({ collective: 0, individual: 0, household: 0 });
const sum = (k: Kinds) => k.collective + k.individual + k.household;

export interface YearEndStats {
  unit: string;
  unit_name: string;
  year: number;
  as_of: string | null;
  /** Sums of quantity this year and last year, and the change (fraction) or null without last year. */
  totals: { current: number; previous: number; change: number | null; current_kinds: Kinds; previous_kinds: Kinds };
  by_tier: { tier: AwardTier; current: Kinds; previous: Kinds }[];
  /** Award forms and titles given in either year, by tier then most given this year. */
  by_award: { award: string; name: string; tier: AwardTier; current: Kinds; previous: number }[];
  /** Individual awards: to direct laborers, to leaders, to non-leaders, to women. */
  people: { year: number; individual: number; direct: number; leaders: number; non_leaders: number; women: number }[];
  ad_hoc: { current: Kinds; previous: Kinds };
  clusters: {
    cluster: string;
    cluster_name: string;
    unit: string;
    unit_name: string;
    score: number | null;
    rank: number;
    proposed_award: string | null;
    proposed_award_name: string | null;
  }[];
}

const TIER_ORDER = new Map(AWARD_TIERS.map((t, i) => [t, i]));

export async function yearEndStats(
  d1: D1Database,
  cost: ReadCost,
  geo: Geography,
  unit: GeoUnit,
  year: number,
  asOf: string | undefined,
  scope: ReadScope,
): Promise<YearEndStats> {
  const base = resolveSummaryParams(
    geo,
    { unit: unit.code, from: year - 1, to: year, as_of: asOf } as SummaryQuery,
    scope,
  );
  const [byAward, adHoc, indicators, clusters] = await Promise.all([
    awardsSummary(d1, cost, geo, { ...base, groupBy: ['year', 'tier', 'award', 'kind'] }),
    awardsSummary(d1, cost, geo, { ...base, filters: { method: ['DOT_XUAT'] }, groupBy: ['year', 'kind'] }),
    awardIndicators(d1, cost, geo, base),
    clusterResults(d1, cost, geo, unit, year, scope),
  ]);

  const totals = {
    current: 0,
    previous: 0,
    change: null as number | null,
    current_kinds: zero(),
    previous_kinds: zero(),
  };
  const tiers = new Map<AwardTier, { current: Kinds; previous: Kinds }>();
  const awards = new Map<string, YearEndStats['by_award'][number]>();
  for (const r of byAward.rows) {
    const now = r.year === year;
    const kind = r.kind as RecipientKind;
    const tier = r.tier as AwardTier;
    const t = tiers.get(tier) ?? { current: zero(), previous: zero() };
    (now ? t.current : t.previous)[kind] += r.count;
    tiers.set(tier, t);
    (now ? totals.current_kinds : totals.previous_kinds)[kind] += r.count;
    const code = String(r.award);
    const a = awards.get(code) ?? {
      award: code,
      name: geo.names.award.get(code)?.vi ?? code,
      tier,
      current: zero(),
      previous: 0,
    };
    if (now) a.current[kind] += r.count;
    else a.previous += r.count;
    awards.set(code, a);
  }
  const tidy = (x: number) => Math.round(x * 1e6) / 1e6;
  totals.current = tidy(sum(totals.current_kinds));
  totals.previous = tidy(sum(totals.previous_kinds));
  totals.change = totals.previous ? tidy((totals.current - totals.previous) / totals.previous) : null;

  const ad = { current: zero(), previous: zero() };
  for (const r of adHoc.rows) (r.year === year ? ad.current : ad.previous)[r.kind as RecipientKind] += r.count;

  return {
    unit: unit.code,
    unit_name: unit.name,
    year,
    as_of: asOf ?? null,
    totals,
    by_tier: AWARD_TIERS.filter((t) => tiers.has(t)).map((tier) => ({ tier, ...tiers.get(tier)! })),
    by_award: [...awards.values()].sort(
      (a, b) =>
        TIER_ORDER.get(a.tier)! - TIER_ORDER.get(b.tier)! ||
        sum(b.current) - sum(a.current) ||
        b.previous - a.previous ||
        a.award.localeCompare(b.award),
    ),
    people: [year - 1, year].map((y) => {
      const r = indicators.find((i) => i.year === y);
      const individual = r?.individual ?? 0;
      const leaders = r?.leaders ?? 0;
      return {
        year: y,
        individual,
        direct: r?.direct ?? 0,
        leaders,
        non_leaders: tidy(individual - leaders),
        women: r?.women ?? 0,
      };
    }),
    ad_hoc: ad,
    clusters,
  };
}

/**
 * The year's results of every cluster or block with a member that is the unit or lies inside it
 * (a province's own rank in its central cluster, its districts' and departments' ranks in its
 * clusters and blocks): those members' score, rank and proposed award.
 */
async function clusterResults(
  d1: D1Database,
  cost: ReadCost,
  geo: Geography,
  unit: GeoUnit,
  year: number,
  scope: ReadScope,
) {
  const inside = new Set<number>();
  const walk = (id: number) => {
    inside.add(id);
    for (const c of geo.units.get(id)?.children ?? []) walk(c);
  };
  walk(unit.id);
  const clusterIds = [
    ...new Set(
      geo.members
        .filter((m) => inside.has(m.unitId) && m.yearFrom <= year && (m.yearTo === null || m.yearTo >= year))
        .map((m) => m.clusterId),
    ),
  ].filter((id) => clusterInScope(geo, scope, id));
  const out: YearEndStats['clusters'] = [];
  for (const id of clusterIds) {
    const code = geo.clusterCode.get(id)!;
    const rows = await movementResults(d1, cost, geo, scope, id, year, year);
    for (const r of rows) {
      const u = geo.unitByCode.get(r.unit);
      if (!u || !inside.has(u.id)) continue;
      out.push({
        cluster: code,
        cluster_name: geo.clusterByCode.get(code)?.name ?? code,
        unit: r.unit,
        unit_name: u.name,
        score: r.score,
        rank: r.rank,
        proposed_award: r.proposed_award,
        proposed_award_name: r.proposed_award ? (geo.names.award.get(r.proposed_award)?.vi ?? r.proposed_award) : null,
      });
    }
  }
  return out.sort((a, b) => a.cluster_name.localeCompare(b.cluster_name, 'vi') || a.rank - b.rank);
}
