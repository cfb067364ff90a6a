import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/identity';
import { DATASETS } from '../domain/enums';
import type { AppEnv } from '../env';
import { ownBatch } from '../imports/access';
import { LIST_FIELDS } from '../imports/listFields';
import { identityOf, need } from '../middleware/requireRole';
import { listUploads } from '../queries/uploads/uploads';
import { cancelUpload } from '../uploads/cancel';
import { complete, ownUpload, receive, receivePart, type UploadQuery } from '../uploads/receive';
import { viewUpload } from '../uploads/view';
import { badRequest } from '../validation/hook';
import {
  completeQuery,
  partAnswer,
  partParam,
  uploadAnswer,
  uploadId,
  uploadList,
  uploadQuery,
} from '../validation/uploads';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

// Big files: to R2, then the import Workflow (worker/uploads/, worker/workflows/). The
// one-request POST /imports/{dataset} stays for small files and scripts.

const datasetParam = z.strictObject({
  dataset: z.enum(DATASETS, {
    error: (iss) => `unknown dataset '${String(iss.input)}', expected one of ${DATASETS.join(', ')}`,
  }),
});
const defaultsOf = (q: Record<string, string | undefined>) =>
  Object.fromEntries(LIST_FIELDS.filter((k) => q[k] !== undefined).map((k) => [k, q[k]!]));
const asQuery = (q: Record<string, string | undefined>): UploadQuery => ({
  filename: q.filename,
  multipart: q.multipart as '1' | undefined,
  class_from_position: q.class_from_position as '0' | '1' | undefined,
  defaults: defaultsOf(q),
});

export const uploadsRoutes = new Hono<AppEnv>()
  .use(need('editor', { en: 'imports', vi: 'nhập dữ liệu' }))
  .get(
    '/',
    describeRoute({
      tags: ['uploads'],
      summary: 'Recent uploads',
      description: 'The last 20 big-file imports, newest first (a scoped editor: their own). Editors.',
      responses: { 200: { description: 'OK', content: json(uploadList) }, ...AUTH_ERRORS },
    }),
    async (c) => {
      const cost = c.get('cost');
      const own = (await listUploads(c.env.DB, cost, 20)).filter((u) => ownBatch(identityOf(c), u));
      return c.json({ uploads: await Promise.all(own.map((u) => viewUpload(c.env.DB, cost, u))) });
    },
  )
  .post(
    '/:dataset{[a-z_]+}',
    describeRoute({
      tags: ['uploads'],
      summary: 'Upload a big file',
      description:
        'The file (CSV up to 100 MB, XLSX or JSON up to 25 MB, with Content-Length) is streamed into R2 and ' +
        'imported by a Workflow in durable steps: read, checked and staged, then committed in slices. ' +
        'Follow it with GET /uploads/{id}. multipart=1 (no body) opens a multipart upload for CSV files ' +
        'over 100 MB. Awards only. Editors.',
      responses: {
        202: { description: 'Received; the Workflow is started', content: json(uploadAnswer) },
        201: { description: 'A multipart upload opened (multipart=1)', content: json(uploadAnswer) },
        400: err('A bad parameter, an empty body, or a dataset other than awards'),
        ...AUTH_ERRORS,
        411: err('No Content-Length'),
        413: err('Over 100 MB (CSV) or 25 MB (XLSX, JSON)'),
        415: err('Another content type'),
      },
    }),
    validator('param', datasetParam, badRequest),
    validator('query', uploadQuery, badRequest),
    async (c) => {
      const q = asQuery(c.req.valid('query') as Record<string, string | undefined>);
      const u = await receive(c.env, c.get('cost'), c.req.raw, c.req.valid('param').dataset, q, identityOf(c));
      return c.json({ upload: await viewUpload(c.env.DB, c.get('cost'), u) }, q.multipart ? 201 : 202);
    },
  )
  .put(
    '/:id/parts/:n',
    describeRoute({
      tags: ['uploads'],
      summary: 'One part of a multipart upload',
      description:
        'The body (with Content-Length, at most 100 MB) is part n of the file. Every part but the last has ' +
        'the same size, at least 5 MiB. A part sent again replaces the first copy.',
      responses: {
        200: { description: 'Stored', content: json(partAnswer) },
        400: err('A bad id or part number, or an empty body'),
        ...AUTH_ERRORS,
        404: err('No such upload'),
        409: err('The upload is not receiving parts'),
        411: err('No Content-Length'),
        413: err('Over 100 MB'),
      },
    }),
    validator('param', partParam, badRequest),
    async (c) => {
      const { id, n } = c.req.valid('param');
      const u = await ownUpload(c.env.DB, c.get('cost'), identityOf(c), id);
      return c.json(await receivePart(c.env, u, n, c.req.raw));
    },
  )
  .post(
    '/:id/complete',
    describeRoute({
      tags: ['uploads'],
      summary: 'Finish a multipart upload',
      description:
        'Puts the parts together in R2 and starts the import Workflow. The list fields and ' +
        'class_from_position go here, as on POST /imports/{dataset}.',
      responses: {
        202: { description: 'The Workflow is started', content: json(uploadAnswer) },
        400: err('A bad id or parameter'),
        ...AUTH_ERRORS,
        404: err('No such upload'),
        409: err('Not receiving parts, a part missing, or parts of unequal sizes'),
      },
    }),
    validator('param', uploadId, badRequest),
    validator('query', completeQuery, badRequest),
    async (c) => {
      const cost = c.get('cost');
      const u = await ownUpload(c.env.DB, cost, identityOf(c), c.req.valid('param').id);
      const q = asQuery(c.req.valid('query') as Record<string, string | undefined>);
      const done = await complete(c.env, cost, u, identityOf(c), q);
      return c.json({ upload: await viewUpload(c.env.DB, cost, done) }, 202);
    },
  )
  .get(
    '/:id',
    describeRoute({
      tags: ['uploads'],
      summary: 'Progress of an upload',
      description:
        'Stage, rows read and checked, problems so far, the commit progress; when it ended with problems, ' +
        'the same errors and error_groups as a one-request 422 in `result`. Editors (scoped: their own).',
      responses: {
        200: { description: 'OK', content: json(uploadAnswer) },
        400: err('Not an upload id'),
        ...AUTH_ERRORS,
        404: err('No such upload'),
      },
    }),
    validator('param', uploadId, badRequest),
    async (c) => {
      const cost = c.get('cost');
      const u = await ownUpload(c.env.DB, cost, identityOf(c), c.req.valid('param').id);
      return c.json({ upload: await viewUpload(c.env.DB, cost, u) });
    },
  )
  .delete(
    '/:id',
    describeRoute({
      tags: ['uploads'],
      summary: 'Cancel an upload',
      description:
        'Stops the import before its batch counts: nothing of it reaches the totals. Once the commit made ' +
        'the batch count it is too late (409): roll the batch back with DELETE /imports/{id}.',
      responses: {
        200: { description: 'Cancelled', content: json(uploadAnswer) },
        400: err('Not an upload id'),
        ...AUTH_ERRORS,
        404: err('No such upload'),
        409: err('Already cancelled, already imported, or ended'),
      },
    }),
    validator('param', uploadId, badRequest),
    async (c) => {
      const cost = c.get('cost');
      const who = identityOf(c);
      const u = await ownUpload(c.env.DB, cost, who, c.req.valid('param').id);
      const cancelled = await cancelUpload(c.env, cost, u, actorOf(who));
      return c.json({ upload: await viewUpload(c.env.DB, cost, cancelled) });
    },
  );
