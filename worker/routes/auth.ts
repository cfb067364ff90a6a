import { Hono, type Context } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { refusedSecret, weakSecretMessage, weakSecretMessageVi } from '../auth/deployment';
import { ApiError, notFound } from '../errors';
import { confirmSignInPage } from '../auth/confirmPage';
import { actorOf, BOOTSTRAP_ADMIN } from '../auth/identity';
import { isNational } from '../federation/role';
import { importableDatasets } from '../imports/access';
import { blockedFor, clientOf, refuse, tooManyFailures } from '../auth/rateLimit';
import { findFailures } from '../queries/auth/failures';
import { ROLE_RIGHTS, ROLES, atLeast } from '../auth/roles';
import { nextPath } from '../auth/nextPath';
import { sha256Hex } from '../auth/secrets';
import { clearSession, openSession, sessionId } from '../auth/session';
import { signTicket, verifyTicket, type Ticket } from '../auth/ticket';
import type { AppEnv } from '../env';
import { identityOf, need } from '../middleware/requireRole';
import { recordAudit } from '../queries/auth/audit';
import { deleteSession } from '../queries/auth/sessions';
import { consumeBootstrapLink, consumeUserLink, findSignInLink, insertSignInLink } from '../queries/auth/signInLinks';
import { findUser } from '../queries/auth/users';
import { me, signInLink, signInLinkBody, signInQuery } from '../validation/access';
import { badRequest } from '../validation/hook';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

/**
 * A person who opened a bad link in the browser lands on the dashboard's sign-in screen, which
 * says why in their language and how to get a new link; a script still gets the JSON refusal.
 * The failure is counted either way (refuse/tooManyFailures ran before this).
 */
const wantsPage = (accept: string | undefined) => !!accept && accept.includes('text/html');
type LinkRefusal = 'link-invalid' | 'link-no-access' | 'link-used';
function forPerson(c: Context<AppEnv>, refusal: ApiError, why: LinkRefusal): Response {
  if (!wantsPage(c.req.header('accept'))) throw refusal;
  return c.redirect(`/?sign_in=${refusal.status === 429 ? 'too-many' : why}`, 303);
}

const INVALID = {
  en: 'This sign-in link is not valid or has expired: ask an administrator for a new one',
  vi: 'Liên kết đăng nhập không hợp lệ hoặc đã hết hạn: hãy nhờ quản trị viên gửi liên kết mới',
};
const USED = {
  en: 'This sign-in link has already been used: a link opens one session; ask an administrator for a new one',
  vi: 'Liên kết đăng nhập này đã được dùng: mỗi liên kết chỉ mở một phiên; hãy nhờ quản trị viên gửi liên kết mới',
};
const WITHDRAWN = {
  en:
    "This sign-in link was withdrawn: the user's access changed after it " +
    'was made; ask an administrator for a new one',
  vi:
    'Liên kết đăng nhập này đã bị thu hồi: quyền của người dùng đã thay đổi ' +
    'sau khi tạo liên kết; hãy nhờ quản trị viên gửi liên kết mới',
};
const NO_ACCESS = {
  en: 'This sign-in link is for a user who no longer has access',
  vi: 'Liên kết đăng nhập này dành cho người dùng không còn quyền truy cập',
};

/** The key of sign-in links; without a usable one, links are off (503 saying why). */
function linkSecret(c: Context<AppEnv>): string {
  const secret = c.env.SIGN_IN_SECRET;
  if (!secret)
    throw new ApiError(503, {
      error: 'Sign-in links are disabled: the server has no SIGN_IN_SECRET configured',
      error_vi: 'Liên kết đăng nhập đang bị tắt: máy chủ chưa có SIGN_IN_SECRET',
    });
  if (refusedSecret(c.env, secret))
    throw new ApiError(503, {
      error: `Sign-in links are disabled: ${weakSecretMessage('SIGN_IN_SECRET')}`,
      error_vi: `Liên kết đăng nhập đang bị tắt: ${weakSecretMessageVi('SIGN_IN_SECRET')}`,
    });
  return secret;
}

/** A link followed from another site's page must be confirmed here first (login CSRF). */
const fromOtherSite = (c: Context<AppEnv>) =>
  ['cross-site', 'same-site'].includes(c.req.header('Sec-Fetch-Site') ?? '');

/** The confirmation is a form on this site: a POST from anywhere else is refused. */
function postedHere(c: Context<AppEnv>): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined) return site === 'same-origin';
  return c.req.header('Origin') === new URL(c.req.url).origin;
}

