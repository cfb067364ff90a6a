import { signTicket } from '../../worker/auth/ticket.ts';

export const SIGN_IN_HOURS = 24;

/** The one-click sign-in link for the bootstrap admin (the worker checks it with the same ADMIN_TOKEN). */
export async function signInLink(origin: string, adminToken: string): Promise<string> {
  return `${origin}/api/v1/auth/sign-in?ticket=${await signTicket(adminToken, 0, SIGN_IN_HOURS * 3600)}`;
}
