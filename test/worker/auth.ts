import { env, SELF } from 'cloudflare:test';
import { signTicket } from '../../worker/auth/ticket';

export const ADMIN_TOKEN = 'test-admin-token-7Qm2xWv9Lk4Rt8Zp3Hs6Jd1N';

/** SELF.fetch as the bootstrap admin, unless the request brings its own Authorization. */
export function api(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${ADMIN_TOKEN}`);
  return SELF.fetch(input, { ...init, headers });
}

/** SELF.fetch with no credentials at all. */
export const anonymous = (input: string, init: RequestInit = {}) => SELF.fetch(input, init);

/** A bootstrap admin sign-in ticket, as `npm start` signs it (with the worker's SIGN_IN_SECRET). */
export const bootstrapTicket = (lifetimeSeconds = 3600) => signTicket(env.SIGN_IN_SECRET!, 0, lifetimeSeconds);
