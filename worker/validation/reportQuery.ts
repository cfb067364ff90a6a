import { z } from 'zod';
import { fileParams, year } from './params';

export const reportParams = z.strictObject({
  form: z.enum(['0601', '0602', '0603'], { error: (iss) => `unknown form '${String(iss.input)}', expected 0601, 0602 or 0603` }),
});

export const reportQuery = z.strictObject({
  unit: z.string({ error: 'required: a unit code' }).min(1).max(64).describe('The reporting unit (with its subtree)'),
  year: year.describe('The report year'),
  format: fileParams.format.unwrap().exclude(['csv']).optional().describe('json (default) or xlsx, laid out like the form'),
  lang: fileParams.lang,
});
