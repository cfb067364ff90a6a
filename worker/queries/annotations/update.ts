import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../../db/run';
import type { NewAnnotation } from './add';

export type AnnotationChange = Omit<NewAnnotation, 'createdBy' | 'createdAt'> & { actor: string; at: string };

/**
 * 'done', 'gone' (no such note) or 'taken' (another note already says the same); the change and
 * its audit line (with the text before) are one transaction, and nothing is written otherwise.
 */
export async function updateAnnotation(
  db: D1Database,
  cost: ReadCost,
  id: number,
  a: AnnotationChange,
): Promise<'done' | 'gone' | 'taken'> {
  const taken = sql`EXISTS (SELECT 1 FROM annotations WHERE id != ${id} AND year = ${a.year} AND date IS ${a.date}
    AND unit_id IS ${a.unitId} AND text_vi = ${a.textVi})`;
  const [, updated, clash] = await batch(db, cost, [
    sql`INSERT INTO audit_log (at, actor, action, target, detail)
        SELECT ${a.at}, ${a.actor}, 'annotation_update', ${a.textVi},
          json_object('id', o.id, 'year', ${a.year}, 'date', ${a.date}, 'unit_code', ${a.unitCode},
            'text_en', ${a.textEn}, 'before', json_object('year', o.year, 'date', o.date, 'text_vi', o.text_vi,
              'text_en', o.text_en, 'unit_code', u.code))
        FROM annotations o LEFT JOIN units u ON u.id = o.unit_id WHERE o.id = ${id} AND NOT ${taken}`,
    sql`UPDATE annotations SET year = ${a.year}, date = ${a.date}, text_vi = ${a.textVi}, text_en = ${a.textEn},
        unit_id = ${a.unitId} WHERE id = ${id} AND NOT ${taken}`,
    sql`SELECT ${taken} AS taken`,
  ]);
  if ((updated.meta.changes ?? 0) > 0) return 'done';
  return (clash.results[0] as { taken: number }).taken ? 'taken' : 'gone';
}
