import { bearerAuth } from 'hono/bearer-auth';
import { createMiddleware } from 'hono/factory';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every write needs `Authorization: Bearer <ADMIN_TOKEN>` (roles and scoped tokens come with
 * access control). Without a configured token the API refuses all writes rather than
 * accepting any.
 */
export const writeAuth = createMiddleware<AppEnv>(async (c, next) => {
  if (READ_METHODS.has(c.req.method)) return next();
  return adminOnly(c, next);
});

/** The admin check itself, for the few reads that are not for everyone (the embed token list). */
export const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  const token = c.env.ADMIN_TOKEN;
  if (!token) return c.json({ error: 'Writes are disabled: the server has no ADMIN_TOKEN configured' }, 503);
  const check = bearerAuth({
    token,
    noAuthenticationHeader: { message: { error: 'Authorization required: send Authorization: Bearer <token>' } },
    invalidAuthenticationHeader: { message: { error: 'Malformed Authorization header: expected Bearer <token>' } },
    invalidToken: { message: { error: 'Invalid token' } },
  }) as unknown as MiddlewareHandler<AppEnv>;
  return check(c, next);
});
