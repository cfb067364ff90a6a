import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../../db/run';

/** Whether the note was there to remove; its audit line is in the same batch, only if it was. */
export async function removeAnnotation(db: D1Database, cost: ReadCost, id: number, actor: string, at: string) {
  const [, deleted] = await batch(db, cost, [
    sql`INSERT INTO audit_log (at, actor, action, target, detail)
        SELECT ${at}, ${actor}, 'annotation_delete', a.text_vi,
          json_object('id', a.id, 'year', a.year, 'date', a.date, 'unit_code', u.code, 'text_en', a.text_en)
        FROM annotations a LEFT JOIN units u ON u.id = a.unit_id WHERE a.id = ${id}`,
    sql`DELETE FROM annotations WHERE id = ${id}`,
  ]);
  return (deleted.meta.changes ?? 0) > 0;
}
