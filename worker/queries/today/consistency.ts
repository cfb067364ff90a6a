import { sql } from 'drizzle-orm';
import { all, first, type ReadCost } from '../../db/run';
import { todayKernel, todayShape } from '../../plan/today';
import { CUBOIDS } from '../cube/dimensions';
import type { Geography } from '../geography';
import { CUBE_DIMS_OF, TODAY_DIMS } from './columns';
import { todayState } from './rebuild';

// award_cube_today against what it must be, for the consistency check: while ready, its kernel
// equal to K of the current geography (so the triggers missed no change of units or lineage), and
// every key equal to award_cube times that kernel (merged batches; a visible delta is added to
// award_cube_today when it is merged, and readers do not use the table until then).

export interface TodayConsistency {
  phase: string;
  /** Kernel entries missing, extra or of another weight than the current geography gives. */
  kernel_mismatches: number;
  /** Per cuboid: keys of award_cube_today that differ from award_cube times the kernel by over 1e-6. */
  cuboids: { id: number; mismatched_keys: number }[];
}

export async function checkToday(db: D1Database, cost: ReadCost, geo: Geography): Promise<TodayConsistency> {
  const state = await todayState(db, cost);
  const phase = state?.phase ?? 'missing';
  if (phase !== 'ready') return { phase, kernel_mismatches: 0, cuboids: [] };
  const stored = await all<{ unit_id: number; target_id: number; weight: number }>(
    db,
    cost,
    sql`SELECT unit_id, target_id, weight FROM today_kernel`,
  );
  const want = new Map(todayKernel(geo).map((e) => [`${e.unitId}>${e.targetId}`, e.weight]));
  let kernelMismatches = state!.geo_hash === todayShape(geo).hash ? 0 : 1;
  for (const r of stored) {
    const w = want.get(`${r.unit_id}>${r.target_id}`);
    if (w === undefined || Math.abs(w - r.weight) > 1e-9) kernelMismatches++;
    want.delete(`${r.unit_id}>${r.target_id}`);
  }
  kernelMismatches += want.size;
  const keys = sql.raw(`unit_id, year, ${TODAY_DIMS}`);
  const cuboids: TodayConsistency['cuboids'] = [];
  for (const c of CUBOIDS) {
    const id = sql.raw(String(c.id));
    const row = await first<{ n: number }>(
      db,
      cost,
      sql`SELECT COUNT(*) AS n FROM (
  SELECT SUM(n) AS d FROM (
    SELECT ${keys}, n FROM award_cube_today WHERE cuboid = ${id}
    UNION ALL
    SELECT k.target_id, c.year, ${CUBE_DIMS_OF('c')}, -c.n * k.weight
    FROM award_cube c JOIN today_kernel k ON k.unit_id = c.unit_id WHERE c.cuboid = ${id}
  ) GROUP BY ${keys} HAVING abs(d) > 1e-6
)`,
    );
    cuboids.push({ id: c.id, mismatched_keys: row?.n ?? 0 });
  }
  return { phase, kernel_mismatches: kernelMismatches, cuboids };
}
