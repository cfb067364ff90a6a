import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import { DATASETS } from '../domain/enums';
import type { AppEnv } from '../env';
import { DATASET_DEFS } from '../imports/datasets';
import { runImport } from '../imports/run';
import { openSource } from '../imports/sources/open';
import { FileError } from '../imports/sources/types';
import { template } from '../imports/template';
import { commitParts, nextPart } from '../imports/parts';
import { rollbackBatch } from '../imports/rollback';
import { resumeUnfinished } from '../imports/lifecycle';

// waitUntil work ends 30 s after the answer; what is left is taken up by the next call
const CLEANUP_BUDGET_MS = 20_000;
import { checkConsistency } from '../queries/imports/consistency';
import { listBatches } from '../queries/imports/batches';
import { badRequest } from '../validation/hook';
import { actorOf } from '../auth/identity';
import { importRight, ownBatch } from '../imports/access';
import { identityOf, need } from '../middleware/requireRole';
import { recordAudit } from '../queries/auth/audit';
import { loadGeography } from '../queries/geography';
import { getBatch } from '../queries/imports/batches';
import type { Context } from 'hono';
import type { AppEnv as Env } from '../env';

const datasetParam = z.strictObject({
  dataset: z.enum(DATASETS, { error: (iss) => `unknown dataset '${String(iss.input)}', expected one of ${DATASETS.join(', ')}` }),
});
const dry = (q: { dry_run?: string }) => q.dry_run === '1' || q.dry_run === 'true';
const positiveInt = z.string().regex(/^[1-9]\d{0,9}$/, 'expected a positive whole number').transform(Number);
const importQuery = z
  .strictObject({
    dry_run: z.enum(['0', '1', 'true', 'false']).optional(),
    filename: z.string().max(200).optional(),
    // an upload in parts: part=1 starts a staging batch, later parts name it with batch=
    part: positiveInt.optional(),
    first_row: positiveInt.optional(),
    batch: positiveInt.optional(),
  })
  .refine((q) => q.part === undefined || q.first_row !== undefined, { path: ['first_row'], message: 'required with part' })
  .refine((q) => (q.part ?? 1) === 1 || q.batch !== undefined || dry(q), { path: ['batch'], message: 'required for part 2 and later' })
  .refine((q) => q.part !== undefined || (q.first_row === undefined && q.batch === undefined), { path: ['part'], message: 'required with first_row and batch' });

const unscopedOnly = (c: Context<Env>, what: string) =>
  identityOf(c).scope === null ? null : c.json({ error: `Forbidden: ${what} is for editors without a scope` }, 403);

/** A batch a scoped editor did not import is "not found" to them. */
async function ownedBatch(c: Context<Env>, id: number) {
  const b = await getBatch(c.env.DB, c.get('cost'), id);
  if (b && !ownBatch(identityOf(c), b)) return c.json({ error: `import batch ${id} was imported by someone else: only they or an unscoped editor can change it`, error_vi: `lô nhập số ${id} do người khác nhập` }, 403);
  return null;
}

