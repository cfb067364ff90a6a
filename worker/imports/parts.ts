import type { ReadCost } from '../db/run';
import { discardStaging, findCommitted, getBatch, PARTS_PREFIX, type ImportBatch } from '../queries/imports/batches';
import { Cancelled, commitAwards } from './lifecycle';
import { hex } from './sources/types';

// Files larger than one request may be (Cloudflare: 100 MB on the Free and Pro plans) are sent
// as parts, each a CSV with the header line, into one staging batch, then committed at once.

type Refusal = { error: string; error_vi: string; status: 404 | 409 };

const partsOf = (b: ImportBatch) =>
  b.content_hash.startsWith(`${PARTS_PREFIX}:`) ? b.content_hash.split(':').length - 1 : 0;

/** The staging batch a further part goes to, if it exists and expects exactly this part. */
export async function nextPart(
  db: D1Database,
  cost: ReadCost,
  batchId: number,
  part: number,
): Promise<ImportBatch | Refusal> {
  const b = await getBatch(db, cost, batchId);
  if (b?.dataset !== 'awards')
    return {
      error: `no awards upload with batch id ${batchId}`,
      error_vi: `không có lô nhập khen thưởng số ${batchId}`,
      status: 404,
    };
  if (b.status !== 'staging' || partsOf(b) === 0)
    return {
      error: `batch ${batchId} is not an upload in parts in progress`,
      error_vi: `lô số ${batchId} không phải lô đang nhập theo phần`,
      status: 409,
    };
  if (part !== partsOf(b) + 1)
    return {
      error: `batch ${batchId} has ${partsOf(b)} parts; the next one is part ${partsOf(b) + 1}, not ${part}`,
      error_vi:
        `lô số ${batchId} đã có ${partsOf(b)} phần; phần tiếp theo là phần ` + `${partsOf(b) + 1}, không phải ${part}`,
      status: 409,
    };
  return b;
}

/** Makes an upload in parts count: the same steps as the commit of a one-request import. */
export async function commitParts(
  db: D1Database,
  cost: ReadCost,
  id: number,
): Promise<{ batch: ImportBatch; duplicate_of?: number } | Refusal> {
  const b = await getBatch(db, cost, id);
  if (!b) return { error: `import batch ${id} does not exist`, error_vi: `không có lô nhập số ${id}`, status: 404 };
  if (b.status !== 'staging' || partsOf(b) === 0)
    return {
      error: `batch ${id} is not an upload in parts in progress`,
      error_vi: `lô số ${id} không phải lô đang nhập theo phần`,
      status: 409,
    };
  // the same file sent again in the same parts has the same list of part hashes
  const hash = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(b.content_hash)));
  const existing = await findCommitted(db, cost, b.dataset, hash);
  if (existing) {
    await discardStaging(db, cost, id);
    return { batch: existing, duplicate_of: existing.id };
  }
  try {
    return { batch: await commitAwards(db, cost, id, hash, b.rows, b.created_by) };
  } catch (e) {
    if (e instanceof Cancelled)
      return {
        error: `batch ${id} was rolled back while it was being committed`,
        error_vi: `lô số ${id} đã bị hoàn tác trong khi đang được ghi nhận`,
        status: 409,
      };
    const raced = await findCommitted(db, cost, b.dataset, hash);
    if (raced && raced.id !== id) {
      await discardStaging(db, cost, id);
      return { batch: raced, duplicate_of: raced.id };
    }
    throw e;
  }
}
