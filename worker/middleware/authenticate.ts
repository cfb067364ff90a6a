import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AccessDenied, verifyAccessJwt } from '../auth/access';
import { refusedSecret, weakSecretMessage } from '../auth/deployment';
import { bootstrapAdmin, scopeOf, type Identity } from '../auth/identity';
import { blockedFor, clientOf, refuse, tooManyFailures } from '../auth/rateLimit';
import { sameSecret, sha256Hex } from '../auth/secrets';
import { clearSession, sessionId } from '../auth/session';
import type { AppEnv } from '../env';
import { findFailures } from '../queries/auth/failures';
import { lookupCredential } from '../queries/auth/credentials';
import { touchToken } from '../queries/auth/tokens';
import { findUserByEmail } from '../queries/auth/users';

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

const isPublic = (c: Context<AppEnv>) => PUBLIC.some(([m, re]) => (c.req.method === m || (m === 'GET' && c.req.method === 'HEAD')) && re.test(c.req.path));

type Outcome = Identity | Response;

async function byApiToken(c: Context<AppEnv>, token: string): Promise<Outcome> {
  // the limit is known before ADMIN_TOKEN is compared: a blocked client learns nothing, even
  // from the right guess
  const { row, failures } = await lookupCredential(c.env.DB, c.get('cost'), 'token', await sha256Hex(token), clientOf(c));
  const wait = blockedFor(failures);
  if (wait) return tooManyFailures(c, wait);
  const admin = c.env.ADMIN_TOKEN;
  if (admin && (await sameSecret(token, admin))) {
    if (refusedSecret(c.env, admin)) return c.json({ error: `The bootstrap admin is switched off: ${weakSecretMessage('ADMIN_TOKEN')}` }, 503);
    return bootstrapAdmin('admin_token');
  }
  const now = new Date().toISOString();
  if (!row || !row.role) return refuse(c, 'Invalid token');
  if (row.revoked_at) return refuse(c, 'This token was revoked');
  if (row.expires_at <= now) return refuse(c, `This token expired on ${row.expires_at.slice(0, 10)}`);
  if (row.disabled_at) return refuse(c, 'The user of this token is disabled');
  c.executionCtx.waitUntil(touchToken(c.env.DB, row.credential_id, now));
  return { via: 'api_token', userId: row.user_id, email: row.email!, role: row.role, scope: scopeOf(row), tokenId: row.credential_id };
}

async function byAccess(c: Context<AppEnv>, jwt: string, team: string, aud: string): Promise<Outcome> {
  const wait = blockedFor(await findFailures(c.env.DB, c.get('cost'), clientOf(c)));
  if (wait) return tooManyFailures(c, wait);
  let email: string;
  try {
    email = await verifyAccessJwt(jwt, team, aud);
  } catch (e) {
    if (e instanceof AccessDenied) return refuse(c, e.message);
    throw e;
  }
  const user = await findUserByEmail(c.env.DB, c.get('cost'), email);
  if (!user || user.disabled_at) {
    return c.json({ error: `Signed in as ${email}, but this address has no access to thidua: ask an administrator to add you` }, 403);
  }
  return { via: 'access', userId: user.id, email: user.email, role: user.role, scope: scopeOf(user) };
}

async function bySession(c: Context<AppEnv>, id: string): Promise<Outcome> {
  const { row } = await lookupCredential(c.env.DB, c.get('cost'), 'session', await sha256Hex(id), clientOf(c));
  const expired = !row || row.expires_at <= new Date().toISOString() || (row.user_id !== null && (!row.role || row.disabled_at));
  if (expired) {
    // a stale cookie is normal (expiry, sign-out elsewhere), not an attack: not counted
    clearSession(c);
    return c.json({ error: 'Your session has ended: open a new sign-in link' }, 401);
  }
  if (row.user_id === null) return bootstrapAdmin('session');
  return { via: 'session', userId: row.user_id, email: row.email!, role: row.role!, scope: scopeOf(row) };
}

/** A cookie alone must not let another site's page change anything (CSRF). */
function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('Origin');
  if (origin) return origin === new URL(c.req.url).origin;
  return c.req.header('Sec-Fetch-Site') === 'same-origin';
}

async function identify(c: Context<AppEnv>): Promise<Outcome> {
  const authorization = c.req.header('Authorization');
  if (authorization !== undefined) {
    const m = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/.exec(authorization);
    if (!m) return c.json({ error: 'Malformed Authorization header: expected Bearer <token>' }, 401);
    return byApiToken(c, m[1]!);
  }
  const jwt = c.req.header('Cf-Access-Jwt-Assertion');
  if (jwt && c.env.ACCESS_TEAM_DOMAIN && c.env.ACCESS_AUD) return byAccess(c, jwt, c.env.ACCESS_TEAM_DOMAIN, c.env.ACCESS_AUD);
  const session = sessionId(c);
  if (session) return bySession(c, session);
  return c.json({ error: 'Sign in required: send Authorization: Bearer <token>, or open the sign-in link' }, 401);
}

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  if (isPublic(c)) return next();
  const outcome = await identify(c);
  if (outcome instanceof Response) return outcome;
  if (outcome.via === 'session' && !SAFE_METHODS.has(c.req.method) && !sameOrigin(c)) {
    return c.json({ error: 'Refused: a change sent with a session cookie must come from this site' }, 403);
  }
  c.set('identity', outcome);
  return next();
});
