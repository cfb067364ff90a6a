import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AccessDenied, verifyAccessJwt } from '../auth/access';
import { refusedSecret, weakSecretMessage, weakSecretMessageVi } from '../auth/deployment';
import { bootstrapAdmin, scopeOf, type Identity } from '../auth/identity';
import {
  cachedCredential,
  credentialKey,
  failedRecently,
  forgetCredentials,
  rememberCredential,
} from '../auth/credentialCache';
import { blockedFor, clientOf, refuse, tooManyFailures } from '../auth/rateLimit';
import { sameSecret, sha256Hex } from '../auth/secrets';
import { clearSession, sessionId } from '../auth/session';
import type { AppEnv } from '../env';
import { findFailures } from '../queries/auth/failures';
import { lookupCredential, type CredentialRow } from '../queries/auth/credentials';
import { touchToken } from '../queries/auth/tokens';
import { findUserByEmail } from '../queries/auth/users';
import { ApiError, unauthorized } from '../errors';

// Every route needs an identity except these: the API description, the sign-in link itself,
// the data of an embed (its signed token is the credential) and a published snapshot (its
// unguessable id is; it holds only numbers its publisher was allowed to see, frozen).
const PUBLIC: [string, RegExp][] = [
  ['GET', /^\/api\/v1\/openapi\.json$/],
  ['GET', /^\/api\/v1\/auth\/sign-in$/],
  // the confirmation of a link opened from another site; it checks its own origin
  ['POST', /^\/api\/v1\/auth\/sign-in$/],
  ['GET', /^\/api\/v1\/embed-data\/[^/]+$/],
  ['GET', /^\/api\/v1\/snapshots\/[^/]+$/],
];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// a change here may revoke a token, end a session, or change a user's role, scope or access:
// this isolate forgets every remembered credential at once (others within CREDENTIAL_TTL_MS)
const CHANGES_CREDENTIALS = /^\/api\/v1\/(tokens|users|auth)(\/|$)/;

const isPublic = (c: Context<AppEnv>) =>
  PUBLIC.some(([m, re]) => (c.req.method === m || (m === 'GET' && c.req.method === 'HEAD')) && re.test(c.req.path));

// Every refusal is thrown (an ApiError, answered by the one error handler).

const tokenIdentity = (row: CredentialRow): Identity => ({
  via: 'api_token',
  userId: row.user_id!,
  email: row.email!,
  role: row.role!,
  scope: scopeOf(row),
  tokenId: row.credential_id,
});

async function byApiToken(c: Context<AppEnv>, token: string): Promise<Identity> {
  const hash = await sha256Hex(token);
  const key = credentialKey('token', hash);
  // a client that failed lately in this isolate is checked against its failure count first
  const known = failedRecently(clientOf(c)) ? undefined : cachedCredential(key);
  // found valid moments ago in this isolate (credentialCache.ts): no round trip; its own
  // expiry still holds
  if (known?.admin) return bootstrapAdmin('admin_token');
  if (known?.row && known.row.expires_at > new Date().toISOString()) return tokenIdentity(known.row);
  // the limit is known before ADMIN_TOKEN is compared: a blocked client learns nothing, even
  // from the right guess
  const { row, failures } = await lookupCredential(c.env.DB, c.get('cost'), 'token', hash, clientOf(c));
  const wait = blockedFor(failures);
  if (wait) throw tooManyFailures(c, wait);
  const admin = c.env.ADMIN_TOKEN;
  if (admin && (await sameSecret(token, admin))) {
    if (refusedSecret(c.env, admin))
      throw new ApiError(503, {
        error: `The bootstrap admin is switched off: ${weakSecretMessage('ADMIN_TOKEN')}`,
        error_vi: `Tài khoản quản trị hệ thống đang bị tắt: ${weakSecretMessageVi('ADMIN_TOKEN')}`,
      });
    rememberCredential(key, null, true);
    return bootstrapAdmin('admin_token');
  }
  const now = new Date().toISOString();
  if (!row?.role) throw await refuse(c, { en: 'Invalid token', vi: 'Mã không hợp lệ' });
  if (row.revoked_at) throw await refuse(c, { en: 'This token was revoked', vi: 'Mã này đã bị thu hồi' });
  if (row.expires_at <= now) {
    const day = row.expires_at.slice(0, 10);
    throw await refuse(c, {
      en: `This token expired on ${day}`,
      vi: `Mã này đã hết hạn ngày ${day.split('-').reverse().join('/')}`,
    });
  }
  if (row.disabled_at)
    throw await refuse(c, { en: 'The user of this token is disabled', vi: 'Người dùng của mã này đã bị vô hiệu hóa' });
  c.executionCtx.waitUntil(touchToken(c.env.DB, row.credential_id, now));
  rememberCredential(key, row, false);
  return tokenIdentity(row);
}

