import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { atLeast, type Role } from '../auth/roles';
import type { Identity } from '../auth/identity';
import type { AppEnv } from '../env';
import type { Geography } from '../queries/geography';
import { resolveScope, type ReadScope } from '../queries/scope';

/** The identity authenticate set; routes behind it always have one. */
export function identityOf(c: Context<AppEnv>): Identity {
  const who = c.get('identity');
  if (!who) throw new Error('identityOf called on a public route');
  return who;
}

const forbidden = (c: Context<AppEnv>, who: Identity, role: Role, what: string) =>
  c.json({ error: `Forbidden: ${what} needs the ${role} role or higher (you are ${who.role})`, required_role: role }, 403);

/** The route needs at least `role`. */
export const need = (role: Role, what = 'this') =>
  createMiddleware<AppEnv>(async (c, next) => {
    const who = identityOf(c);
    if (!atLeast(who.role, role)) return forbidden(c, who, role, what);
    return next();
  });

/** Downloads (format=csv|xlsx) of an otherwise open read need the analyst role. */
export const needForFiles = createMiddleware<AppEnv>(async (c, next) => {
  const format = c.req.query('format');
  const who = identityOf(c);
  if ((format === 'csv' || format === 'xlsx') && !atLeast(who.role, 'analyst')) return forbidden(c, who, 'analyst', 'a download');
  return next();
});

/** The caller's scope, resolved against the current unit tree, for the query layer. */
export const callerScope = (c: Context<AppEnv>, geo: Geography): ReadScope => resolveScope(geo, identityOf(c).scope);
