import type { Identity } from '../auth/identity';
import { actorOf } from '../auth/identity';
import type { ReadCost } from '../db/run';
import type { Dataset } from '../domain/enums';
import type { Bindings } from '../env';
import { ApiError, badParameter, conflict, notFound } from '../errors';
import { importRight, ownBatch } from '../imports/access';
import { DATASET_DEFS } from '../imports/datasets';
import { MAX_BUFFERED_BYTES } from '../imports/sources/buffered';
import { loadGeography } from '../queries/geography';
import {
  addUploadPart,
  createUpload,
  getUpload,
  markQueued,
  setProgress,
  uploadParts,
  type Upload,
} from '../queries/uploads/uploads';
import { MAX_UPLOAD_BYTES } from '../middleware/requestLimit';
import { uploadKey, type ImportParams } from '../workflows/params';

// A big file goes to R2 first, then the import Workflow takes it (worker/workflows/). A Worker
// request body is at most 100 MB on the Free and Pro plans (200 MB Business, 500 MB Enterprise),
// so a file up to that size is one POST streamed straight into R2; a larger one is an R2
// multipart upload: parts of the same size (at least 5 MiB, the last smaller), each one request.

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** R2: every part but the last at least 5 MiB; at most 10,000 parts. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
export const MAX_PARTS = 10_000;

export interface UploadQuery {
  filename?: string;
  multipart?: '1';
  class_from_position?: '0' | '1';
  defaults: Record<string, string>;
}

const mb = (n: number) => `${n / 1024 / 1024} MB`;

function contentTypeOf(req: Request): string {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (CSV_TYPES.includes(type) || type === XLSX_TYPE || type === 'application/json') return type;
  throw new ApiError(415, {
    error: `Unsupported Content-Type '${type || '(none)'}': send text/csv, application/json or ${XLSX_TYPE}`,
    error_vi: `Content-Type '${type || '(không có)'}' không được hỗ trợ: hãy gửi tệp CSV, Excel (.xlsx) hoặc JSON`,
  });
}

/** The declared length of a body R2 is to store (R2 needs it to stream a body through). */
function lengthOf(req: Request, max: number, hint: { en: string; vi: string }): number {
  const header = req.headers.get('content-length');
  if (header === null || !/^\d+$/.test(header))
    throw new ApiError(411, {
      error: 'Content-Length is required: the file is streamed into storage, which needs its size',
      error_vi: 'Cần Content-Length: tệp được chuyển thẳng vào kho lưu trữ, kho cần biết kích thước tệp',
    });
  const n = Number(header);
  if (n === 0) throw new ApiError(400, { error: 'the file is empty', error_vi: 'tệp trống' });
  if (n > max)
    throw new ApiError(413, {
      error: `Request body too large: at most ${mb(max)}; ${hint.en}`,
      error_vi: `Nội dung gửi lên quá lớn: tối đa ${mb(max)}; ${hint.vi}`,
    });
  return n;
}

function checkRight(who: Identity, dataset: Dataset, geo: Awaited<ReturnType<typeof loadGeography>>) {
  if (!DATASET_DEFS[dataset].staged)
    throw badParameter('dataset', {
      en: 'only awards files are imported through an upload; other datasets fit one request',
      vi: 'chỉ tệp khen thưởng mới nhập qua tải lên; các loại dữ liệu khác gửi một lần',
    });
  const right = importRight(who, dataset, geo);
  if ('refused' in right)
    throw new ApiError(403, {
      error: `Forbidden: ${right.refused}`,
      error_vi: `Không có quyền: ${right.refused_vi}`,
      ...(right.role ? { required_role: right.role } : {}),
    });
}

const paramsOf = (id: string, who: Identity, q: UploadQuery): ImportParams => ({
  uploadId: id,
  key: uploadKey(id),
  who,
  defaults: q.defaults,
  classFromPosition: q.class_from_position === '1',
});

async function startWorkflow(env: Bindings, id: string, params: ImportParams): Promise<void> {
  try {
    await env.IMPORT_WORKFLOW.create({ id, params });
  } catch (e) {
    await setProgress(env.DB, id, {
      stage: 'failed',
      result: { error: 'the import could not be started', error_vi: 'không khởi động được việc nhập dữ liệu' },
    });
    throw e;
  }
}

/**
 * POST /uploads: the whole file in the body, streamed into R2, then the Workflow started; or,
 * with multipart=1 and no body, an R2 multipart upload opened for parts to come.
 */
