import type { Context } from 'hono';
import type { z } from 'zod';

type Result = { success: boolean; error?: { issues: z.core.$ZodIssue[] } };

/** zValidator hook: a 400 whose message names the first offending parameter. */
export function badRequest(result: Result, c: Context) {
  if (result.success || !result.error) return;
  const issue = result.error.issues[0];
  const parameter =
    issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? 'query');
  const message = issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message;
  return c.json({ error: `${parameter}: ${message}`, parameter }, 400);
}
