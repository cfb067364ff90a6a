import { Hono, type Context } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/identity';
import { DATASETS } from '../domain/enums';
import type { AppEnv } from '../env';
import { ownBatch } from '../imports/access';
import { DATASET_DEFS } from '../imports/datasets';
import { resumeUnfinished } from '../imports/lifecycle';
import { commitParts } from '../imports/parts';
import { importFile, isDryRun, notOwn } from '../imports/request';
import { rollbackBatch } from '../imports/rollback';
import { template } from '../imports/template';
import { identityOf, need } from '../middleware/requireRole';
import { recordAudit } from '../queries/auth/audit';
import { listBatches } from '../queries/imports/batches';
import { batchBreakdown } from '../queries/imports/breakdown';
import { checkConsistency } from '../queries/imports/consistency';
import { loadGeography } from '../queries/geography';
import { badRequest } from '../validation/hook';
import {
  batchAnswer,
  batchList,
  breakdownAnswer,
  cancelledAnswer,
  consistencyAnswer,
  dryRunAnswer,
  duplicateAnswer,
  importRefusal,
  partAnswer,
  rowErrors,
} from '../validation/imports';
import { AUTH_ERRORS, err, json } from './openapiHelpers';
import { notFound } from '../errors';
import { LIST_FIELDS } from '../imports/listFields';
import { pushAfterChange } from '../federation/hook';

// waitUntil work ends 30 s after the answer; what is left is taken up by the next call
const CLEANUP_BUDGET_MS = 20_000;

const refusal = (description: string) => ({ description, content: json(importRefusal) });

const datasetParam = z.strictObject({
  dataset: z.enum(DATASETS, {
    error: (iss) => `unknown dataset '${String(iss.input)}', expected one of ${DATASETS.join(', ')}`,
  }),
});
const positiveInt = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'expected a positive whole number')
  .transform(Number);
const importQuery = z
  .strictObject({
    dry_run: z.enum(['0', '1', 'true', 'false']).optional(),
    class_from_position: z
      .enum(['0', '1'])
      .optional()
      .describe('1: individuals without a class get the one suggested from their Chức vụ (see class_suggestions)'),
    filename: z.string().max(200).optional(),
    // a list from one decision: what every row shares, given once (rows that carry it win)
    ...Object.fromEntries(LIST_FIELDS.map((k) => [k, z.string().min(1).max(300).optional()])),
    // an upload in parts: part=1 starts a staging batch, later parts name it with batch=
    part: positiveInt.optional(),
    first_row: positiveInt.optional(),
    batch: positiveInt.optional(),
  })
  .refine((q) => q.part === undefined || q.first_row !== undefined, {
    path: ['first_row'],
    message: 'required with part',
  })
  .refine((q) => (q.part ?? 1) === 1 || q.batch !== undefined || isDryRun(q), {
    path: ['batch'],
    message: 'required for part 2 and later',
  })
  .refine((q) => q.part !== undefined || (q.first_row === undefined && q.batch === undefined), {
    path: ['part'],
    message: 'required with first_row and batch',
  });

const unscopedOnly = (c: Context<AppEnv>, what: string) =>
  identityOf(c).scope === null
    ? null
    : c.json(
        {
          error: `Forbidden: ${what} is for editors without a scope`,
          error_vi: `Không có quyền: chỉ biên tập viên không giới hạn phạm vi mới dùng được`,
        },
        403,
      );

