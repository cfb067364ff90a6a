import { actorOf, type Identity } from '../auth/identity';
import type { ReadCost } from '../db/run';
import type { Dataset } from '../domain/enums';
import { recordAudit } from '../queries/auth/audit';
import { type DataState, loadGeography } from '../queries/geography';
import { getBatch } from '../queries/imports/batches';
import { importRight, ownBatch } from './access';
import { DATASET_DEFS } from './datasets';
import { nextPart } from './parts';
import { LIST_FIELDS, type ListField } from './listFields';
import { runImport, type Outcome } from './run';
import { openSource } from './sources/open';
import { FileError } from './sources/types';

// POST /api/v1/imports/{dataset} from the checked request to the answer: rights, the part of an
// upload in parts, the file's reader, the import, the audit line. The route only validates.

export interface ImportQuery extends Partial<Record<ListField, string>> {
  dry_run?: string;
  class_from_position?: '0' | '1';
  filename?: string;
  part?: number;
  first_row?: number;
  batch?: number;
}

export interface Answer {
  status: 200 | 201 | 202 | 400 | 403 | 404 | 409 | 413 | 415 | 422;
  body: Record<string, unknown>;
}

export const isDryRun = (q: { dry_run?: string }) => q.dry_run === '1' || q.dry_run === 'true';

/** A batch a scoped editor did not import is theirs to neither see nor change. */
export async function notOwn(db: D1Database, cost: ReadCost, who: Identity, id: number): Promise<Answer | null> {
  const b = await getBatch(db, cost, id);
  if (b && !ownBatch(who, b))
    return {
      status: 403,
      body: {
        error: `import batch ${id} was imported by someone else: only they or an unscoped editor can change it`,
        error_vi: `lô nhập số ${id} do người khác nhập`,
      },
    };
  return null;
}

/** The answer of an outcome (the Workflow keeps the same for a file with problems). */
export function answer(outcome: Outcome, dataset: Dataset, part: number | undefined): Answer {
  // warnings only when there are some, so answers without them stay as they were
  const warnings = {
    ...(outcome.warnings.length ? { warnings: outcome.warnings } : {}),
    ...(outcome.classSuggestions?.length ? { class_suggestions: outcome.classSuggestions } : {}),
  };
  switch (outcome.kind) {
    case 'invalid':
      return {
        status: 422,
        body: {
          error: `${outcome.total} problem${outcome.total === 1 ? '' : 's'} found; nothing was imported`,
          error_vi: `Có ${outcome.total} lỗi; không dòng nào được nhập`,
          errors: outcome.errors,
          total: outcome.total,
          errors_truncated: outcome.truncated,
          rows: outcome.rows,
          error_groups: outcome.groups,
          error_groups_truncated: outcome.groupsTruncated,
          ...warnings,
        },
      };
    case 'duplicate':
      return { status: 200, body: { batch: outcome.batch, duplicate_of: outcome.batch.id, ...warnings } };
    case 'dry_run':
      return { status: 200, body: { dry_run: true, batch: { id: null, dataset, rows: outcome.rows }, ...warnings } };
    case 'created':
      return { status: 201, body: { batch: outcome.batch, ...warnings } };
    case 'staged':
      return { status: 202, body: { batch: outcome.batch, part, ...warnings } };
    case 'cancelled':
      return {
        status: 409,
        body: {
          error:
            `import batch ${outcome.batch.id} was rolled back by ` +
            `${outcome.batch.rolled_back_by} while it was being imported; nothing ` +
            `was imported`,
          error_vi:
            `lô nhập số ${outcome.batch.id} đã bị ${outcome.batch.rolled_back_by} ` +
            `hoàn tác trong khi đang nhập; không dòng nào được nhập`,
          batch: outcome.batch,
        },
      };
  }
}

export async function importFile(r: {
  db: D1Database;
  cost: ReadCost;
  req: Request;
  dataset: Dataset;
  q: ImportQuery;
  who: Identity;
  dataState?: DataState;
}): Promise<Answer> {
  const { db, cost, dataset, q, who } = r;
  const def = DATASET_DEFS[dataset];
  const right = importRight(who, dataset, await loadGeography(db, cost, r.dataState));
  if ('refused' in right)
    return {
      status: 403,
      body: {
        error: `Forbidden: ${right.refused}`,
        error_vi: `Không có quyền: ${right.refused_vi}`,
        ...(right.role ? { required_role: right.role } : {}),
      },
    };
  if (q.batch !== undefined) {
    const refused = await notOwn(db, cost, who, q.batch);
    if (refused) return refused;
  }
  if (q.part !== undefined && !def.staged)
    return {
      status: 400,
      body: {
        error: 'part: only awards files are uploaded in parts; other datasets fit one request',
        error_vi: 'part: chỉ tệp khen thưởng mới gửi theo phần; các loại dữ liệu khác gửi một lần',
        parameter: 'part',
      },
    };
  if (q.part !== undefined && q.batch !== undefined && !isDryRun(q)) {
    const open = await nextPart(db, cost, q.batch, q.part);
    if ('error' in open) return { status: open.status, body: { error: open.error, error_vi: open.error_vi } };
  }
  const defaults = Object.fromEntries(LIST_FIELDS.filter((k) => q[k] !== undefined).map((k) => [k, q[k]!]));
  const foreign = Object.keys(defaults).find((k) => !def.columns.some((c) => c.key === k));
  if (foreign)
    return {
      status: 400,
      body: {
        error: `${foreign}: ${dataset} files have no such column`,
        error_vi: `${foreign}: dữ liệu ${dataset} không có cột này`,
        parameter: foreign,
      },
    };
  let source: Awaited<ReturnType<typeof openSource>>;
  try {
    source = await openSource(r.req);
  } catch (e) {
    if (e instanceof FileError) return { status: e.status, body: { error: e.message, error_vi: e.vi } };
    throw e;
  }
  try {
    const outcome = await runImport({
      db,
      cost,
      def,
      source: source.source,
      dryRun: isDryRun(q),
      filename: q.filename ?? null,
      format: source.format,
      createdBy: actorOf(who),
      part: q.part === undefined ? undefined : { batchId: q.batch, firstRow: q.first_row! },
      allowed: right.allowed,
      defaults,
      classFromPosition: q.class_from_position === '1',
    });
    if (outcome.kind === 'created') {
      const b = outcome.batch;
      await recordAudit(db, {
        actor: actorOf(who),
        action: 'import',
        target: `batch ${b.id}`,
        detail: { dataset, rows: b.rows, filename: b.filename },
      });
    }
    return answer(outcome, dataset, q.part);
  } catch (e) {
    if (e instanceof FileError)
      return {
        status: e.status,
        body: { error: `${e.message} Nothing was imported.`, error_vi: `${e.vi} Không dòng nào được nhập.` },
      };
    throw e;
  }
}
