import { sql } from 'drizzle-orm';
import { all, first, type ReadCost } from '../../db/run';
import type { Role } from '../../auth/roles';

export interface UserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  scope_unit: string | null;
  scope_cluster: string | null;
  created_at: string;
  created_by: string;
  disabled_at: string | null;
}

const COLUMNS = sql`id, email, name, role, scope_unit, scope_cluster, created_at, created_by, disabled_at`;

export const listUsers = (db: D1Database, cost: ReadCost) =>
  all<UserRow>(db, cost, sql`SELECT ${COLUMNS} FROM users ORDER BY email LIMIT 1000`);

export const findUser = (db: D1Database, cost: ReadCost, id: number) =>
  first<UserRow>(db, cost, sql`SELECT ${COLUMNS} FROM users WHERE id = ${id}`);

export const findUserByEmail = (db: D1Database, cost: ReadCost, email: string) =>
  first<UserRow>(db, cost, sql`SELECT ${COLUMNS} FROM users WHERE email = ${email.toLowerCase()}`);

export type NewUser = Pick<
  UserRow,
  'email' | 'name' | 'role' | 'scope_unit' | 'scope_cluster' | 'created_at' | 'created_by'
>;

export async function insertUser(db: D1Database, cost: ReadCost, u: NewUser): Promise<UserRow> {
  const [row] = await all<UserRow>(
    db,
    cost,
    sql`INSERT INTO users (email, name, role, scope_unit, scope_cluster, created_at, created_by)
        VALUES (${u.email.toLowerCase()}, ${u.name}, ${u.role}, ${u.scope_unit}, ${u.scope_cluster},
          ${u.created_at}, ${u.created_by})
        RETURNING ${COLUMNS}`,
  );
  return row!;
}

export type UserChange = Partial<Pick<UserRow, 'name' | 'role' | 'scope_unit' | 'scope_cluster' | 'disabled_at'>>;

export async function updateUser(
  db: D1Database,
  cost: ReadCost,
  id: number,
  change: UserChange,
): Promise<UserRow | null> {
  const sets = Object.entries(change)
    .filter(([, v]) => v !== undefined)
    // keys come from the UserChange type (validated body), never from the request text
    .map(([k, v]) => sql`${sql.identifier(k)} = ${v}`);
  if (!sets.length) return findUser(db, cost, id);
  const [row] = await all<UserRow>(
    db,
    cost,
    sql`UPDATE users SET ${sql.join(sets, sql`, `)} WHERE id = ${id} RETURNING ${COLUMNS}`,
  );
  return row ?? null;
}
