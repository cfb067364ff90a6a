import { sql, type SQL } from 'drizzle-orm';

// D1 has no multi-request transactions, only batches (each one transaction), and no RAISE
// outside triggers. A guard is the first statement of a batch: it inserts into import_guard,
// whose CHECK always fails, unless the import batch is still in the state the rest of the
// batch was written for; the failure undoes the whole D1 batch. So a status change and the cube
// change it permits are one compare-and-set.

export const GUARD_CONSTRAINT = 'import_batch_changed';

/** Fails the D1 batch it starts unless import batch `id` satisfies `state` (over columns of b). */
export function guard(id: number, state: SQL): SQL {
  return sql`INSERT INTO import_guard (batch_id) SELECT ${id} WHERE NOT EXISTS (SELECT 1 FROM import_batches b
    WHERE b.id = ${id} AND ${state})`;
}

/** Whether an error is a guard refusing its batch (the import batch moved on meanwhile). */
export const isGuardFailure = (e: unknown) => e instanceof Error && e.message.includes(GUARD_CONSTRAINT);