/** Checks the rate limit, the key and the signature; answers the ticket or the refusal. */
async function readTicket(c: Context<AppEnv>, ticket: string): Promise<Ticket | Response> {
  const wait = blockedFor(await findFailures(c.env.DB, c.get('cost'), clientOf(c)));
  if (wait) return forPerson(c, tooManyFailures(c, wait), 'link-invalid');
  const secret = linkSecret(c);
  const claims = await verifyTicket(secret, ticket);
  return claims ?? forPerson(c, await refuse(c, INVALID), 'link-invalid');
}

/** Why a link that verified could not be spent (it was, or it was withdrawn, or never made here). */
async function spentRefusal(c: Context<AppEnv>, id: string): Promise<Response> {
  const row = await findSignInLink(c.env.DB, c.get('cost'), id);
  if (row?.used_at) return forPerson(c, await refuse(c, USED), 'link-used');
  if (row?.revoked_at) return forPerson(c, await refuse(c, WITHDRAWN), 'link-invalid');
  return forPerson(c, await refuse(c, INVALID), 'link-invalid');
}

/** Spends the link (once, whatever the number of concurrent openings) and opens the session. */
async function signInWith(c: Context<AppEnv>, claims: Ticket, next: string | undefined): Promise<Response> {
  const now = new Date().toISOString();
  let userId: number | null = null;
  let actor = BOOTSTRAP_ADMIN;
  let spent: boolean;
  if (claims.sub === 0) {
    spent = await consumeBootstrapLink(
      c.env.DB,
      c.get('cost'),
      claims.jti,
      new Date(claims.exp * 1000).toISOString(),
      now,
    );
  } else {
    const user = await findUser(c.env.DB, c.get('cost'), claims.sub);
    if (!user || user.disabled_at) return forPerson(c, await refuse(c, NO_ACCESS), 'link-no-access');
    spent = await consumeUserLink(c.env.DB, c.get('cost'), claims.jti, user.id, now);
    userId = user.id;
    actor = user.email;
  }
  if (!spent) return spentRefusal(c, claims.jti);
  await openSession(c, userId);
  await recordAudit(c.env.DB, { actor, action: 'sign_in', detail: { via: 'link' } });
  return c.redirect(nextPath(next, new URL(c.req.url).origin), 303);
}

