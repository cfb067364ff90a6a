import { sql } from 'drizzle-orm';
import { all, first, type ReadCost } from '../../db/run';

export interface FailureRow {
  window_start: number;
  count: number;
}

/** The client's failure count, as a query of its own or a statement in a batch. */
export const failuresQuery = (client: string) =>
  sql`SELECT window_start, count FROM auth_failures WHERE client = ${client}`;

export const findFailures = (db: D1Database, cost: ReadCost, client: string) =>
  first<FailureRow>(db, cost, failuresQuery(client));

/** Counts a failed credential check in the client's current window (a new window restarts at 1). */
export async function recordFailure(
  db: D1Database,
  cost: ReadCost,
  client: string,
  now: number,
  windowSeconds: number,
): Promise<FailureRow> {
  const stale = now - windowSeconds;
  const [row] = await all<FailureRow>(
    db,
    cost,
    sql`INSERT INTO auth_failures (client, window_start, count) VALUES (${client}, ${now}, 1)
        ON CONFLICT (client) DO UPDATE SET
          count = CASE WHEN window_start <= ${stale} THEN 1 ELSE count + 1 END,
          window_start = CASE WHEN window_start <= ${stale} THEN ${now} ELSE window_start END
        RETURNING window_start, count`,
  );
  return row!;
}
