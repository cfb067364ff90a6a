import { sign, verify } from 'hono/jwt';

// A sign-in link carries a short-lived ticket signed (HS256) with SIGN_IN_SECRET, a key of its
// own: a link is handed to people and may be seen by others, so it must not be a sample from
// which ADMIN_TOKEN could be guessed offline. `sub` is a user id, or 0 for the bootstrap admin;
// `jti` names the link, which opens one session only (sign_in_links).

export interface Ticket {
  purpose: 'sign-in';
  sub: number;
  jti: string;
  exp: number;
}

export const signTicket = (
  secret: string,
  sub: number,
  lifetimeSeconds: number,
  jti: string = crypto.randomUUID(),
  now = Math.floor(Date.now() / 1000),
) => sign({ purpose: 'sign-in', sub, jti, exp: now + lifetimeSeconds }, secret, 'HS256');

export async function verifyTicket(secret: string, ticket: string): Promise<Ticket | null> {
  try {
    const claims = (await verify(ticket, secret, 'HS256')) as Partial<Ticket>;
    if (
      claims.purpose !== 'sign-in' ||
      typeof claims.sub !== 'number' ||
      typeof claims.jti !== 'string' ||
      typeof claims.exp !== 'number'
    )
      return null;
    return claims as Ticket;
  } catch {
    return null;
  }
}
