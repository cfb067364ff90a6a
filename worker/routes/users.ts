import { Hono, type Context } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import type { z } from 'zod';
import { actorOf, scopeOf } from '../auth/identity';
import type { AppEnv } from '../env';
import { conflict, notFound } from '../errors';
import { identityOf, need } from '../middleware/requireRole';
import { auditStatement } from '../queries/auth/audit';
import { deleteUserSessions } from '../queries/auth/sessions';
import { revokeUserLinks } from '../queries/auth/signInLinks';
import {
  findUser,
  findUserByEmail,
  insertUser,
  listUsers,
  updateUser,
  type UserChange,
  type UserRow,
} from '../queries/auth/users';
import { loadGeography } from '../queries/geography';
import { createUserBody, updateUserBody, user, userIdParam, userList } from '../validation/access';
import { badRequest } from '../validation/hook';
import { unknownCode } from '../validation/params';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

const view = (u: UserRow): z.infer<typeof user> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  scope: scopeOf(u),
  created_at: u.created_at,
  created_by: u.created_by,
  disabled_at: u.disabled_at,
});

/** A scope must name a unit or cluster that exists now (a typo would silently grant nothing). */
async function checkScope(c: Context<AppEnv>, unit: string | null | undefined, cluster: string | null | undefined) {
  if (!unit && !cluster) return;
  const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
  if (unit && !geo.unitByCode.has(unit)) throw unknownCode('scope_unit', [unit], { en: 'unit code', vi: 'mã đơn vị' });
  if (cluster && !geo.clusterByCode.has(cluster))
    throw unknownCode('scope_cluster', [cluster], { en: 'cluster code', vi: 'mã cụm, khối' });
}

export const usersRoutes = new Hono<AppEnv>()
  .use(need('admin', { en: 'managing users', vi: 'quản lý người dùng' }))
  .get(
    '/',
    describeRoute({
      summary: 'List users',
      description: 'Every user with role, scope and status. Admins only.',
      tags: ['users'],
      responses: { 200: { description: 'OK', content: json(userList) }, ...AUTH_ERRORS },
    }),
    async (c) => c.json({ users: (await listUsers(c.env.DB, c.get('cost'))).map(view) }),
  )
  .post(
    '/',
    describeRoute({
      summary: 'Add a user',
      description:
        'By email (the address Cloudflare Access signs in), with a role and ' +
        'optionally a unit or cluster scope. Admins only; recorded in the audit ' +
        'log.',
      tags: ['users'],
      responses: {
        201: { description: 'Created', content: json(user) },
        400: err('A bad field, named in `parameter`'),
        409: err('A user with this email exists'),
        ...AUTH_ERRORS,
      },
    }),
    validator('json', createUserBody, badRequest),
    async (c) => {
      const b = c.req.valid('json');
      await checkScope(c, b.scope_unit, b.scope_cluster);
      if (await findUserByEmail(c.env.DB, c.get('cost'), b.email))
        throw conflict({
          en: `A user with email ${b.email.toLowerCase()} exists`,
          vi: `Đã có người dùng với email ${b.email.toLowerCase()}`,
        });
      const actor = actorOf(identityOf(c));
      const row = await insertUser(c.env.DB, c.get('cost'), {
        email: b.email,
        name: b.name ?? null,
        role: b.role,
        scope_unit: b.scope_unit ?? null,
        scope_cluster: b.scope_cluster ?? null,
        created_at: new Date().toISOString(),
        created_by: actor,
      });
      await auditStatement(c.env.DB, {
        actor,
        action: 'user_create',
        target: row.email,
        detail: { role: row.role, scope: scopeOf(row) },
      }).run();
      return c.json(view(row), 201);
    },
  )
  .patch(
    '/:id',
    describeRoute({
      summary: 'Change a user',
      description:
        'Name, role, scope (null removes it) or `disabled`. Disabling ends the ' +
        "user's sessions and stops their API tokens at once; a change of role, " +
        'scope or status withdraws their unused sign-in links. Admins cannot ' +
        'change their own role or disable themselves. Recorded in the audit ' +
        'log.',
      tags: ['users'],
      responses: {
        200: { description: 'Changed', content: json(user) },
        400: err('A bad field'),
        404: err('No such user'),
        409: err('A change to your own account that would lock you out'),
        ...AUTH_ERRORS,
      },
    }),
    validator('param', userIdParam, badRequest),
    validator('json', updateUserBody, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const before = await findUser(c.env.DB, c.get('cost'), id);
      if (!before) throw notFound({ en: `No user ${id}`, vi: `Không có người dùng số ${id}` });
      const who = identityOf(c);
      if (who.userId === id && ((b.role && b.role !== 'admin') || b.disabled || b.scope_unit || b.scope_cluster)) {
        throw conflict({
          en: 'You cannot lower your own access: ask another admin',
          vi: 'Bạn không thể tự hạ quyền của mình: hãy nhờ một quản trị viên khác',
        });
      }
      await checkScope(c, b.scope_unit, b.scope_cluster);
      const change: UserChange = { name: b.name, role: b.role };
      // one scope at a time: setting one clears the other
      if (b.scope_unit !== undefined)
        Object.assign(change, {
          scope_unit: b.scope_unit,
          scope_cluster: b.scope_unit ? null : (b.scope_cluster ?? null),
        });
      else if (b.scope_cluster !== undefined)
        Object.assign(change, { scope_cluster: b.scope_cluster, scope_unit: b.scope_cluster ? null : undefined });
      if (b.disabled !== undefined)
        change.disabled_at = b.disabled ? (before.disabled_at ?? new Date().toISOString()) : null;
      const row = (await updateUser(c.env.DB, c.get('cost'), id, change))!;
      if (b.disabled) await deleteUserSessions(c.env.DB, c.get('cost'), id);
      // a link made for the access the user had must not open the access they have now
      const accessChanged =
        row.role !== before.role ||
        row.scope_unit !== before.scope_unit ||
        row.scope_cluster !== before.scope_cluster ||
        row.disabled_at !== before.disabled_at;
      if (accessChanged) await revokeUserLinks(c.env.DB, c.get('cost'), id, new Date().toISOString());
      const changed = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
      await auditStatement(c.env.DB, {
        actor: actorOf(who),
        action: b.disabled
          ? 'user_disable'
          : b.disabled === false && before.disabled_at
            ? 'user_enable'
            : 'user_update',
        target: row.email,
        detail: changed,
      }).run();
      return c.json(view(row));
    },
  );