export async function receive(
  env: Bindings,
  cost: ReadCost,
  req: Request,
  dataset: Dataset,
  q: UploadQuery,
  who: Identity,
): Promise<Upload> {
  checkRight(who, dataset, await loadGeography(env.DB, cost));
  const type = contentTypeOf(req);
  const id = crypto.randomUUID();
  const base = { id, dataset, filename: q.filename ?? null, content_type: type, created_by: actorOf(who) };
  if (q.multipart === '1') {
    if (type !== 'text/csv' && !CSV_TYPES.includes(type))
      throw badParameter('multipart', {
        en: `only CSV files go in parts; XLSX and JSON are at most ${mb(MAX_BUFFERED_BYTES)}`,
        vi: `chỉ tệp CSV mới gửi theo phần; tệp Excel và JSON tối đa ${mb(MAX_BUFFERED_BYTES)}`,
      });
    const mpu = await env.UPLOADS.createMultipartUpload(uploadKey(id), { httpMetadata: { contentType: type } });
    await createUpload(env.DB, { ...base, size: 0, stage: 'receiving', multipart_id: mpu.uploadId });
    return (await getUpload(env.DB, cost, id))!;
  }
  const max = type === XLSX_TYPE || type === 'application/json' ? MAX_BUFFERED_BYTES : MAX_UPLOAD_BYTES;
  const size = lengthOf(req, max, {
    en: 'send a larger CSV file as a multipart upload (multipart=1)',
    vi: 'tệp CSV lớn hơn hãy gửi theo từng phần (multipart=1)',
  });
  await env.UPLOADS.put(uploadKey(id), req.body, { httpMetadata: { contentType: type } });
  await createUpload(env.DB, { ...base, size, stage: 'queued', multipart_id: null });
  await startWorkflow(env, id, paramsOf(id, who, q));
  return (await getUpload(env.DB, cost, id))!;
}

/** An upload the caller may see: theirs, or any for an editor without a scope. */
export async function ownUpload(db: D1Database, cost: ReadCost, who: Identity, id: string): Promise<Upload> {
  const u = await getUpload(db, cost, id);
  if (!u || !ownBatch(who, u)) throw notFound({ en: `no upload ${id}`, vi: `không có lần tải lên ${id}` });
  return u;
}

const notReceiving = (u: Upload) =>
  conflict({
    en: `upload ${u.id} is not a multipart upload receiving parts (stage ${u.stage})`,
    vi: `lần tải lên ${u.id} không phải lần tải lên theo phần đang nhận (giai đoạn ${u.stage})`,
  });

/** PUT /uploads/{id}/parts/{n}: one part streamed into the R2 multipart upload. */
export async function receivePart(env: Bindings, u: Upload, part: number, req: Request) {
  if (u.stage !== 'receiving' || !u.multipart_id) throw notReceiving(u);
  if (part > MAX_PARTS)
    throw badParameter('part', { en: `at most ${MAX_PARTS} parts`, vi: `tối đa ${MAX_PARTS} phần` });
  const size = lengthOf(req, MAX_UPLOAD_BYTES, {
    en: 'make the parts smaller',
    vi: 'hãy chia thành các phần nhỏ hơn',
  });
  const mpu = env.UPLOADS.resumeMultipartUpload(uploadKey(u.id), u.multipart_id);
  const uploaded = await mpu.uploadPart(part, req.body!);
  await addUploadPart(env.DB, u.id, part, uploaded.etag, size);
  return { part, size };
}

/** POST /uploads/{id}/complete: the parts put together in R2, then the Workflow started. */
export async function complete(env: Bindings, cost: ReadCost, u: Upload, who: Identity, q: UploadQuery) {
  if (u.stage !== 'receiving' || !u.multipart_id) throw notReceiving(u);
  const parts = await uploadParts(env.DB, cost, u.id);
  const gap = parts.findIndex((p, i) => p.part !== i + 1);
  if (!parts.length || gap !== -1) {
    const missing =
      gap === -1
        ? { en: 'none was sent', vi: 'chưa có phần nào' }
        : { en: `part ${gap + 1} is missing`, vi: `thiếu phần ${gap + 1}` };
    throw conflict({
      en: `upload ${u.id}: parts must be numbered 1, 2, 3… without gaps (${missing.en})`,
      vi: `lần tải lên ${u.id}: các phần phải đánh số 1, 2, 3… liên tục (${missing.vi})`,
    });
  }
  const small = parts.slice(0, -1).find((p) => p.size < MIN_PART_BYTES || p.size !== parts[0].size);
  if (small)
    throw conflict({
      en: `part ${small.part}: every part but the last must have the same size, at least ${mb(MIN_PART_BYTES)}`,
      vi: `phần ${small.part}: mọi phần trừ phần cuối phải cùng kích thước, tối thiểu ${mb(MIN_PART_BYTES)}`,
    });
  const mpu = env.UPLOADS.resumeMultipartUpload(uploadKey(u.id), u.multipart_id);
  await mpu.complete(parts.map((p) => ({ partNumber: p.part, etag: p.etag })));
  const size = parts.reduce((n, p) => n + p.size, 0);
  if (!(await markQueued(env.DB, u.id, size))) throw notReceiving((await getUpload(env.DB, cost, u.id))!);
  await startWorkflow(env, u.id, paramsOf(u.id, who, q));
  return (await getUpload(env.DB, cost, u.id))!;
}
