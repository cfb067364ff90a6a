import { z } from 'zod';
import { badParameter, type Text } from '../errors';

/** A request parameter that is well-formed but names codes that do not exist. */
export const unknownCode = (parameter: string, codes: string[], what: Text = { en: 'code', vi: 'mã' }) => {
  const list = codes.map((m) => `'${m}'`).join(', ');
  return badParameter(parameter, { en: `unknown ${what.en} ${list}`, vi: `không có ${what.vi} ${list}` });
};

const commaList = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()))
  .refine((list) => list.every((v) => v.length > 0), 'empty item in the comma list');

/** One value or a comma list, each from a fixed set. */
export function enumList<const T extends readonly [string, ...string[]]>(values: T) {
  return commaList.pipe(
    z.array(
      z.enum(values, { error: (iss) => `unknown value '${String(iss.input)}', expected one of ${values.join(', ')}` }),
    ),
  );
}

/** One code or a comma list of codes; existence is checked against the database later. */
export const codeList = commaList.pipe(z.array(z.string().max(64, 'code too long')).max(500, 'too many codes'));

export const year = z
  .string()
  .regex(/^\d{4}$/, 'expected a four-digit year')
  .transform(Number);

/** Any table as a download (contract, "Files out"). */
export const fileParams = {
  format: z
    .enum(['json', 'csv', 'xlsx'], {
      error: (iss) => `unknown value '${String(iss.input)}', expected one of json, csv, xlsx`,
    })
    .optional()
    .describe('json (default), or csv / xlsx: the same rows as a download'),
  lang: z
    .enum(['vi', 'en'], { error: (iss) => `unknown value '${String(iss.input)}', expected vi or en` })
    .optional()
    .describe(
      'Language of a file: headers in words and, for counts by year and one dimension or by one dimension, ' +
        "the card's table. Without it the file has the contract's column names (names beside codes in Vietnamese)",
    ),
  layout: z
    .enum(['table', 'long'], { error: (iss) => `unknown value '${String(iss.input)}', expected table or long` })
    .optional()
    .describe("With lang: `table` (default) the card's table, `long` one row per group"),
};