// Imports need the editor role; who may import which dataset is in imports/access.ts.
export const importsRoutes = new Hono<AppEnv>()
  .use(need('editor', 'imports'))
  .get('/', describeRoute({ tags: ['imports'], summary: 'Import history', description: 'Batches, newest first: who, when, dataset, rows, content hash, status. A scoped editor sees their own. Editors.' }), validator('query', z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).optional() }), badRequest), async (c) => {
    const batches = await listBatches(c.env.DB, c.get('cost'), c.req.valid('query').limit ?? 200);
    // the history is what the Dữ liệu page polls: a good moment to finish what a crash left
    c.executionCtx.waitUntil(resumeUnfinished(c.env.DB, { rowsRead: 0 }, CLEANUP_BUDGET_MS).catch((e) => console.error('import clean-up', e)));
    return c.json({ batches: batches.filter((b) => ownBatch(identityOf(c), b)) });
  })
  .get('/consistency', describeRoute({ tags: ['imports'], summary: 'Consistency check', description: 'Recomputes the award cube from the raw rows of committed batches and compares; 500 if anything differs. Editors without a scope.' }), async (c) => {
    const refused = unscopedOnly(c, 'the whole-database consistency check');
    if (refused) return refused;
    const result = await checkConsistency(c.env.DB, c.get('cost'));
    return c.json(result, result.ok ? 200 : 500);
  })
  .get(
    '/templates/:file{[a-z_]+\\.(csv|xlsx)}',
    describeRoute({ tags: ['imports'], summary: 'Template', description: 'A template per dataset: XLSX with Vietnamese headers and a "Hướng dẫn" sheet, or CSV with a BOM.' }),
    async (c) => {
      const [name, ext] = c.req.param('file').split('.');
      const def = Object.hasOwn(DATASET_DEFS, name) ? DATASET_DEFS[name as keyof typeof DATASET_DEFS] : undefined;
      if (!def) return c.json({ error: `unknown dataset '${name}', expected one of ${DATASETS.join(', ')}` }, 404);
      const t = template(def, ext as 'csv' | 'xlsx');
      return c.body(t.body, 200, { 'content-type': t.type, 'content-disposition': `attachment; filename="${t.filename}"` });
    },
  )
  .post('/:dataset', describeRoute({ tags: ['imports'], summary: 'Import a file', description: 'CSV (UTF-8, , or ;), XLSX (first sheet) or JSON (array of objects) into one dataset: all or nothing. 201 with batch; 200 with duplicate_of for the same file again; 422 with errors [{row, column, value, message}] and nothing written; ?dry_run=1 writes nothing. Needs Authorization: Bearer.' }), validator('param', datasetParam, badRequest), validator('query', importQuery, badRequest), async (c) => {
    const { dataset } = c.req.valid('param');
    const q = c.req.valid('query');
    const def = DATASET_DEFS[dataset];
    const who = identityOf(c);
    const right = importRight(who, dataset, await loadGeography(c.env.DB, c.get('cost'), c.get('dataState')));
    if ('refused' in right) return c.json({ error: `Forbidden: ${right.refused}`, ...(right.role ? { required_role: right.role } : {}) }, 403);
    if (q.batch !== undefined) {
      const refused = await ownedBatch(c, q.batch);
      if (refused) return refused;
    }
    if (q.part !== undefined && !def.staged)
      return c.json({ error: 'part: only awards files are uploaded in parts; other datasets fit one request', parameter: 'part' }, 400);
    if (q.part !== undefined && q.batch !== undefined && !dry(q)) {
      const open = await nextPart(c.env.DB, c.get('cost'), q.batch, q.part);
      if ('error' in open) return c.json({ error: open.error, error_vi: open.error_vi }, open.status);
    }
    let source;
    try {
      source = await openSource(c.req.raw);
    } catch (e) {
      if (e instanceof FileError) return c.json({ error: e.message, error_vi: e.vi }, e.status);
      throw e;
    }
    try {
      const outcome = await runImport({
        db: c.env.DB,
        cost: c.get('cost'),
        def,
        source: source.source,
        dryRun: dry(q),
        filename: q.filename ?? null,
        format: source.format,
        createdBy: actorOf(who),
        part: q.part === undefined ? undefined : { batchId: q.batch, firstRow: q.first_row! },
        allowed: right.allowed,
      });
      if (outcome.kind === 'created') {
        const b = outcome.batch;
        await recordAudit(c.env.DB, { actor: actorOf(who), action: 'import', target: `batch ${b.id}`, detail: { dataset, rows: b.rows, filename: b.filename } });
      }
      switch (outcome.kind) {
        case 'invalid':
          return c.json(
            {
              error: `${outcome.total} problem${outcome.total === 1 ? '' : 's'} found; nothing was imported`,
              error_vi: `Có ${outcome.total} lỗi; không dòng nào được nhập`,
              errors: outcome.errors,
              total: outcome.total,
              errors_truncated: outcome.truncated,
              rows: outcome.rows,
            },
            422,
          );
        case 'duplicate':
          return c.json({ batch: outcome.batch, duplicate_of: outcome.batch.id }, 200);
        case 'dry_run':
          return c.json({ dry_run: true, batch: { id: null, dataset, rows: outcome.rows } }, 200);
        case 'created':
          return c.json({ batch: outcome.batch }, 201);
        case 'staged':
          return c.json({ batch: outcome.batch, part: q.part }, 202);
        case 'cancelled':
          return c.json(
            {
              error: `import batch ${outcome.batch.id} was rolled back by ${outcome.batch.rolled_back_by} while it was being imported; nothing was imported`,
              error_vi: `lô nhập số ${outcome.batch.id} đã bị ${outcome.batch.rolled_back_by} hoàn tác trong khi đang nhập; không dòng nào được nhập`,
              batch: outcome.batch,
            },
            409,
          );
      }
    } catch (e) {
      if (e instanceof FileError) return c.json({ error: `${e.message} Nothing was imported.`, error_vi: `${e.vi} Không dòng nào được nhập.` }, e.status);
      throw e;
    }
  })
  .post('/:id{[0-9]+}/commit', describeRoute({ tags: ['imports'], summary: 'Commit an upload in parts', description: 'Makes an awards file sent in parts count, in one transaction. Editors (a scoped editor: their own upload).' }), async (c) => {
    const id = Number(c.req.param('id'));
    const refused = await ownedBatch(c, id);
    if (refused) return refused;
    const result = await commitParts(c.env.DB, c.get('cost'), id);
    if ('error' in result) return c.json({ error: result.error, error_vi: result.error_vi }, result.status);
    if (!result.duplicate_of) await recordAudit(c.env.DB, { actor: actorOf(identityOf(c)), action: 'import', target: `batch ${id}`, detail: { dataset: 'awards', parts: true } });
    return c.json(result, result.duplicate_of ? 200 : 201);
  })
  .delete('/:id{[0-9]+}', describeRoute({ tags: ['imports'], summary: 'Roll a batch back', description: 'Removes everything the batch added; every aggregate follows. 409 while other batches use its reference codes. Editors (a scoped editor: their own batches).' }), async (c) => {
    const id = Number(c.req.param('id'));
    const refused = await ownedBatch(c, id);
    if (refused) return refused;
    const result = await rollbackBatch(c.env.DB, c.get('cost'), id, actorOf(identityOf(c)));
    if ('error' in result) return c.json({ error: result.error, error_vi: result.error_vi }, result.status);
    await recordAudit(c.env.DB, { actor: actorOf(identityOf(c)), action: 'rollback', target: `batch ${id}`, detail: { dataset: result.batch.dataset, rows: result.batch.rows } });
    return c.json(result);
  });
