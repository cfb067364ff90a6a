// What the admin page's cards share: the user list (the users table, and the owner choice of a
// new API token) and a counter bumped after every change, which the token list and the audit
// log follow.
import { explain } from '../resource.svelte';
import { listUsers, type User } from './api';

type Users = { status: 'loading' } | { status: 'ready'; list: User[] } | { status: 'error'; error: string };

let users = $state.raw<Users>({ status: 'loading' });
let version = $state(0);

export async function reloadUsers() {
  try {
    users = { status: 'ready', list: (await listUsers()).users };
  } catch (e) {
    users = { status: 'error', error: explain(e) };
  }
}

export const admin = {
  get users() {
    return users;
  },
  /** Bumped after each change made on the page. */
  get version() {
    return version;
  },
};

/** After a change: the users again, and everything that follows `version`. */
export function changed() {
  version++;
  void reloadUsers();
}
