import { noteFailure } from './credentialCache';
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { isLocalDev } from './deployment';
import type { FailureRow } from '../queries/auth/failures';
import { recordFailure } from '../queries/auth/failures';
import { ApiError, unauthorized, type Text } from '../errors';

// Failed credential checks (wrong or expired API tokens, bad sign-in links, rejected Access
// JWTs) are counted per client address; past the limit, every API token, sign-in link and Access
// JWT from that address (ADMIN_TOKEN too) is refused with 429 until the window ends, right ones
// included, so guessing gains nothing.
export const FAILURE_LIMIT = 10;
export const FAILURE_WINDOW_SECONDS = 15 * 60;

/**
 * Deployed, Cloudflare sets CF-Connecting-IP (clients cannot). Under `npm start` the header is
 * the client's own text, so it is ignored: everything on this machine is one client.
 */
export const clientOf = (c: Context<AppEnv>) =>
  isLocalDev(c.env) ? 'local' : (c.req.header('CF-Connecting-IP') ?? 'unknown');

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Seconds until the client may try again, or 0 if it is not blocked. */
export function blockedFor(row: FailureRow | null, now = nowSeconds()): number {
  if (!row || row.count < FAILURE_LIMIT) return 0;
  const left = row.window_start + FAILURE_WINDOW_SECONDS - now;
  return Math.max(left, 0);
}

export function tooManyFailures(c: Context<AppEnv>, retryAfter: number): ApiError {
  const minutes = Math.ceil(retryAfter / 60);
  // locally npm start forgets the failures when it starts again (scripts/start.ts)
  const local = isLocalDev(c.env);
  return new ApiError(
    429,
    {
      error:
        `Too many failed sign-in attempts from this address: try again in ` +
        `${minutes} min${local ? ', or restart npm start' : ''}`,
      error_vi:
        `Có quá nhiều lần đăng nhập sai từ địa chỉ này: hãy thử lại sau ` +
        `${minutes} phút${local ? ', hoặc khởi động lại npm start' : ''}`,
    },
    { 'Retry-After': String(retryAfter) },
  );
}

/** Counts a failure: the refusal is a 401 with the reason, or a 429 once the limit is reached. */
export async function refuse(c: Context<AppEnv>, reason: Text): Promise<ApiError> {
  noteFailure(clientOf(c), FAILURE_WINDOW_SECONDS * 1000);
  const row = await recordFailure(c.env.DB, c.get('cost'), clientOf(c), nowSeconds(), FAILURE_WINDOW_SECONDS);
  const wait = blockedFor(row);
  if (wait) return tooManyFailures(c, wait);
  return unauthorized(reason);
}
