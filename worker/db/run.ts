import { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';

// Queries are written with drizzle (schema-bound column names, bound parameters) but run on
// the raw D1 binding, because only D1's own result carries `meta.rows_read`: D1 bills and
// throttles by rows read, so every read reports its cost (X-Rows-Read).
const dialect = new SQLiteSyncDialect();

export interface ReadCost {
  rowsRead: number;
  /**
   * How award_cube_today took part: 'used' when it served an as_of read, 'stale' when it would
   * have but was not ready (a rebuild is due, worker/middleware/keepToday.ts).
   */
  today?: 'used' | 'stale';
}

export type Query = SQL | { toSQL(): { sql: string; params: unknown[] } };

export function toStatement(d1: D1Database, query: Query): D1PreparedStatement {
  const { sql, params } = query instanceof SQL ? dialect.sqlToQuery(query) : query.toSQL();
  return d1.prepare(sql).bind(...params);
}

export async function all<T>(d1: D1Database, cost: ReadCost, query: Query): Promise<T[]> {
  const res = await toStatement(d1, query).all<T>();
  cost.rowsRead += res.meta.rows_read ?? 0;
  return res.results;
}

export async function first<T>(d1: D1Database, cost: ReadCost, query: Query): Promise<T | null> {
  const rows = await all<T>(d1, cost, query);
  return rows[0] ?? null;
}

/** Runs several queries in one round trip; D1 runs a batch as one transaction. */
export async function batch(d1: D1Database, cost: ReadCost, queries: Query[]): Promise<D1Result[]> {
  const results = await d1.batch(queries.map((q) => toStatement(d1, q)));
  for (const r of results) cost.rowsRead += r.meta.rows_read ?? 0;
  return results;
}
