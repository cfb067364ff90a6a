import { z } from 'zod';
import { dateParam } from './dates';
import { fileParams, year } from './params';

export const reportParams = z.strictObject({
  form: z.enum(['0601', '0602', '0603'], {
    error: (iss) => `unknown form '${String(iss.input)}', expected 0601, 0602 or 0603`,
  }),
});

export const reportQuery = z.strictObject({
  unit: z.string({ error: 'required: a unit code' }).min(1).max(64).describe('The reporting unit (with its subtree)'),
  year: year.describe('The report year'),
  as_of: dateParam
    .optional()
    .describe(
      'Count on the units that existed on this date (YYYY-MM-DD or ' +
        "DD/MM/YYYY): e.g. the new Hưng Yên's whole 2025 with old Thái Bình's " +
        'first half, as_of=2025-12-31',
    ),
  format: fileParams.format
    .unwrap()
    .exclude(['csv'])
    .optional()
    .describe('json (default) or xlsx, laid out like the form'),
  lang: fileParams.lang.describe('Language of the readable names (default vi)'),
});

export const yearEndQuery = z.strictObject({
  unit: reportQuery.shape.unit,
  year: reportQuery.shape.year,
  as_of: reportQuery.shape.as_of,
  format: z
    .enum(['json', 'docx'], { error: (iss) => `unknown value '${String(iss.input)}', expected json or docx` })
    .optional()
    .describe('json (default): the statistics; docx: the Word report (Decree 30/2020/NĐ-CP format)'),
});
