import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { forbidden, type Text } from '../errors';
import { atLeast, type Role } from '../auth/roles';
import type { Identity } from '../auth/identity';
import type { AppEnv } from '../env';
import type { Geography } from '../queries/geography';
import { resolveScope, type ReadScope } from '../plan/scope';

/** The identity authenticate set; routes behind it always have one. */
export function identityOf(c: Context<AppEnv>): Identity {
  const who = c.get('identity');
  if (!who) throw new Error('identityOf called on a public route');
  return who;
}

const ROLE_VI: Record<Role, string> = {
  viewer: 'người xem',
  analyst: 'phân tích viên',
  editor: 'biên tập viên',
  admin: 'quản trị viên',
};

const roleTooLow = (who: Identity, role: Role, what: Text) =>
  forbidden(
    {
      en: `${what.en} needs the ${role} role or higher (you are ${who.role})`,
      vi: `${what.vi} cần vai trò ${ROLE_VI[role]} trở lên (bạn là ${ROLE_VI[who.role]})`,
    },
    { required_role: role },
  );

/** The route needs at least `role`. */
export const need = (role: Role, what: Text = { en: 'this', vi: 'việc này' }) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const who = identityOf(c);
    if (!atLeast(who.role, role)) throw roleTooLow(who, role, what);
    return next();
  });

/** Downloads (format=csv|xlsx) of an otherwise open read need the analyst role. */
export const needForFiles = createMiddleware<AppEnv>(async (c, next) => {
  const format = c.req.query('format');
  const who = identityOf(c);
  if ((format === 'csv' || format === 'xlsx') && !atLeast(who.role, 'analyst'))
    throw roleTooLow(who, 'analyst', { en: 'a download', vi: 'tải tệp' });
  return next();
});

/** The caller's scope, resolved against the current unit tree, for the query layer. */
export const callerScope = (c: Context<AppEnv>, geo: Geography): ReadScope => resolveScope(geo, identityOf(c).scope);