async function byAccess(c: Context<AppEnv>, jwt: string, team: string, aud: string): Promise<Identity> {
  const wait = blockedFor(await findFailures(c.env.DB, c.get('cost'), clientOf(c)));
  if (wait) throw tooManyFailures(c, wait);
  let email: string;
  try {
    email = await verifyAccessJwt(jwt, team, aud);
  } catch (e) {
    if (e instanceof AccessDenied) throw await refuse(c, e.text);
    throw e;
  }
  const user = await findUserByEmail(c.env.DB, c.get('cost'), email);
  if (!user || user.disabled_at) {
    throw new ApiError(403, {
      error: `Signed in as ${email}, but this address has no access to thidua: ask an administrator to add you`,
      error_vi:
        `Bạn đã đăng nhập với ${email}, nhưng địa chỉ này chưa được cấp quyền ` +
        `vào thidua: hãy nhờ quản trị viên thêm bạn`,
    });
  }
  return { via: 'access', userId: user.id, email: user.email, role: user.role, scope: scopeOf(user) };
}

async function bySession(c: Context<AppEnv>, id: string): Promise<Identity> {
  const key = credentialKey('session', await sha256Hex(id));
  const known = cachedCredential(key)?.row;
  const now = new Date().toISOString();
  const { row } =
    known && known.expires_at > now
      ? { row: known }
      : await lookupCredential(c.env.DB, c.get('cost'), 'session', key.slice('session:'.length), clientOf(c));
  const expired = !row || row.expires_at <= now || (row.user_id !== null && (!row.role || row.disabled_at));
  if (expired) {
    // a stale cookie is normal (expiry, sign-out elsewhere), not an attack: not counted
    clearSession(c);
    throw unauthorized({
      en: 'Your session has ended: open a new sign-in link',
      vi: 'Phiên đăng nhập đã kết thúc: hãy mở một liên kết đăng nhập mới',
    });
  }
  rememberCredential(key, row, false);
  if (row.user_id === null) return bootstrapAdmin('session');
  return { via: 'session', userId: row.user_id, email: row.email!, role: row.role!, scope: scopeOf(row) };
}

/** A cookie alone must not let another site's page change anything (CSRF). */
function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('Origin');
  if (origin) return origin === new URL(c.req.url).origin;
  return c.req.header('Sec-Fetch-Site') === 'same-origin';
}

async function identify(c: Context<AppEnv>): Promise<Identity> {
  const authorization = c.req.header('Authorization');
  if (authorization !== undefined) {
    const m = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/.exec(authorization);
    if (!m)
      throw unauthorized({
        en: 'Malformed Authorization header: expected Bearer <token>',
        vi: 'Tiêu đề Authorization sai dạng: cần Bearer <mã>',
      });
    return byApiToken(c, m[1]!);
  }
  const jwt = c.req.header('Cf-Access-Jwt-Assertion');
  if (jwt && c.env.ACCESS_TEAM_DOMAIN && c.env.ACCESS_AUD)
    return byAccess(c, jwt, c.env.ACCESS_TEAM_DOMAIN, c.env.ACCESS_AUD);
  const session = sessionId(c);
  if (session) return bySession(c, session);
  throw unauthorized({
    en: 'Sign in required: send Authorization: Bearer <token>, or open the sign-in link',
    vi: 'Cần đăng nhập: gửi Authorization: Bearer <mã>, hoặc mở liên kết đăng nhập',
  });
}

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  if (isPublic(c)) return next();
  const outcome = await identify(c);
  if (outcome.via === 'session' && !SAFE_METHODS.has(c.req.method) && !sameOrigin(c)) {
    throw new ApiError(403, {
      error: 'Refused: a change sent with a session cookie must come from this site',
      error_vi: 'Bị từ chối: thay đổi gửi kèm cookie phiên đăng nhập phải đến từ chính trang này',
    });
  }
  c.set('identity', outcome);
  await next();
  if (!SAFE_METHODS.has(c.req.method) && CHANGES_CREDENTIALS.test(c.req.path)) forgetCredentials();
});
