import { sql } from 'drizzle-orm';
import { all, type ReadCost } from '../../db/run';
import type { Annotation } from '../../validation/annotations';

export type AnnotationRow = Annotation & { unit_id: number | null };

export const ANNOTATION_SELECT = sql`SELECT a.id, a.year, a.date, a.text_vi, a.text_en, a.unit_id,
  u.code AS unit_code, u.name AS unit_name, a.created_by, a.created_at
  FROM annotations a LEFT JOIN units u ON u.id = a.unit_id`;

export interface AnnotationFilter {
  /** Only notes for everywhere (null) or for one of these units; undefined: every note. */
  units?: (number | null)[];
  from?: number;
  to?: number;
}

export function listAnnotations(db: D1Database, cost: ReadCost, f: AnnotationFilter) {
  const ids = f.units?.filter((u) => u !== null);
  const unitCondition =
    f.units === undefined
      ? sql``
      : sql`AND (${f.units.includes(null) ? sql`a.unit_id IS NULL OR` : sql``}
          a.unit_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})))`;
  return all<AnnotationRow>(
    db,
    cost,
    sql`${ANNOTATION_SELECT} WHERE 1 = 1 ${unitCondition}
      ${f.from === undefined ? sql`` : sql`AND a.year >= ${f.from}`}
      ${f.to === undefined ? sql`` : sql`AND a.year <= ${f.to}`}
      ORDER BY a.year, COALESCE(a.date, a.year || '-00-00'), a.id`,
  );
}

export const findAnnotation = async (db: D1Database, cost: ReadCost, id: number) =>
  (await all<AnnotationRow>(db, cost, sql`${ANNOTATION_SELECT} WHERE a.id = ${id}`))[0] ?? null;