// Imports need the editor role; who may import which dataset is in imports/access.ts.
export const importsRoutes = new Hono<AppEnv>()
  .use(need('editor', { en: 'imports', vi: 'nhập dữ liệu' }))
  .use(pushAfterChange)
  .get(
    '/',
    describeRoute({
      tags: ['imports'],
      summary: 'Import history',
      description:
        'Batches, newest first: who, when, dataset, rows, content hash, status, ' +
        'progress of a commit or rollback under way. A scoped editor sees their ' +
        'own. Editors. After answering, finishes what a crashed commit or ' +
        'rollback left (in the background).',
      responses: { 200: { description: 'OK', content: json(batchList) }, ...AUTH_ERRORS },
    }),
    validator('query', z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).optional() }), badRequest),
    async (c) => {
      const batches = await listBatches(c.env.DB, c.get('cost'), c.req.valid('query').limit ?? 200);
      // the history is what the Dữ liệu page polls: a good moment to finish what a crash left
      c.executionCtx.waitUntil(
        resumeUnfinished(c.env.DB, { rowsRead: 0 }, CLEANUP_BUDGET_MS).catch((e) =>
          console.error('import clean-up', e),
        ),
      );
      return c.json({ batches: batches.filter((b) => ownBatch(identityOf(c), b)) });
    },
  )
  .get(
    '/consistency',
    describeRoute({
      tags: ['imports'],
      summary: 'Consistency check',
      description:
        'Recomputes the award cube from the raw rows of counted batches and ' +
        'compares it with the cube and the visible deltas, and the cube on ' +
        "today's units with the cube and the unit tree; 500 if anything " +
        'differs. Editors without a scope.',
      responses: {
        200: { description: 'Consistent', content: json(consistencyAnswer) },
        500: { description: 'Something differs', content: json(consistencyAnswer) },
        ...AUTH_ERRORS,
      },
    }),
    async (c) => {
      const refused = unscopedOnly(c, 'the whole-database consistency check');
      if (refused) return refused;
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const result = await checkConsistency(c.env.DB, c.get('cost'), geo);
      return c.json(result, result.ok ? 200 : 500);
    },
  )
  .get(
    '/:id{[0-9]+}/breakdown',
    describeRoute({
      tags: ['imports'],
      summary: 'What an awards batch brought in',
      description:
        'The quantities of the batch rows by unit and award type, largest first ' +
        '(at most 500). Editors (a scoped editor: their own batches).',
      responses: {
        200: { description: 'OK', content: json(breakdownAnswer) },
        ...AUTH_ERRORS,
        404: refusal('No such batch'),
      },
    }),
    async (c) => {
      const id = Number(c.req.param('id'));
      const refused = await notOwn(c.env.DB, c.get('cost'), identityOf(c), id);
      if (refused) return c.json(refused.body, refused.status);
      const found = await batchBreakdown(c.env.DB, c.get('cost'), id);
      if (!found) throw notFound({ en: `no import batch ${id}`, vi: `không có lô nhập số ${id}` });
      return c.json({ batch: id, ...found });
    },
  )
  .get(
    '/templates/:file{[a-z_]+\\.(csv|xlsx)}',
    describeRoute({
      tags: ['imports'],
      summary: 'Template',
      description:
        'A template per dataset: CSV with a BOM, or XLSX with Vietnamese headers, a note on each, dropdowns ' +
        '(data validation) of the Vietnamese words of every closed column and of the award types, a sample row ' +
        '(awards), sheets of the units and award types valid today, and a "Hướng dẫn" sheet.',
      responses: {
        200: {
          description: 'The template',
          content: {
            'text/csv': { schema: { type: 'string' as const } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string' as const, format: 'binary' },
            },
          },
        },
        ...AUTH_ERRORS,
        404: err('Unknown dataset'),
      },
    }),
    async (c) => {
      const [name, ext] = c.req.param('file').split('.');
      const def = Object.hasOwn(DATASET_DEFS, name) ? DATASET_DEFS[name as keyof typeof DATASET_DEFS] : undefined;
      if (!def)
        throw notFound({
          en: `unknown dataset '${name}', expected one of ${DATASETS.join(', ')}`,
          vi: `không có loại dữ liệu '${name}'; các loại: ${DATASETS.join(', ')}`,
        });
      const t = await template(c.env.DB, c.get('cost'), def, ext as 'csv' | 'xlsx');
      return c.body(t.body, 200, {
        'content-type': t.type,
        'content-disposition': `attachment; filename="${t.filename}"`,
      });
    },
  )
  .post(
    '/:dataset',
    describeRoute({
      tags: ['imports'],
      summary: 'Import a file',
      description:
        'CSV (UTF-8, , or ;), XLSX (first sheet) or JSON (array of objects) ' +
        'into one dataset: all or nothing. ?dry_run=1 writes nothing; ' +
        '?part=&first_row=&batch= sends an awards file in parts. Needs ' +
        'Authorization: Bearer.',
      responses: {
        201: { description: 'Imported', content: json(batchAnswer) },
        200: {
          description: 'The same file was already imported (`duplicate_of`), or a dry run (`dry_run`)',
          content: json(z.union([duplicateAnswer, dryRunAnswer])),
        },
        202: { description: 'A part of an upload in parts was staged', content: json(partAnswer) },
        400: refusal('Unknown dataset, a bad parameter, a file that is not UTF-8, not a workbook or not a JSON array'),
        ...AUTH_ERRORS,
        404: refusal('The batch of a later part does not exist'),
        409: {
          description: 'A DELETE cancelled the import while it ran, or parts out of order',
          content: json(z.union([cancelledAnswer, importRefusal])),
        },
        413: refusal(
          'XLSX or JSON over 25 MB, or a workbook too large once uncompressed (48 MB, 100,000 rows, 2,000,000 cells)',
        ),
        415: refusal('Another content type'),
        422: {
          description:
            'At least one problem; nothing written. Records over 100,000 characters ' +
            'and header lines over 16,384 are problems too.',
          content: json(rowErrors),
        },
      },
    }),
    validator('param', datasetParam, badRequest),
    validator('query', importQuery, badRequest),
    async (c) => {
      const { dataset } = c.req.valid('param');
      const a = await importFile({
        db: c.env.DB,
        cost: c.get('cost'),
        req: c.req.raw,
        dataset,
        q: c.req.valid('query'),
        who: identityOf(c),
        dataState: c.get('dataState'),
      });
      return c.json(a.body, a.status);
    },
  )
  .post(
    '/:id{[0-9]+}/commit',
    describeRoute({
      tags: ['imports'],
      summary: 'Commit an upload in parts',
      description:
        'Makes an awards file sent in parts count: the cube change is built in ' +
        'slices and made visible at once. Editors (a scoped editor: their own ' +
        'upload).',
      responses: {
        201: { description: 'Committed', content: json(batchAnswer) },
        200: { description: 'The same parts were already committed', content: json(duplicateAnswer) },
        ...AUTH_ERRORS,
        404: refusal('No such batch'),
        409: refusal('Not an upload in parts in progress, or rolled back while being committed'),
      },
    }),
    async (c) => {
      const id = Number(c.req.param('id'));
      const refused = await notOwn(c.env.DB, c.get('cost'), identityOf(c), id);
      if (refused) return c.json(refused.body, refused.status);
      const result = await commitParts(c.env.DB, c.get('cost'), id);
      if ('error' in result) return c.json({ error: result.error, error_vi: result.error_vi }, result.status);
      if (!result.duplicate_of)
        await recordAudit(c.env.DB, {
          actor: actorOf(identityOf(c)),
          action: 'import',
          target: `batch ${id}`,
          detail: { dataset: 'awards', parts: true },
        });
      return c.json(result, result.duplicate_of ? 200 : 201);
    },
  )
  .delete(
    '/:id{[0-9]+}',
    describeRoute({
      tags: ['imports'],
      summary: 'Roll a batch back',
      description:
        'Removes everything the batch added; every aggregate follows. Cancels ' +
        'an import still running. Finishes a rollback a crash interrupted. ' +
        'Editors (a scoped editor: their own batches).',
      responses: {
        200: { description: 'Rolled back (or cancelled)', content: json(batchAnswer) },
        ...AUTH_ERRORS,
        404: refusal('No such batch'),
        409: refusal(
          'Already rolled back, being committed or rolled back by another ' +
            'request, or reference data other batches still use',
        ),
      },
    }),
    async (c) => {
      const id = Number(c.req.param('id'));
      const refused = await notOwn(c.env.DB, c.get('cost'), identityOf(c), id);
      if (refused) return c.json(refused.body, refused.status);
      const result = await rollbackBatch(c.env.DB, c.get('cost'), id, actorOf(identityOf(c)));
      if ('error' in result) return c.json({ error: result.error, error_vi: result.error_vi }, result.status);
      await recordAudit(c.env.DB, {
        actor: actorOf(identityOf(c)),
        action: 'rollback',
        target: `batch ${id}`,
        detail: { dataset: result.batch.dataset, rows: result.batch.rows },
      });
      return c.json(result);
    },
  );
