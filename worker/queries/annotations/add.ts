import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../../db/run';

export interface NewAnnotation {
  year: number;
  date: string | null;
  textVi: string;
  textEn: string | null;
  unitId: number | null;
  unitCode: string | null;
  createdBy: string;
  createdAt: string;
}

/**
 * The new note's id, or null when the same note (year, day, unit, Vietnamese text) is already
 * there: two clicks of "Thêm" add it once. The note and its audit line are one transaction.
 */
export async function addAnnotation(db: D1Database, cost: ReadCost, a: NewAnnotation): Promise<number | null> {
  const [inserted] = await batch(db, cost, [
    sql`INSERT INTO annotations (year, date, text_vi, text_en, unit_id, created_by, created_at)
        SELECT ${a.year}, ${a.date}, ${a.textVi}, ${a.textEn}, ${a.unitId}, ${a.createdBy}, ${a.createdAt}
        WHERE NOT EXISTS (SELECT 1 FROM annotations WHERE year = ${a.year} AND date IS ${a.date}
          AND unit_id IS ${a.unitId} AND text_vi = ${a.textVi})
        RETURNING id`,
    // changes() is the insert's: 0 when the note was there, and then no line
    sql`INSERT INTO audit_log (at, actor, action, target, detail)
        SELECT ${a.createdAt}, ${a.createdBy}, 'annotation_create', ${a.textVi},
          json_object('year', ${a.year}, 'date', ${a.date}, 'unit_code', ${a.unitCode}, 'text_en', ${a.textEn})
        WHERE changes() = 1`,
  ]);
  return (inserted.results[0] as { id: number } | undefined)?.id ?? null;
}