export const authRoutes = new Hono<AppEnv>()
  .get(
    '/sign-in',
    describeRoute({
      summary: 'Open a browser session from a sign-in link',
      description:
        'The link `npm start` prints (or an admin makes for a user) carries a ' +
        'short-lived ticket signed with SIGN_IN_SECRET; a link opens one ' +
        'session only. A good ticket sets the HttpOnly, Secure, SameSite=Strict ' +
        'session cookie and redirects (303) to `next` (a path on this site) or ' +
        'the dashboard. A link followed from another site (`Sec-Fetch-Site: ' +
        'cross-site` or `same-site`) is not used: it answers a page whose ' +
        'button confirms it (POST).',
      tags: ['auth'],
      responses: {
        200: {
          description:
            'Opened from another site: a page asking to confirm the sign-in ' +
            '(nothing is set until its button is pressed)',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
        303: {
          description:
            'Signed in: redirect to `next` or the dashboard. A browser (Accept: ' +
            'text/html) whose link is refused is also redirected, to ' +
            '`/?sign_in=link-invalid|link-no-access|link-used|too-many`, where the ' +
            'sign-in screen explains it',
        },
        400: err('No ticket'),
        401: err('A bad, expired, used or withdrawn ticket, or one for a user who is disabled or gone'),
        429: AUTH_ERRORS[429],
        503: err('No usable SIGN_IN_SECRET configured: links are off'),
      },
    }),
    validator('query', signInQuery, badRequest),
    async (c) => {
      const { ticket, next } = c.req.valid('query');
      const claims = await readTicket(c, ticket);
      if (claims instanceof Response) return claims;
      if (fromOtherSite(c)) {
        const user = claims.sub === 0 ? null : await findUser(c.env.DB, c.get('cost'), claims.sub);
        c.header('Cache-Control', 'no-store');
        return c.html(
          confirmSignInPage(
            ticket,
            next,
            user ? { vi: user.email, en: user.email } : { vi: 'Quản trị hệ thống', en: 'the system administrator' },
          ),
        );
      }
      return signInWith(c, claims, next);
    },
  )
  .post(
    '/sign-in',
    describeRoute({
      summary: 'Confirm a sign-in link opened from another site',
      description:
        'The form of the confirmation page: `ticket` and `next` as form fields. ' +
        'Only a POST from this site (`Sec-Fetch-Site: same-origin`, or without ' +
        'it an `Origin` of this site) is accepted; then as GET /sign-in.',
      tags: ['auth'],
      responses: {
        303: { description: 'Signed in, or refused (a browser): as GET /sign-in' },
        400: err('No ticket'),
        401: err('As GET /sign-in'),
        403: err('Not sent from this site'),
        429: AUTH_ERRORS[429],
        503: err('No usable SIGN_IN_SECRET configured: links are off'),
      },
    }),
    validator('form', signInQuery, badRequest),
    async (c) => {
      if (!postedHere(c))
        throw new ApiError(403, {
          error: 'Refused: a sign-in can only be confirmed from this site',
          error_vi: 'Bị từ chối: chỉ có thể xác nhận đăng nhập từ chính trang này',
        });
      const { ticket, next } = c.req.valid('form');
      const claims = await readTicket(c, ticket);
      if (claims instanceof Response) return claims;
      return signInWith(c, claims, next);
    },
  )
  .get(
    '/me',
    describeRoute({
      summary: 'Who am I',
      description:
        'The signed-in identity: email (ADMIN_TOKEN for the bootstrap admin), ' +
        'role, scope, how it signed in, and what the role allows.',
      tags: ['auth'],
      responses: { 200: { description: 'OK', content: json(me) }, ...AUTH_ERRORS },
    }),
    (c) => {
      const who = identityOf(c);
      c.header('Cache-Control', 'no-store');
      return c.json({
        email: who.email,
        role: who.role,
        scope: who.scope,
        via: who.via,
        rights: ROLES.filter((r) => atLeast(who.role, r)).map((r) => ROLE_RIGHTS[r]),
        imports: importableDatasets(who),
        national: isNational(c.env),
      });
    },
  )
  .post(
    '/sign-out',
    describeRoute({
      summary: 'End the browser session',
      description:
        'Deletes the session and its cookie. (API tokens are revoked under ' +
        '/tokens; Cloudflare Access sessions end at Access.)',
      tags: ['auth'],
      responses: { 200: { description: 'Signed out' }, ...AUTH_ERRORS },
    }),
    async (c) => {
      const id = sessionId(c);
      if (id) await deleteSession(c.env.DB, c.get('cost'), await sha256Hex(id));
      clearSession(c);
      await recordAudit(c.env.DB, { actor: actorOf(identityOf(c)), action: 'sign_out' });
      return c.json({ signed_out: true });
    },
  )
  .post(
    '/sign-in-links',
    describeRoute({
      summary: 'Make a sign-in link for a user',
      description:
        'For users without Cloudflare Access: a link that opens one browser ' +
        'session as this user, once, within `lifetime_hours` (default 24, at ' +
        "most 72). Changing the user's role or scope, or disabling them, " +
        'withdraws their unused links. Admins only; recorded in the audit log.',
      tags: ['auth'],
      responses: {
        201: { description: 'Created', content: json(signInLink) },
        400: err('A bad field'),
        404: err('No such user'),
        ...AUTH_ERRORS,
        503: err('No usable SIGN_IN_SECRET configured: links cannot be signed'),
      },
    }),
    need('admin', { en: 'making sign-in links', vi: 'tạo liên kết đăng nhập' }),
    validator('json', signInLinkBody, badRequest),
    async (c) => {
      const body = c.req.valid('json');
      const secret = linkSecret(c);
      const user = await findUser(c.env.DB, c.get('cost'), body.user_id);
      if (!user || user.disabled_at)
        throw notFound({
          en: `No active user ${body.user_id}`,
          vi: `Không có người dùng đang hoạt động số ${body.user_id}`,
        });
      const seconds = body.lifetime_hours * 3600;
      const id = crypto.randomUUID();
      const ticket = await signTicket(secret, user.id, seconds, id);
      const now = new Date();
      const expires_at = new Date(now.getTime() + seconds * 1000).toISOString();
      const actor = actorOf(identityOf(c));
      await insertSignInLink(c.env.DB, c.get('cost'), {
        id,
        user_id: user.id,
        created_at: now.toISOString(),
        created_by: actor,
        expires_at,
      });
      await recordAudit(c.env.DB, { actor, action: 'sign_in_link', target: user.email, detail: { expires_at } });
      return c.json({ url: `${new URL(c.req.url).origin}/api/v1/auth/sign-in?ticket=${ticket}`, expires_at }, 201);
    },
  );
