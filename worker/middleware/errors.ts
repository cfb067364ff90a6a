import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { OutOfScope } from '../queries/scope';
import { BadParameter } from '../validation/params';

/** Every error leaves as JSON with a message a person can act on; details stay in the log. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof BadParameter) return c.json({ error: err.message, parameter: err.parameter }, 400);
  if (err instanceof OutOfScope) return c.json({ error: `${err.parameter}: ${err.message}`, parameter: err.parameter }, 403);
  if (err instanceof HTTPException) {
    const res = err.getResponse();
    if (res.headers.get('content-type')?.includes('application/json')) return res;
    return c.json({ error: err.message || res.statusText || 'Request failed' }, err.status);
  }
  console.error(`${c.req.method} ${new URL(c.req.url).pathname} failed:`, err);
  return c.json({ error: 'Internal error: the request could not be completed. Nothing was changed.' }, 500);
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  c.json({ error: `Not found: ${c.req.method} ${new URL(c.req.url).pathname}` }, 404);
