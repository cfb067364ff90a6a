import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../../db/run';

/** Whether the target was there to remove; its audit line is in the same batch, only if it was. */
export async function removeTarget(db: D1Database, cost: ReadCost, id: number, actor: string, at: string) {
  const [, deleted] = await batch(db, cost, [
    sql`INSERT INTO audit_log (at, actor, action, target, detail)
        SELECT ${at}, ${actor}, 'target_delete', t.indicator || ' ' || t.year || ' ' || u.code,
          json_object('indicator', t.indicator, 'year', t.year, 'unit_code', u.code, 'value', t.value,
            'comparison', t.comparison)
        FROM targets t JOIN units u ON u.id = t.unit_id WHERE t.id = ${id}`,
    sql`DELETE FROM targets WHERE id = ${id}`,
  ]);
  return (deleted.meta.changes ?? 0) > 0;
}
