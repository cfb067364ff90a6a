import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { insertSession } from '../queries/auth/sessions';
import { randomSecret, sha256Hex } from './secrets';

export const SESSION_COOKIE = 'thidua_session';
export const SESSION_HOURS = 12;

// HttpOnly: no script reads it. Secure: browsers treat http://127.0.0.1 and localhost as secure
// contexts, so it works for `npm start` too. SameSite=Strict: no other site's page can send it.
const ATTRIBUTES = { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' } as const;

export async function openSession(c: Context<AppEnv>, userId: number | null): Promise<void> {
  const id = randomSecret();
  const now = new Date();
  await insertSession(c.env.DB, c.get('cost'), {
    id_hash: await sha256Hex(id),
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
  });
  setCookie(c, SESSION_COOKIE, id, { ...ATTRIBUTES, maxAge: SESSION_HOURS * 3600 });
}

export const sessionId = (c: Context<AppEnv>) => getCookie(c, SESSION_COOKIE);

export const clearSession = (c: Context<AppEnv>) => deleteCookie(c, SESSION_COOKIE, ATTRIBUTES);
