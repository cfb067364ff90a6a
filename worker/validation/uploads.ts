import { z } from 'zod';
import { BATCH_STATUSES, UPLOAD_STAGES } from '../db/schema';
import { DATASETS } from '../domain/enums';
import { LIST_FIELDS } from '../imports/listFields';

// Requests and answers of /api/v1/uploads (big files through R2 and the import Workflow).

export const uploadQuery = z.strictObject({
  filename: z.string().max(200).optional(),
  multipart: z
    .enum(['1'])
    .optional()
    .describe('1: open an R2 multipart upload (no body); the parts follow with PUT, then POST …/complete'),
  class_from_position: z.enum(['0', '1']).optional(),
  ...Object.fromEntries(LIST_FIELDS.map((k) => [k, z.string().min(1).max(300).optional()])),
});

export const completeQuery = z.strictObject({
  class_from_position: z.enum(['0', '1']).optional(),
  ...Object.fromEntries(LIST_FIELDS.map((k) => [k, z.string().min(1).max(300).optional()])),
});

export const uploadId = z.strictObject({ id: z.uuid({ error: 'expected an upload id (a UUID)' }) });
export const partParam = uploadId.extend({
  n: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, 'expected a part number from 1 to 10000')
    .transform(Number),
});

export const upload = z.object({
  id: z.string().describe('Also the id of the import Workflow instance'),
  dataset: z.enum(DATASETS),
  filename: z.string().nullable(),
  size: z.number().int().describe('Bytes received'),
  stage: z
    .enum(UPLOAD_STAGES)
    .describe(
      'receiving (parts) → queued → reading (read, checked, staged) → committing → cleanup → done; or invalid, ' +
        'duplicate, cancelled, failed',
    ),
  rows_read: z.number().int().describe('Records read so far'),
  rows_checked: z.number().int().describe('Data rows checked so far'),
  errors: z.number().int().describe('Problems found so far'),
  batch_id: z.number().int().nullable().describe('The import batch the rows are staged into'),
  batch_status: z.enum(BATCH_STATUSES).nullable(),
  progress: z.number().nullable().describe("While committing: the part of the batch's cube change done, 0 to 1"),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  cancelled_at: z.string().nullable(),
  cancelled_by: z.string().nullable(),
  can_cancel: z.boolean().describe('Still running and not yet counted: DELETE cancels it'),
  result: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe(
      'invalid: the body a one-request import answers with 422 (errors, error_groups, …); duplicate: ' +
        'duplicate_of and batch; done: warnings and class_suggestions if any; failed: error, error_vi',
    ),
});

export const uploadAnswer = z.object({ upload });
export const uploadList = z.object({ uploads: z.array(upload) });
export const partAnswer = z.object({ part: z.number().int(), size: z.number().int() });
