import { z } from 'zod';
import { BATCH_STATUSES } from '../db/schema';
import { DATASETS } from '../domain/enums';

// Response shapes of /api/v1/imports: the OpenAPI document is generated from them.

export const importBatch = z.object({
  id: z.number().int(),
  dataset: z.enum(DATASETS),
  filename: z.string().nullable(),
  format: z.string(),
  content_hash: z.string().describe('SHA-256 of the file (of the list of part hashes for an upload in parts)'),
  rows: z.number().int(),
  created_by: z.string(),
  created_at: z.string(),
  status: z
    .enum(BATCH_STATUSES)
    .describe(
      'staging → committing → committed → rolling_back → rolled_back; only ' +
        'committed (and rolling_back until its flip) count',
    ),
  rolled_back_at: z.string().nullable(),
  rolled_back_by: z.string().nullable(),
  progress: z
    .number()
    .nullable()
    .describe('While committing or rolling back: the part of the cube change done, 0 to 1'),
  busy: z.boolean().describe('A request is working on the batch (commit, rollback or clean-up): a DELETE now is a 409'),
});

const where = {
  sheet_row: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe('The row as the spreadsheet numbers it (title rows and header counted); null if unknown'),
  header: z.string().nullable().optional().describe("The column's header as the file writes it"),
};

const warning = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
  message_vi: z.string(),
  ...where,
});

// present only when there are some, so answers without them stay as they were
const notes = {
  warnings: z.array(warning).optional().describe('What was accepted but deserves a look (at most 1,000)'),
  class_suggestions: z
    .array(
      z.object({
        position: z.string().describe('The Chức vụ as the file writes it (the first spelling met)'),
        class: z.string().nullable().describe('The class the keyword rules suggest; null when no rule matches'),
        count: z.number().int(),
      }),
    )
    .optional()
    .describe('Per distinct Chức vụ, the suggested recipient class (applied only with class_from_position=1)'),
};

export const batchList = z.object({ batches: z.array(importBatch) });
export const batchAnswer = z.object({ batch: importBatch, ...notes });
export const duplicateAnswer = z.object({ batch: importBatch, duplicate_of: z.number().int(), ...notes });
export const dryRunAnswer = z.object({
  dry_run: z.literal(true),
  batch: z.object({ id: z.null(), dataset: z.enum(DATASETS), rows: z.number().int() }),
  ...notes,
});
export const partAnswer = z.object({ batch: importBatch, part: z.number().int(), ...notes });

const bilingual = { error: z.string(), error_vi: z.string().optional() };
export const importRefusal = z.object(bilingual).describe('What went wrong, in English and Vietnamese');
export const cancelledAnswer = z
  .object({ ...bilingual, batch: importBatch })
  .describe('A DELETE cancelled the import while it ran; nothing of it counts');

/** One problem of a file, with how many rows have it (the import's `error_groups`). */
export const errorGroup = z.object({
  column: z.string().nullable(),
  header: z.string().nullable().describe("The column's header as the file writes it"),
  value: z.string().nullable(),
  message: z.string(),
  message_vi: z.string(),
  count: z.number().int().describe('Rows with this problem, over the whole file'),
  rows: z.array(z.number().int()).describe('The first five data rows'),
  sheet_rows: z.array(z.number().int().nullable()).describe('The same rows as the spreadsheet numbers them'),
  candidates: z
    .array(z.object({ code: z.string(), name: z.string() }))
    .optional()
    .describe('An unknown or ambiguous unit name: the units it may mean, ranked (POST /imports/aliases remembers one)'),
});
export type ErrorGroup = z.infer<typeof errorGroup>;

export const rowErrors = z.object({
  ...bilingual,
  errors: z.array(
    z.object({
      row: z.number().int().describe('1-based data row; 0 = the header'),
      column: z.string().nullable(),
      value: z.string().nullable().describe('The cell, cut to 200 characters'),
      value_length: z.number().int().optional().describe('The length of the whole cell, when `value` was cut'),
      message: z.string(),
      message_vi: z.string(),
      ...where,
    }),
  ),
  total: z.number().int(),
  errors_truncated: z.boolean(),
  rows: z.number().int(),
  error_groups: z
    .array(errorGroup)
    .describe('Every error of the file grouped by column, value and message, largest first'),
  error_groups_truncated: z.boolean().describe('More than 1,000 distinct problems: the rest count only in `total`'),
  ...notes,
});

export const breakdownAnswer = z.object({
  batch: z.number().int(),
  rows: z.array(
    z.object({
      unit: z.string(),
      unit_name: z.string(),
      award: z.string(),
      award_name: z.string(),
      count: z.number().describe('Sum of the quantities of the batch rows'),
    }),
  ),
  truncated: z.boolean().describe('More than 500 unit and award pairs: the largest 500 are listed'),
});

export const consistencyAnswer = z.object({
  ok: z.boolean(),
  cuboids: z.array(z.object({ id: z.number().int(), mismatched_keys: z.number().int() })),
  non_positive_keys: z.number().int(),
  committed_awards: z.number().int(),
  committed_quantity: z.number(),
  today: z
    .object({
      phase: z.string().describe('stale, clearing, kernel, filling or ready; checked only when ready'),
      kernel_mismatches: z.number().int(),
      cuboids: z.array(z.object({ id: z.number().int(), mismatched_keys: z.number().int() })),
    })
    .describe("award_cube_today (as_of on today's units) against award_cube and the current geography"),
  unit_years: z
    .array(z.object({ source: z.enum(['cube', 'today']), mismatched_years: z.number().int() }))
    .describe('Cuboid 0 packed by unit (one row per unit, its years in JSON) against award_cube and award_cube_today'),
});
