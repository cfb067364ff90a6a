import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiError, type Text } from '../errors';

// Requests other than file uploads carry small JSON bodies; anything larger is refused before
// it is read. Uploads may be as large as Cloudflare accepts (100 MB on Free and Pro plans).
export const MAX_JSON_BYTES = 64 * 1024;
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const size = (max: number) => (max >= 1024 * 1024 ? `${max / 1024 / 1024} MB` : `${max / 1024} KB`);
const tooLarge = (max: number, hint?: Text) =>
  new ApiError(413, {
    error: `Request body too large: at most ${size(max)}${hint ? `; ${hint.en}` : ''}`,
    error_vi: `Nội dung gửi lên quá lớn: tối đa ${size(max)}${hint ? `; ${hint.vi}` : ''}`,
  });

const smallBodies = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: () => {
    throw tooLarge(MAX_JSON_BYTES);
  },
});

export const requestLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  // big files go to R2 (routes/uploads.ts), which checks their declared length itself
  if (/^\/api\/v1\/uploads\/([a-z_]+|[0-9a-f-]{36}\/parts\/\d+)$/.test(c.req.path)) return next();
  if (/^\/api\/v1\/imports\/[a-z_]+$/.test(c.req.path)) {
    // uploads stream; a declared length says early whether it can fit
    if (Number(c.req.header('Content-Length') ?? 0) > MAX_UPLOAD_BYTES)
      throw tooLarge(MAX_UPLOAD_BYTES, {
        en: 'send larger award lists in parts',
        vi: 'hãy gửi danh sách khen thưởng lớn hơn thành nhiều phần',
      });
    return next();
  }
  return smallBodies(c, next);
});
