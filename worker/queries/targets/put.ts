import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../../db/run';
import type { ResolvedTarget } from '../../targets/resolve';
import type { TargetRow } from './list';

export type SavedTarget = Omit<TargetRow, 'unit_code' | 'unit_name'>;

// Setting targets replaces what was there (one per indicator, year and unit). The audit lines,
// each with the value before and after, are written first in the same D1 batch (one
// transaction): a line always describes a change that happened, and two PUTs of one target run
// one after the other, the second line's "before" being the first one's "after".

/** The rows as one JSON parameter: one bound value whatever their number (D1: 100 per statement). */
const asJson = (ts: ResolvedTarget[]) =>
  JSON.stringify(ts.map((t) => [t.indicator, t.year, t.unitId, t.value, t.comparison]));

export async function putTargets(
  db: D1Database,
  cost: ReadCost,
  ts: ResolvedTarget[],
  actor: string,
  at: string,
): Promise<SavedTarget[]> {
  const rows = asJson(ts);
  const input = sql`SELECT value->>0 AS indicator, value->>1 AS year, value->>2 AS unit_id, value->>3 AS value,
    value->>4 AS comparison FROM json_each(${rows})`;
  const [, saved] = await batch(db, cost, [
    sql`INSERT INTO audit_log (at, actor, action, target, detail)
        SELECT ${at}, ${actor}, 'target_set', n.indicator || ' ' || n.year || ' ' || u.code,
          json_object('indicator', n.indicator, 'year', n.year, 'unit_code', u.code, 'value', n.value,
            'comparison', n.comparison, 'before', CASE WHEN o.id IS NULL THEN NULL
              ELSE json_object('value', o.value, 'comparison', o.comparison) END)
        FROM (${input}) n JOIN units u ON u.id = n.unit_id
        LEFT JOIN targets o ON o.indicator = n.indicator AND o.year = n.year AND o.unit_id = n.unit_id`,
    sql`INSERT INTO targets (indicator, year, unit_id, value, comparison, updated_by, updated_at)
        SELECT indicator, year, unit_id, value, comparison, ${actor}, ${at} FROM (${input}) WHERE true
        ON CONFLICT (indicator, year, unit_id) DO UPDATE SET value = excluded.value,
          comparison = excluded.comparison, updated_by = excluded.updated_by, updated_at = excluded.updated_at
        RETURNING id, indicator, year, unit_id, value, comparison, updated_by, updated_at`,
  ]);
  // what this request wrote, from its own transaction (a concurrent PUT may have replaced it since)
  return saved.results as SavedTarget[];
}
