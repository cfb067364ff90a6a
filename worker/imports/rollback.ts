import { sql, type SQL } from 'drizzle-orm';
import type { ReadCost } from '../db/run';
import type { Dataset } from '../domain/enums';
import { applyBatchToCube, rebuildUnitClosure } from '../queries/cube/refresh';
import { bumpVersion, deleteAwardRows, getBatch, write, type ImportBatch } from '../queries/imports/batches';
import { dependents } from '../queries/imports/dependents';

const TABLE: Record<Exclude<Dataset, 'awards'>, string> = {
  units: 'units',
  unit_lineage: 'unit_lineage',
  clusters: 'clusters',
  cluster_members: 'cluster_members',
  movements: 'movements',
  award_types: 'award_types',
  movement_results: 'movement_results',
};

type Result = { batch: ImportBatch } | { error: string; error_vi: string; status: 404 | 409 };

/**
 * Reverses a batch. Awards: the cube subtraction, the status and the data version change in one
 * transaction (from then on the rows count nowhere), then the raw rows are deleted a slice at a
 * time. Reference data: refused while other batches use it, else deleted in one transaction.
 */
export async function rollbackBatch(db: D1Database, cost: ReadCost, id: number, by: string): Promise<Result> {
  const b = await getBatch(db, cost, id);
  if (!b) return { error: `import batch ${id} does not exist`, error_vi: `không có lô nhập số ${id}`, status: 404 };
  if (b.status === 'rolled_back')
    return {
      error: `import batch ${id} was already rolled back on ${b.rolled_back_at}`,
      error_vi: `lô nhập số ${id} đã được hoàn tác lúc ${b.rolled_back_at}`,
      status: 409,
    };
  const now = new Date().toISOString();
  const mark = sql`UPDATE import_batches SET status = 'rolled_back', rolled_back_at = ${now}, rolled_back_by = ${by} WHERE id = ${id}`;

  if (b.status === 'staging') {
    // an abandoned large upload: its rows never counted, so only they and the status change
    await deleteAwardRows(db, cost, id);
    await write(db, cost, [mark]);
  } else if (b.dataset === 'awards') {
    await write(db, cost, [...applyBatchToCube(id, -1), mark, bumpVersion(now)]);
    await deleteAwardRows(db, cost, id);
  } else {
    const used = await dependents(db, cost, b.dataset, id);
    if (used.en)
      return {
        error: `batch ${id} (${b.dataset}) cannot be rolled back: ${used.en} from other imports still refer to its rows. Roll those back first.`,
        error_vi: `không thể hoàn tác lô số ${id} (${b.dataset}): ${used.vi} của các lô nhập khác đang dùng dữ liệu của lô này. Hãy hoàn tác các lô đó trước.`,
        status: 409,
      };
    const statements: SQL[] = [sql`DELETE FROM ${sql.identifier(TABLE[b.dataset])} WHERE batch_id = ${id}`];
    if (b.dataset === 'units') statements.push(...rebuildUnitClosure());
    await write(db, cost, [...statements, mark, bumpVersion(now)]);
  }
  return { batch: (await getBatch(db, cost, id))! };
}
