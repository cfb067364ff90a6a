import { sql } from 'drizzle-orm';
import { all, type ReadCost } from '../db/run';
import type { ResultRow } from '../validation/responses';
import type { Geography } from './geography';
import { requireCluster, unitInScope, type ReadScope } from '../plan/scope';

export type { ResultRow };

/**
 * Year-end scores and ranks of a cluster's members, ordered by year then rank. A unit scope sees
 * the cluster only if one of its units is a member, and then only its own units' rows.
 */
export async function movementResults(
  d1: D1Database,
  cost: ReadCost,
  geo: Geography,
  scope: ReadScope,
  clusterId: number,
  from = 0,
  to = 9999,
): Promise<ResultRow[]> {
  requireCluster(geo, scope, clusterId);
  // one year more, so the first year shown still has a rank change
  const rows = await all<Omit<ResultRow, 'rank_change'>>(
    d1,
    cost,
    sql`SELECT r.year AS year, u.code AS unit, r.score AS score, r.rank AS rank, r.proposed_award_code AS proposed_award
        FROM movement_results r JOIN units u ON u.id = r.unit_id
        WHERE r.cluster_id = ${clusterId} AND r.year BETWEEN ${from - 1} AND ${to}
        ORDER BY r.year, r.rank`,
  );
  const rankOf = new Map(rows.map((r) => [`${r.year}:${r.unit}`, r.rank]));
  return rows
    .filter((r) => r.year >= from && unitInScope(geo, scope, geo.unitByCode.get(r.unit)!.id))
    .map((r) => {
      const before = rankOf.get(`${r.year - 1}:${r.unit}`);
      return { ...r, rank_change: before === undefined ? null : before - r.rank };
    });
}
