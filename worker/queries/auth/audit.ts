import { sql } from 'drizzle-orm';
import { all, type ReadCost } from '../../db/run';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

/** The statement that records one line; callers run it in the same batch as the change it describes. */
export function auditStatement(db: D1Database, e: AuditEntry, at = new Date().toISOString()): D1PreparedStatement {
  return db
    .prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
    .bind(at, e.actor, e.action, e.target ?? null, e.detail === undefined ? null : JSON.stringify(e.detail));
}

export async function recordAudit(db: D1Database, e: AuditEntry): Promise<void> {
  await auditStatement(db, e).run();
}

/** Newest first, pages of `limit` before the id `before`. */
export const listAudit = (db: D1Database, cost: ReadCost, limit: number, before?: number, action?: string) =>
  all<AuditRow>(
    db,
    cost,
    sql`SELECT id, at, actor, action, target, detail FROM audit_log
        WHERE 1 = 1 ${before === undefined ? sql`` : sql`AND id < ${before}`}
          ${action === undefined ? sql`` : sql`AND action = ${action}`}
        ORDER BY id DESC LIMIT ${limit}`,
  );
