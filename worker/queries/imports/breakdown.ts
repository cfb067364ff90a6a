import { sql } from 'drizzle-orm';
import { all, first, type ReadCost } from '../../db/run';
import { awards, awardTypes, units } from '../../db/schema';

// What one awards batch brought in, by unit and award type (the quantities of its own rows,
// counted or not), so the analyst sees at once that the list went where it should.

export const MAX_BREAKDOWN_ROWS = 500;

export interface BreakdownRow {
  unit: string;
  unit_name: string;
  award: string;
  award_name: string;
  count: number;
}

export async function batchBreakdown(
  db: D1Database,
  cost: ReadCost,
  batchId: number,
): Promise<{ rows: BreakdownRow[]; truncated: boolean } | null> {
  const batch = await first<{ id: number }>(db, cost, sql`SELECT id FROM import_batches WHERE id = ${batchId}`);
  if (!batch) return null;
  const rows = await all<BreakdownRow>(
    db,
    cost,
    sql`SELECT ${units.code} AS unit, ${units.name} AS unit_name, ${awards.awardCode} AS award,
  ${awardTypes.nameVi} AS award_name, SUM(${awards.quantity}) AS count
FROM ${awards} JOIN ${units} ON ${units.id} = ${awards.unitId}
  JOIN ${awardTypes} ON ${awardTypes.code} = ${awards.awardCode}
WHERE ${awards.batchId} = ${batchId}
GROUP BY ${units.code}, ${awards.awardCode} ORDER BY count DESC, unit, award LIMIT ${MAX_BREAKDOWN_ROWS + 1}`,
  );
  return { rows: rows.slice(0, MAX_BREAKDOWN_ROWS), truncated: rows.length > MAX_BREAKDOWN_ROWS };
}
