import { sql, type SQL } from 'drizzle-orm';
import { all, batch, first, toStatement, type ReadCost } from '../../db/run';
import type { Dataset } from '../../domain/enums';
import type { BatchStatus } from '../../db/schema';
import { deleteSumsSlice } from '../cube/sums';
import { guard } from './guard';

// The life of an import batch: created as 'staging' (never counted), then committed and
// perhaps rolled back (worker/imports/lifecycle.ts; the statements in ./transitions.ts).

export interface ImportBatch {
  id: number;
  dataset: Dataset;
  filename: string | null;
  format: string;
  content_hash: string;
  rows: number;
  created_by: string;
  created_at: string;
  status: BatchStatus;
  rolled_back_at: string | null;
  rolled_back_by: string | null;
  /**
   * While committing or rolling back: the part of the cube change done, 0 to 1 (half for the awards
   * summed at the commit, if staging left any, the rest for the sums expanded).
   */
  progress: number | null;
  /** A request is working on the batch (commit, rollback or clean-up): no other may start. */
  busy: boolean;
}

const COLUMNS = sql.raw(
  `id, dataset, filename, format, content_hash, rows, created_by, created_at, status, rolled_back_at, rolled_back_by,
  CASE WHEN status NOT IN ('committing', 'rolling_back') THEN NULL
    WHEN sums_until IS NULL THEN ROUND(0.5 * MAX(0, cube_cursor - cube_from) / MAX(1, cube_until - cube_from), 3)
    ELSE ROUND((CASE WHEN cube_until > cube_from THEN 0.5 ELSE 0 END) + (CASE WHEN cube_until > cube_from THEN 0.5
      ELSE 1.0 END) * (sums_cursor - sums_from) / MAX(1, sums_until - sums_from), 3) END AS progress,
  COALESCE(lease_until > strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0) AS busy`,
);

const withBusy = (b: Omit<ImportBatch, 'busy'> & { busy: number | boolean }): ImportBatch => ({
  ...b,
  busy: Boolean(b.busy),
});

export const bumpVersion = (now: string): SQL =>
  sql`UPDATE data_state SET version = version + 1, updated_at = ${now} WHERE id = 1`;

export async function listBatches(db: D1Database, cost: ReadCost, limit: number): Promise<ImportBatch[]> {
  return (
    await all<ImportBatch>(db, cost, sql`SELECT ${COLUMNS} FROM import_batches ORDER BY id DESC LIMIT ${limit}`)
  ).map(withBusy);
}

export async function getBatch(db: D1Database, cost: ReadCost, id: number): Promise<ImportBatch | null> {
  const b = await first<ImportBatch>(db, cost, sql`SELECT ${COLUMNS} FROM import_batches WHERE id = ${id}`);
  return b && withBusy(b);
}

/** The batch of the same file that counts or is about to (the unique index allows one). */
export async function findCommitted(
  db: D1Database,
  cost: ReadCost,
  dataset: Dataset,
  hash: string,
): Promise<ImportBatch | null> {
  const b = await first<ImportBatch>(
    db,
    cost,
    sql`SELECT ${COLUMNS} FROM import_batches WHERE dataset = ${dataset} AND content_hash = ${hash} AND status
      IN ('committing', 'committed')`,
  );
  return b && withBusy(b);
}

export async function createStagingBatch(
  db: D1Database,
  b: { dataset: Dataset; filename: string | null; format: string; createdBy: string; now: string },
): Promise<number> {
  const row = await toStatement(
    db,
    sql`INSERT INTO import_batches (dataset, filename, format, content_hash, rows, created_by, created_at, status)
VALUES (${b.dataset}, ${b.filename}, ${b.format}, ${`pending-${crypto.randomUUID()}`}, 0, ${b.createdBy},
  ${b.now}, 'staging')
RETURNING id`,
  ).first<{ id: number }>();
  return row!.id;
}

// A batch uploaded in parts keeps the SHA-256 of each part in content_hash ("parts:h1:h2…")
// until the commit replaces it with the hash of that list.
export const PARTS_PREFIX = 'parts';

/** Records an accepted part: its hash and its rows. */
export function addPart(id: number, hash: string, rows: number): SQL {
  return sql`UPDATE import_batches SET
  content_hash = CASE WHEN content_hash LIKE 'pending-%' THEN ${PARTS_PREFIX} ELSE content_hash END || ':' || ${hash},
  rows = rows + ${rows}
WHERE id = ${id} AND status = 'staging'`;
}

/** Runs a chunk of write statements in one round trip (and one transaction). */
export async function write(db: D1Database, cost: ReadCost, statements: SQL[]): Promise<void> {
  if (statements.length) await batch(db, cost, statements);
}

/** Staged rows go in only while the batch is staging: a DELETE that cancelled it stops them. */
export const whileStaging = (id: number, statements: SQL[]): SQL[] => [
  guard(id, sql`b.status = 'staging'`),
  ...statements,
];

/** The commit of a reference dataset (held in memory): rows, status and data version, all or nothing. */
export function commitStatements(o: {
  id: number;
  hash: string;
  rows: number;
  now: string;
  inserts: SQL[];
  after: SQL[];
}): SQL[] {
  return whileStaging(o.id, [
    ...o.inserts,
    ...o.after,
    sql`UPDATE import_batches SET status = 'committed', content_hash = ${o.hash}, rows = ${o.rows} WHERE id = ${o.id}`,
    bumpVersion(o.now),
  ]);
}

// D1 runs one query at a time per database: deleting a million rows is done a slice at a time
// (each well under a second) so that readers get their turn in between.
const DELETE_SLICE = 10_000;

/** The next slice of a batch's raw award rows deleted (a batch no longer, or never, counted). */
export const deleteAwardRowsSlice = (id: number): SQL =>
  sql`DELETE FROM awards WHERE id IN (SELECT id FROM awards WHERE batch_id = ${id} LIMIT ${DELETE_SLICE})`;

/** Deletes the raw award rows of a batch that is not (or no longer) counted. */
export async function deleteAwardRows(db: D1Database, cost: ReadCost, id: number): Promise<void> {
  for (;;) {
    const [res] = await batch(db, cost, [deleteAwardRowsSlice(id)]);
    if (!res.meta.changes) return;
  }
}

/** Forgets a staging batch that failed or was abandoned: its sums and rows, then the batch line. */
export async function discardStaging(db: D1Database, cost: ReadCost, id: number): Promise<void> {
  while ((await batch(db, cost, [deleteSumsSlice(id)]))[0].meta.changes);
  await deleteAwardRows(db, cost, id);
  await batch(db, cost, [sql`DELETE FROM import_batches WHERE id = ${id} AND status = 'staging'`]);
}
