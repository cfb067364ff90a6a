// Who is signed in (/api/v1/auth/me), asked once when the dashboard starts. The session cookie
// is HttpOnly, so the dashboard never sees a secret: it only asks the API who it is. Without a
// session the app shows the sign-in screen instead of the pages; a 401 from any later call
// (the session expired, was signed out elsewhere, the user was disabled) brings it back.
import { ApiError, getMe, onUnauthorized, signOut as endSession, type Me, type Role } from './api';
import { takeParam } from './url.svelte';

// The last four come from the API's redirect after a refused sign-in link (/?sign_in=…).
const LINK_FAILURES = ['link-invalid', 'link-no-access', 'link-used', 'too-many'] as const;
type LinkFailure = (typeof LINK_FAILURES)[number];
export type SignedOutReason = 'required' | 'ended' | 'signed-out' | 'denied' | LinkFailure;

const isLinkFailure = (v: string | undefined): v is LinkFailure => LINK_FAILURES.includes(v as LinkFailure);

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; me: Me }
  | { status: 'signed-out'; reason: SignedOutReason; message?: string }
  | { status: 'error'; message: string };

// A Record over Role: a role added to the API without a rank here fails the build.
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, editor: 2, admin: 3 };

let state = $state.raw<SessionState>({ status: 'loading' });
// taken when the module loads, not inside load(): load() runs while the page renders, where
// changing the URL state is not allowed
const linkFailure = takeParam('sign_in');
let started = false;

function load() {
  if (started) return;
  started = true;
  getMe().then(
    (me) => (state = { status: 'signed-in', me }),
    (e: unknown) => {
      if (!(e instanceof ApiError)) state = { status: 'error', message: String(e) };
      else if (e.status === 401)
        state = {
          status: 'signed-out',
          reason: isLinkFailure(linkFailure) ? linkFailure : 'required',
          message: e.message,
        };
      // signed in through Cloudflare Access with an address that has no account, or refused
      else if (e.status === 403 || e.status === 429)
        state = { status: 'signed-out', reason: 'denied', message: e.message };
      else state = { status: 'error', message: e.message };
    },
  );
}

onUnauthorized((message) => {
  if (state.status === 'signed-in') state = { status: 'signed-out', reason: 'ended', message };
});

export const session = {
  get state(): SessionState {
    load();
    return state;
  },
  /** The signed-in identity, or undefined. */
  get me(): Me | undefined {
    load();
    return state.status === 'signed-in' ? state.me : undefined;
  },
};

/** Every role, least first. */
export const ROLES = (Object.keys(RANK) as Role[]).sort((a, b) => RANK[a] - RANK[b]);

/** Does the signed-in role reach `role` (viewer < analyst < editor < admin)? */
export function can(role: Role): boolean {
  const me = session.me;
  return me !== undefined && RANK[me.role] >= RANK[role];
}

/** Ends the session on the server (and its cookie), then shows the sign-in screen. */
export async function signOut() {
  try {
    await endSession();
  } catch {
    // already ended: the sign-in screen is right either way
  }
  state = { status: 'signed-out', reason: 'signed-out' };
}
