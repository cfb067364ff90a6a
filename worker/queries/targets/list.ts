import { sql } from 'drizzle-orm';
import { all, type ReadCost } from '../../db/run';
import type { TargetIndicator } from '../../validation/targets';

export interface TargetRow {
  id: number;
  indicator: TargetIndicator;
  year: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  value: number;
  comparison: 'at_least' | 'at_most';
  updated_by: string;
  updated_at: string;
}

export const TARGET_SELECT = sql`SELECT t.id, t.indicator, t.year, t.unit_id, u.code AS unit_code,
  u.name AS unit_name, t.value, t.comparison, t.updated_by, t.updated_at
  FROM targets t JOIN units u ON u.id = t.unit_id`;

export interface TargetFilter {
  unitId?: number;
  from?: number;
  to?: number;
  indicator?: TargetIndicator;
}

/** Targets by unit, year and indicator (each optional); the caller cuts them to its scope. */
export const listTargets = (db: D1Database, cost: ReadCost, f: TargetFilter) =>
  all<TargetRow>(
    db,
    cost,
    sql`${TARGET_SELECT} WHERE 1 = 1
      ${f.unitId === undefined ? sql`` : sql`AND t.unit_id = ${f.unitId}`}
      ${f.from === undefined ? sql`` : sql`AND t.year >= ${f.from}`}
      ${f.to === undefined ? sql`` : sql`AND t.year <= ${f.to}`}
      ${f.indicator === undefined ? sql`` : sql`AND t.indicator = ${f.indicator}`}
      ORDER BY t.year, u.code, t.indicator`,
  );

export const findTarget = async (db: D1Database, cost: ReadCost, id: number) =>
  (await all<TargetRow>(db, cost, sql`${TARGET_SELECT} WHERE t.id = ${id}`))[0] ?? null;
