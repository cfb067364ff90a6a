import { sql, type SQL } from 'drizzle-orm';
import { all, batch, first, toStatement, type ReadCost } from '../../db/run';
import type { Dataset } from '../../domain/enums';
import { applyBatchToCube } from '../cube/refresh';

// The life of an import batch: created as 'staging' (never counted), made 'committed' in one
// D1 batch (a transaction) together with its rows' effect on the aggregates, or reversed.

export interface ImportBatch {
  id: number;
  dataset: Dataset;
  filename: string | null;
  format: string;
  content_hash: string;
  rows: number;
  created_by: string;
  created_at: string;
  status: 'staging' | 'committed' | 'rolled_back';
  rolled_back_at: string | null;
  rolled_back_by: string | null;
}

const COLUMNS = sql.raw(
  'id, dataset, filename, format, content_hash, rows, created_by, created_at, status, rolled_back_at, rolled_back_by',
);

export const bumpVersion = (now: string): SQL => sql`UPDATE data_state SET version = version + 1, updated_at = ${now} WHERE id = 1`;

export function listBatches(db: D1Database, cost: ReadCost, limit: number): Promise<ImportBatch[]> {
  return all<ImportBatch>(db, cost, sql`SELECT ${COLUMNS} FROM import_batches ORDER BY id DESC LIMIT ${limit}`);
}

export function getBatch(db: D1Database, cost: ReadCost, id: number): Promise<ImportBatch | null> {
  return first<ImportBatch>(db, cost, sql`SELECT ${COLUMNS} FROM import_batches WHERE id = ${id}`);
}

export function findCommitted(db: D1Database, cost: ReadCost, dataset: Dataset, hash: string): Promise<ImportBatch | null> {
  return first<ImportBatch>(
    db,
    cost,
    sql`SELECT ${COLUMNS} FROM import_batches WHERE dataset = ${dataset} AND content_hash = ${hash} AND status = 'committed'`,
  );
}

export async function createStagingBatch(
  db: D1Database,
  b: { dataset: Dataset; filename: string | null; format: string; createdBy: string; now: string },
): Promise<number> {
  const row = await toStatement(
    db,
    sql`INSERT INTO import_batches (dataset, filename, format, content_hash, rows, created_by, created_at, status)
VALUES (${b.dataset}, ${b.filename}, ${b.format}, ${`pending-${crypto.randomUUID()}`}, 0, ${b.createdBy}, ${b.now}, 'staging')
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

/** The commit: rows (for in-memory datasets), status, aggregates and data version, all or nothing. */
export function commitStatements(o: { id: number; hash: string; rows: number; now: string; inserts: SQL[]; after: SQL[]; awards: boolean }): SQL[] {
  return [
    ...o.inserts,
    ...o.after,
    sql`UPDATE import_batches SET status = 'committed', content_hash = ${o.hash}, rows = ${o.rows} WHERE id = ${o.id} AND status = 'staging'`,
    ...(o.awards ? applyBatchToCube(o.id, 1) : []),
    bumpVersion(o.now),
  ];
}

// D1 stops a query after 30 s; deleting a million rows is done a slice at a time.
const DELETE_SLICE = 20_000;

/** Deletes the raw award rows of a batch that is not (or no longer) counted. */
export async function deleteAwardRows(db: D1Database, cost: ReadCost, id: number): Promise<void> {
  for (;;) {
    const [res] = await batch(db, cost, [
      sql`DELETE FROM awards WHERE id IN (SELECT id FROM awards WHERE batch_id = ${id} LIMIT ${DELETE_SLICE})`,
    ]);
    if (!res.meta.changes) return;
  }
}

/** Forgets a staging batch that failed or was abandoned: its rows, then the batch line. */
export async function discardStaging(db: D1Database, cost: ReadCost, id: number): Promise<void> {
  await deleteAwardRows(db, cost, id);
  await batch(db, cost, [sql`DELETE FROM import_batches WHERE id = ${id} AND status = 'staging'`]);
}
