import { sign, verify } from 'hono/jwt';

// A sign-in link carries a short-lived ticket signed with ADMIN_TOKEN: whoever holds the
// bootstrap token (the person who ran `npm start`, or an admin making a link for a user) can
// open a browser session without typing a secret. `sub` is a user id, or 0 for the bootstrap admin.

export interface Ticket {
  purpose: 'sign-in';
  sub: number;
  exp: number;
}

export const signTicket = (adminToken: string, sub: number, lifetimeSeconds: number, now = Math.floor(Date.now() / 1000)) =>
  sign({ purpose: 'sign-in', sub, exp: now + lifetimeSeconds }, `sign-in:${adminToken}`, 'HS256');

export async function verifyTicket(adminToken: string, ticket: string): Promise<Ticket | null> {
  try {
    const claims = (await verify(ticket, `sign-in:${adminToken}`, 'HS256')) as Partial<Ticket>;
    if (claims.purpose !== 'sign-in' || typeof claims.sub !== 'number') return null;
    return claims as Ticket;
  } catch {
    return null;
  }
}
