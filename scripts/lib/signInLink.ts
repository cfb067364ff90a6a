import { signTicket } from '../../worker/auth/ticket.ts';

export const SIGN_IN_HOURS = 24;

/**
 * A one-click sign-in link for the bootstrap admin, signed with the SIGN_IN_SECRET the worker
 * runs with. It opens one session: the worker records it when it is first used.
 */
export async function signInLink(origin: string, signInSecret: string): Promise<string> {
  return `${origin}/api/v1/auth/sign-in?ticket=${await signTicket(signInSecret, 0, SIGN_IN_HOURS * 3600)}`;
}
