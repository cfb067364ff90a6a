import { sql } from 'drizzle-orm';
import { all, batch, first, type ReadCost } from '../../db/run';

// Remembered unit names (unit_aliases). Each change and its audit line are one batch (one
// transaction): an alias is never created or removed without its line, nor a line written
// for a change that did not happen.

export interface AliasRow {
  id: number;
  alias: string;
  alias_text: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  created_by: string;
  created_at: string;
}

const SELECT = sql`SELECT a.id, a.alias, a.alias_text, a.unit_id, u.code AS unit_code, u.name AS unit_name,
  a.created_by, a.created_at FROM unit_aliases a JOIN units u ON u.id = a.unit_id`;

export const listAliases = (db: D1Database, cost: ReadCost) =>
  all<AliasRow>(db, cost, sql`${SELECT} ORDER BY a.alias_text, a.id`);

export const findAlias = (db: D1Database, cost: ReadCost, id: number) =>
  first<AliasRow>(db, cost, sql`${SELECT} WHERE a.id = ${id}`);

/** Folded alias → unit id, for the importer. */
export const aliasUnits = (db: D1Database, cost: ReadCost) =>
  all<{ alias: string; unit_id: number }>(db, cost, sql`SELECT alias, unit_id FROM unit_aliases`);

export interface NewAlias {
  alias: string;
  aliasText: string;
  unitId: number;
  createdBy: string;
  createdAt: string;
  audit: string;
}

/** The new alias's id, or null when the folded text is already taken (nothing written then). */
export async function insertAlias(db: D1Database, cost: ReadCost, a: NewAlias): Promise<number | null> {
  const [inserted] = await batch(db, cost, [
    sql`INSERT INTO unit_aliases (alias, alias_text, unit_id, created_by, created_at)
        VALUES (${a.alias}, ${a.aliasText}, ${a.unitId}, ${a.createdBy}, ${a.createdAt})
        ON CONFLICT (alias) DO NOTHING RETURNING id`,
    // changes() is the insert's: 0 when the text was taken, and then no line
    sql`INSERT INTO audit_log (at, actor, action, target, detail)
        SELECT ${a.createdAt}, ${a.createdBy}, 'alias_create', ${a.aliasText}, ${a.audit} WHERE changes() = 1`,
  ]);
  return (inserted.results[0] as { id: number } | undefined)?.id ?? null;
}

/** Whether the alias was there to remove. */
export async function deleteAlias(db: D1Database, cost: ReadCost, id: number, actor: string, at: string) {
  const [, deleted] = await batch(db, cost, [
    sql`INSERT INTO audit_log (at, actor, action, target, detail)
        SELECT ${at}, ${actor}, 'alias_delete', a.alias_text, json_object('unit_code', u.code, 'alias_id', a.id)
        FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE a.id = ${id}`,
    sql`DELETE FROM unit_aliases WHERE id = ${id}`,
  ]);
  return (deleted.meta.changes ?? 0) > 0;
}
