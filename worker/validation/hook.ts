import type { Context } from 'hono';

// Standard Schema issues; zod adds `code` and, for unknown keys, `keys`.
type Issue = { message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; code?: string; keys?: string[] };
type Result = { success: true } | { success: false; error: readonly Issue[] };

/** Validator hook: a 400 whose message names the first offending parameter. */
export function badRequest(result: Result, c: Context) {
  if (result.success) return;
  const issue = result.error[0];
  const first = issue.path?.[0];
  const key = typeof first === 'object' && first !== null ? first.key : first;
  const unknownKeys = issue.code === 'unrecognized_keys' && issue.keys?.length;
  const parameter = unknownKeys ? issue.keys!.join(', ') : key === undefined ? 'query' : String(key);
  const message = unknownKeys ? 'unknown parameter' : issue.message;
  return c.json({ error: `${parameter}: ${message}`, parameter }, 400);
}
