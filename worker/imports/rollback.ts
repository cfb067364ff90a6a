import { sql, type SQL } from 'drizzle-orm';
import type { ReadCost } from '../db/run';
import type { Dataset } from '../domain/enums';
import { CATALOG_DATASETS, writeCatalogSnapshot } from '../queries/catalog/snapshot';
import { rebuildUnitClosure } from '../queries/cube/refresh';
import { keepRemovedCodes } from '../queries/federation/pending';
import { bumpVersion, getBatch, write, type ImportBatch } from '../queries/imports/batches';
import { dependents } from '../queries/imports/dependents';
import { guard, isGuardFailure } from '../queries/imports/guard';
import { rollbackAwards } from './lifecycle';

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
 * Reverses a batch. Awards: see lifecycle.ts (cancel, sliced rollback, resumable). Reference
 * data: refused while other batches use it, else deleted in one transaction guarded on the
 * batch still being committed, so two DELETEs cannot both apply it.
 */
export async function rollbackBatch(db: D1Database, cost: ReadCost, id: number, by: string): Promise<Result> {
  const b = await getBatch(db, cost, id);
  if (!b) return { error: `import batch ${id} does not exist`, error_vi: `không có lô nhập số ${id}`, status: 404 };
  // at a national instance: the batches that hold a province's pushed results or its resync's delta
  // follow that province's pushes (worker/federation), never a person's rollback
  if (b.created_by.startsWith('federation:')) {
    const province = b.created_by.slice('federation:'.length);
    return {
      error: `import batch ${id} holds figures pushed by province ${province}; it follows that province's pushes`,
      error_vi: `lô nhập số ${id} chứa số liệu do tỉnh ${province} gửi lên; lô này thay đổi theo dữ liệu tỉnh gửi`,
      status: 409,
    };
  }
  if (b.dataset === 'awards') return rollbackAwards(db, cost, b, by);
  const already: Result = {
    error: `import batch ${id} was already rolled back${b.rolled_back_at ? ` on ${b.rolled_back_at}` : ''}`,
    error_vi: `lô nhập số ${id} đã được hoàn tác${b.rolled_back_at ? ` lúc ${b.rolled_back_at}` : ''}`,
    status: 409,
  };
  if (b.status === 'rolled_back') return already;
  const now = new Date().toISOString();
  const mark = sql`UPDATE import_batches SET status = 'rolled_back', rolled_back_at = ${now}, rolled_back_by =
    ${by} WHERE id = ${id}`;
  const statements: SQL[] = [guard(id, sql`b.status = ${b.status}`)];
  if (b.status === 'committed') {
    const used = await dependents(db, cost, b.dataset, id);
    if (used.en)
      return {
        error:
          `batch ${id} (${b.dataset}) cannot be rolled back: ${used.en} from ` +
          `other imports still refer to its rows. Roll those back first.`,
        error_vi:
          `không thể hoàn tác lô số ${id} (${b.dataset}): ${used.vi} của các lô ` +
          `nhập khác đang dùng dữ liệu của lô này. Hãy hoàn tác các lô đó trước.`,
        status: 409,
      };
    statements.push(
      ...keepRemovedCodes(b.dataset, id),
      sql`DELETE FROM ${sql.identifier(TABLE[b.dataset as Exclude<Dataset, 'awards'>])} WHERE batch_id = ${id}`,
    );
    if (b.dataset === 'units') statements.push(...rebuildUnitClosure());
    if (CATALOG_DATASETS.has(b.dataset)) statements.push(...writeCatalogSnapshot());
    statements.push(mark, bumpVersion(now));
  } else statements.push(mark); // a reference import cancelled before its commit: nothing was written
  try {
    await write(db, cost, statements);
  } catch (e) {
    if (isGuardFailure(e)) return already;
    throw e;
  }
  return { batch: (await getBatch(db, cost, id))! };
}
