import { Hono, type Context } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { actorOf } from '../auth/identity';
import { importableDatasets } from '../imports/access';
import { blockedFor, clientOf, refuse, tooManyFailures } from '../auth/rateLimit';
import { findFailures } from '../queries/auth/failures';
import { ROLE_RIGHTS, ROLES, atLeast } from '../auth/roles';
import { sha256Hex } from '../auth/secrets';
import { clearSession, openSession, sessionId } from '../auth/session';
import { signTicket, verifyTicket } from '../auth/ticket';
import type { AppEnv } from '../env';
import { identityOf, need } from '../middleware/requireRole';
import { recordAudit } from '../queries/auth/audit';
import { deleteSession } from '../queries/auth/sessions';
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
function forPerson(c: Context<AppEnv>, refusal: Response, why: 'link-invalid' | 'link-no-access'): Response {
  if (!wantsPage(c.req.header('accept'))) return refusal;
  return c.redirect(`/?sign_in=${refusal.status === 429 ? 'too-many' : why}`, 303);
}

/** Only a path on this site may follow a sign-in (never another origin: no open redirect). */
const safeNext = (next: string | undefined) => (next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/');

export const authRoutes = new Hono<AppEnv>()
  .get(
    '/sign-in',
    describeRoute({
      summary: 'Open a browser session from a sign-in link',
      description:
        'The link `npm start` prints (or an admin makes for a user) carries a short-lived ticket signed with ADMIN_TOKEN. A good ticket sets the HttpOnly, Secure, SameSite=Strict session cookie and redirects (303) to `next` (a path on this site) or the dashboard.',
      tags: ['auth'],
      responses: {
        303: { description: 'Signed in: redirect to `next` or the dashboard. A browser (Accept: text/html) whose link is refused is also redirected, to `/?sign_in=link-invalid|link-no-access|too-many`, where the sign-in screen explains it' },
        400: err('No ticket'),
        401: err('A bad or expired ticket, or one for a user who is disabled or gone'),
        429: AUTH_ERRORS[429],
      },
    }),
    validator('query', signInQuery, badRequest),
    async (c) => {
      const { ticket, next } = c.req.valid('query');
      const wait = blockedFor(await findFailures(c.env.DB, c.get('cost'), clientOf(c)));
      if (wait) return forPerson(c, tooManyFailures(c, wait), 'link-invalid');
      const admin = c.env.ADMIN_TOKEN;
      const claims = admin ? await verifyTicket(admin, ticket) : null;
      if (!claims) return forPerson(c, await refuse(c, 'This sign-in link is not valid or has expired: ask for a new one (npm start prints one)'), 'link-invalid');
      let userId: number | null = null;
      let actor = 'ADMIN_TOKEN';
      if (claims.sub !== 0) {
        const user = await findUser(c.env.DB, c.get('cost'), claims.sub);
        if (!user || user.disabled_at) return forPerson(c, await refuse(c, 'This sign-in link is for a user who no longer has access'), 'link-no-access');
        userId = user.id;
        actor = user.email;
      }
      await openSession(c, userId);
      await recordAudit(c.env.DB, { actor, action: 'sign_in', detail: { via: 'link' } });
      return c.redirect(safeNext(next), 303);
    },
  )
  .get(
    '/me',
    describeRoute({
      summary: 'Who am I',
      description: 'The signed-in identity: email (ADMIN_TOKEN for the bootstrap admin), role, scope, how it signed in, and what the role allows.',
      tags: ['auth'],
      responses: { 200: { description: 'OK', content: json(me) }, ...AUTH_ERRORS },
    }),
    (c) => {
      const who = identityOf(c);
      c.header('Cache-Control', 'no-store');
      return c.json({
        email: who.email, role: who.role, scope: who.scope, via: who.via, rights: ROLES.filter((r) => atLeast(who.role, r)).map((r) => ROLE_RIGHTS[r]),
        imports: importableDatasets(who),
      });
    },
  )
  .post(
    '/sign-out',
    describeRoute({
      summary: 'End the browser session',
      description: 'Deletes the session and its cookie. (API tokens are revoked under /tokens; Cloudflare Access sessions end at Access.)',
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
      description: 'For users without Cloudflare Access: a link that opens a browser session as this user, valid for `lifetime_hours` (default 24, at most 72). Admins only; recorded in the audit log.',
      tags: ['auth'],
      responses: { 201: { description: 'Created', content: json(signInLink) }, 400: err('A bad field'), 404: err('No such user'), ...AUTH_ERRORS, 503: err('No ADMIN_TOKEN configured: links cannot be signed') },
    }),
    need('admin', { en: 'making sign-in links', vi: 'tạo liên kết đăng nhập' }),
    validator('json', signInLinkBody, badRequest),
    async (c) => {
      const body = c.req.valid('json');
      const admin = c.env.ADMIN_TOKEN;
      if (!admin) return c.json({ error: 'Sign-in links are disabled: the server has no ADMIN_TOKEN configured' }, 503);
      const user = await findUser(c.env.DB, c.get('cost'), body.user_id);
      if (!user || user.disabled_at) return c.json({ error: `No active user ${body.user_id}` }, 404);
      const seconds = body.lifetime_hours * 3600;
      const ticket = await signTicket(admin, user.id, seconds);
      const expires_at = new Date(Date.now() + seconds * 1000).toISOString();
      await recordAudit(c.env.DB, { actor: actorOf(identityOf(c)), action: 'sign_in_link', target: user.email, detail: { expires_at } });
      return c.json({ url: `${new URL(c.req.url).origin}/api/v1/auth/sign-in?ticket=${ticket}`, expires_at }, 201);
    },
  );
