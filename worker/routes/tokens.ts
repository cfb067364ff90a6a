import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import type { z } from 'zod';
import { actorOf } from '../auth/identity';
import { randomSecret, sha256Hex } from '../auth/secrets';
import type { AppEnv } from '../env';
import { badParameter, forbidden, notFound } from '../errors';
import { identityOf } from '../middleware/requireRole';
import { recordAudit } from '../queries/auth/audit';
import { findToken, insertToken, listTokens, revokeToken, type ApiTokenRow } from '../queries/auth/tokens';
import { findUser } from '../queries/auth/users';
import { apiToken, createdToken, createTokenBody, tokenIdParam, tokenList } from '../validation/access';
import { badRequest } from '../validation/hook';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

const view = (t: ApiTokenRow, now = new Date().toISOString()): z.infer<typeof apiToken> => ({
  ...t,
  status: t.revoked_at ? 'revoked' : t.expires_at <= now ? 'expired' : 'active',
});

// API tokens for scripts. A token acts as its user, with the user's role and scope as they
// are at each request. Anyone with a user account manages their own; admins manage everyone's.
export const tokensRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      summary: 'List API tokens',
      description: "Your tokens; an admin sees everyone's. Label, owner, expiry, last use and status; never the token.",
      tags: ['tokens'],
      responses: { 200: { description: 'OK', content: json(tokenList) }, ...AUTH_ERRORS },
    }),
    async (c) => {
      const who = identityOf(c);
      if (who.role !== 'admin' && who.userId === null) return c.json({ tokens: [] });
      const rows = await listTokens(c.env.DB, c.get('cost'), who.role === 'admin' ? undefined : who.userId!);
      const now = new Date().toISOString();
      return c.json({ tokens: rows.map((r) => view(r, now)) });
    },
  )
  .post(
    '/',
    describeRoute({
      summary: 'Create an API token',
      description:
        'A random 256-bit token for `Authorization: Bearer`, answered once ' +
        '(only its SHA-256 is stored), expiring after `expires_in_days` ' +
        '(default 90, at most 366). For yourself; an admin may give `user_id`. ' +
        'Recorded in the audit log.',
      tags: ['tokens'],
      responses: {
        201: { description: 'Created: the token is in `token`, shown this once', content: json(createdToken) },
        400: err('A bad field'),
        404: err('No such user'),
        ...AUTH_ERRORS,
      },
    }),
    validator('json', createTokenBody, badRequest),
    async (c) => {
      const b = c.req.valid('json');
      const who = identityOf(c);
      const userId = b.user_id ?? who.userId;
      if (userId === null)
        throw badParameter('user_id', {
          en: 'the bootstrap admin has no user account; name the user the token is for',
          vi: 'quản trị hệ thống không có tài khoản người dùng; hãy chọn người dùng được cấp mã',
        });
      if (userId !== who.userId && who.role !== 'admin')
        throw forbidden(
          { en: 'only an admin makes tokens for other users', vi: 'chỉ quản trị viên mới tạo mã cho người khác' },
          { required_role: 'admin' },
        );
      const owner = await findUser(c.env.DB, c.get('cost'), userId);
      if (!owner || owner.disabled_at)
        throw notFound({ en: `No active user ${userId}`, vi: `Không có người dùng đang hoạt động số ${userId}` });
      const token = `thd_${randomSecret()}`;
      const now = new Date();
      const row = {
        id: crypto.randomUUID(),
        user_id: userId,
        label: b.label,
        token_hash: await sha256Hex(token),
        created_at: now.toISOString(),
        created_by: actorOf(who),
        expires_at: new Date(now.getTime() + b.expires_in_days * 86400_000).toISOString(),
      };
      await insertToken(c.env.DB, c.get('cost'), row);
      await recordAudit(c.env.DB, {
        actor: actorOf(who),
        action: 'token_create',
        target: `${owner.email} (token ${row.id.slice(0, 8)})`,
        detail: { label: b.label, expires_at: row.expires_at },
      });
      const { token_hash: _hash, ...shown } = row;
      return c.json({ ...view({ ...shown, email: owner.email, last_used_at: null, revoked_at: null }), token }, 201);
    },
  )
  .delete(
    '/:id',
    describeRoute({
      summary: 'Revoke an API token',
      description:
        'From the next request on, the token answers 401. Your own tokens; an ' +
        'admin revokes any. Recorded in the audit log.',
      tags: ['tokens'],
      responses: {
        200: { description: 'Revoked', content: json(apiToken) },
        404: err('No such token'),
        ...AUTH_ERRORS,
      },
    }),
    validator('param', tokenIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const who = identityOf(c);
      const row = await findToken(c.env.DB, c.get('cost'), id);
      // someone else's token is "not found" for a non-admin, so ids cannot be probed
      if (!row || (who.role !== 'admin' && row.user_id !== who.userId))
        throw notFound({ en: `No token '${id}'`, vi: `Không có mã '${id}'` });
      await revokeToken(c.env.DB, c.get('cost'), id, new Date().toISOString());
      await recordAudit(c.env.DB, {
        actor: actorOf(who),
        action: 'token_revoke',
        target: `${row.email} (token ${id.slice(0, 8)})`,
        detail: { label: row.label },
      });
      return c.json(view((await findToken(c.env.DB, c.get('cost'), id))!));
    },
  );
