import type { Context } from 'hono';
import { badParameter } from '../errors';

// Standard Schema issues; zod adds `code` and, for unknown keys, `keys`.
type Issue = {
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  code?: string;
  keys?: string[];
};
type Result = { success: true } | { success: false; error: readonly Issue[] };

/** Validator hook: a 400 whose message names the first offending parameter. */
export function badRequest(result: Result, _c: Context) {
  if (result.success) return;
  const issue = result.error[0];
  const first = issue.path?.[0];
  const key = typeof first === 'object' && first !== null ? first.key : first;
  const unknownKeys = issue.code === 'unrecognized_keys' && issue.keys?.length;
  const parameter = unknownKeys ? issue.keys!.join(', ') : key === undefined ? 'query' : String(key);
  if (unknownKeys) throw badParameter(parameter, { en: 'unknown parameter', vi: 'tham số không được hỗ trợ' });
  // zod's messages are English; the Vietnamese says which parameter and keeps the detail
  throw badParameter(parameter, { en: issue.message, vi: `giá trị không hợp lệ (${issue.message})` });
}
