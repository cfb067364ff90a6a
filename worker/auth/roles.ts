import { ROLES } from '../db/schema';

export { ROLES };
export type Role = (typeof ROLES)[number];

export const atLeast = (have: Role, need: Role) => ROLES.indexOf(have) >= ROLES.indexOf(need);

/** What each role may do, beyond the one below it (also shown on the admin page). */
export const ROLE_RIGHTS: Record<Role, string> = {
  viewer: 'dashboards and aggregate numbers',
  analyst: 'exports (CSV, XLSX, report forms), embeds and snapshots',
  editor: 'imports and rollbacks, targets and chart notes',
  admin: 'users, API tokens, the award catalog and the audit log',
};
