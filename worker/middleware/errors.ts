import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { ApiError, STATUS_VI } from '../errors';

/** Every error leaves as JSON with a message a person can act on, in both languages; details stay in the log. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) return c.json(err.body, err.status, err.headers);
  if (err instanceof HTTPException) {
    // raised by Hono itself (a malformed body, say): English only, so a Vietnamese heading is added
    const res = err.getResponse();
    const message = err.message || res.statusText || 'Request failed';
    return c.json(
      { error: message, error_vi: `${STATUS_VI[err.status] ?? 'Yêu cầu không thực hiện được'} (${message})` },
      err.status,
    );
  }
  console.error(`${c.req.method} ${new URL(c.req.url).pathname} failed:`, err);
  return c.json(
    {
      error: 'Internal error: the request could not be completed. Nothing was changed.',
      error_vi: 'Lỗi máy chủ: yêu cầu chưa thực hiện được, không có gì bị thay đổi.',
    },
    500,
  );
};

export const notFound: NotFoundHandler<AppEnv> = (c) => {
  const what = `${c.req.method} ${new URL(c.req.url).pathname}`;
  return c.json({ error: `Not found: ${what}`, error_vi: `Không tìm thấy: ${what}` }, 404);
};
