import { sql } from 'drizzle-orm';
import { all, type ReadCost } from '../db/run';
import { clusterInScope, unitInScope, type ReadScope } from '../plan/scope';
import type { LeaderRow } from '../validation/leaders';
import type { Geography } from './geography';

/**
 * The members ranked first in each cluster in one year, ordered by cluster code. A scope sees
 * its clusters only, and (like the cluster results) a unit scope only its own units' rows.
 */
export async function clusterLeaders(
  d1: D1Database,
  cost: ReadCost,
  geo: Geography,
  scope: ReadScope,
  year: number,
  level?: 'central' | 'province' | 'district',
): Promise<LeaderRow[]> {
  const rows = await all<LeaderRow & { cluster_id: number; unit_id: number }>(
    d1,
    cost,
    sql`SELECT c.id AS cluster_id, c.code AS cluster, u.id AS unit_id, u.code AS unit, r.score AS score,
          r.rank AS rank, r.proposed_award_code AS proposed_award
        FROM movement_results r JOIN units u ON u.id = r.unit_id JOIN clusters c ON c.id = r.cluster_id
        WHERE r.year = ${year} AND r.rank = 1 AND (${level ?? null} IS NULL OR c.level = ${level ?? null})
        ORDER BY c.code, u.code`,
  );
  return rows
    .filter((r) => clusterInScope(geo, scope, r.cluster_id) && unitInScope(geo, scope, r.unit_id))
    .map(({ cluster_id: _c, unit_id: _u, ...r }) => r);
}
