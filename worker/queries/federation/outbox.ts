import { sql, type SQL } from 'drizzle-orm';
import { all, batch, type ReadCost } from '../../db/run';
import { CUBE_COLUMNS, KEY_COLUMNS } from '../../federation/cubeColumns';
import type { PushBody } from '../../validation/federation';
import { ROOT_UNIT_ID } from '../cube/root';
import { jsonChunks } from './json';

// The province side: the cube as readers see it (award_cube plus the visible deltas of a batch
// being committed or rolled back), compared with what the national acknowledged (federation_sent).

const cols = (prefix = '') =>
  sql.join(
    CUBE_COLUMNS.map((c) => sql.raw(`${prefix}"${c}"`)),
    sql`, `,
  );
const keyOf = sql`json_array(${sql.join(
  KEY_COLUMNS.map((c) => sql.identifier(c)),
  sql`, `,
)})`;

// The virtual root's rows (every unit's total, worker/queries/cube/root.ts) stay home: they have no
// code, and the national sums its own root over all provinces' top units (apply.ts).
const CURRENT = sql`SELECT ${keyOf} AS k, SUM(n) AS n FROM (
    SELECT ${cols()} FROM award_cube WHERE unit_id <> ${sql.raw(String(ROOT_UNIT_ID))}
    UNION ALL SELECT ${cols()} FROM award_cube_delta
      WHERE batch_id IN (SELECT id FROM import_batches WHERE delta_visible = 1)
        AND unit_id <> ${sql.raw(String(ROOT_UNIT_ID))}
  ) GROUP BY 1`;

const at = (column: string) => `$[${KEY_COLUMNS.indexOf(column)}]`;

export interface OutboxRow {
  acked_version: number;
  acked_at: string | null;
  attempted_at: string | null;
  last_error: string | null;
}

export interface Snapshot {
  version: number;
  /** [key JSON, signed change] */
  changes: { k: string; d: number }[];
  units: {
    id: number;
    code: string;
    name: string;
    kind: string;
    parent: string | null;
    valid_from: string | null;
    valid_to: string | null;
  }[];
  lineage: { from: string; to: string; effective_date: string; share: number }[];
  movements: {
    id: number;
    code: string;
    name: string;
    level: string;
    kind: string;
    owner: string | null;
    start_date: string;
    end_date: string | null;
  }[];
  totals: { year: number; n: number }[];
  award_types: PushBody['award_types'];
}

/** Everything a push needs, read in one D1 batch (one transaction, so one consistent state). */
export async function readSnapshot(
  db: D1Database,
  cost: ReadCost,
  full: boolean,
  ackedVersion?: number,
): Promise<Snapshot> {
  // a heartbeat at the acknowledged version skips the comparison (it reads the whole cube): the
  // version moves with every change, so an unchanged version means no difference
  const diff =
    ackedVersion !== undefined
      ? sql`SELECT NULL AS k, 0 AS d WHERE (SELECT version FROM data_state WHERE id = 1) <> ${ackedVersion}`
      : full
        ? sql`SELECT k, n AS d FROM (${CURRENT}) WHERE n <> 0`
        : sql`WITH cur AS (${CURRENT})
      SELECT cur.k AS k, cur.n - COALESCE(s.n, 0) AS d FROM cur LEFT JOIN federation_sent s ON s.k = cur.k
        WHERE cur.n <> COALESCE(s.n, 0)
      UNION ALL SELECT s.k, -s.n FROM federation_sent s WHERE NOT EXISTS (SELECT 1 FROM cur WHERE cur.k = s.k)`;
  const [version, changes, units, lineage, movements, totals, awardTypes] = await batch(db, cost, [
    sql`SELECT version FROM data_state WHERE id = 1`,
    diff,
    sql`SELECT u.id, u.code, u.name, u.kind, p.code AS parent, u.valid_from, u.valid_to
        FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id`,
    sql`SELECT f.code AS "from", t.code AS "to", l.effective_date, l.share FROM unit_lineage l
        JOIN units f ON f.id = l.from_unit_id JOIN units t ON t.id = l.to_unit_id ORDER BY l.id`,
    sql`SELECT m.id, m.code, m.name, m.level, m.kind, o.code AS owner, m.start_date, m.end_date
        FROM movements m LEFT JOIN units o ON o.id = m.owner_unit_id ORDER BY m.id`,
    // the province's own figure for the reconciliation: the summary's total, over its top units
    sql`SELECT json_extract(k, ${at('year')}) AS year, SUM(n) AS n FROM (${CURRENT})
        WHERE json_extract(k, ${at('cuboid')}) = 0
          AND json_extract(k, ${at('unit_id')}) IN (SELECT id FROM units WHERE parent_id IS NULL)
        GROUP BY 1 ORDER BY 1`,
    sql`SELECT code, name_vi, name_en, category, tier, scope, household_allowed, valid_to FROM award_types
        WHERE builtin = 0 ORDER BY code`,
  ]);
  return {
    version: (version.results[0] as { version: number } | undefined)?.version ?? 0,
    changes: changes.results as Snapshot['changes'],
    units: units.results as Snapshot['units'],
    lineage: lineage.results as Snapshot['lineage'],
    movements: movements.results as Snapshot['movements'],
    totals: totals.results as Snapshot['totals'],
    award_types: awardTypes.results as Snapshot['award_types'],
  };
}

export async function outbox(db: D1Database, cost: ReadCost): Promise<OutboxRow> {
  const [, r] = await batch(db, cost, [
    sql`INSERT OR IGNORE INTO federation_outbox (id) VALUES (1)`,
    sql`SELECT acked_version, acked_at, attempted_at, last_error FROM federation_outbox WHERE id = 1`,
  ]);
  return r.results[0] as OutboxRow;
}

/** One sender at a time (until `until`); false if another holds the lease. */
export async function takeLease(db: D1Database, cost: ReadCost, now: string, until: string): Promise<boolean> {
  const [, r] = await batch(db, cost, [
    sql`INSERT OR IGNORE INTO federation_outbox (id) VALUES (1)`,
    sql`UPDATE federation_outbox SET lease_until = ${until}, attempted_at = ${now}
        WHERE id = 1 AND (lease_until IS NULL OR lease_until < ${now})`,
  ]);
  return r.meta.changes === 1;
}

export const releaseLease = (db: D1Database, cost: ReadCost) =>
  all(db, cost, sql`UPDATE federation_outbox SET lease_until = NULL WHERE id = 1`);

export const noteError = (db: D1Database, cost: ReadCost, error: string | null) =>
  all(db, cost, sql`UPDATE federation_outbox SET last_error = ${error} WHERE id = 1`);

/** The national acknowledged `version`: the sent copy takes the same changes, if nobody moved it. */
export async function acknowledge(
  db: D1Database,
  cost: ReadCost,
  o: { base: number; version: number; full: boolean; changes: Snapshot['changes']; now: string },
): Promise<void> {
  const statements: SQL[] = [
    sql`INSERT INTO federation_guard (province) SELECT 'outbox' WHERE NOT EXISTS (SELECT 1 FROM federation_outbox
      WHERE id = 1 AND acked_version = ${o.base})`,
  ];
  if (o.full) statements.push(sql`DELETE FROM federation_sent`);
  for (const part of jsonChunks(o.changes))
    statements.push(sql`INSERT INTO federation_sent (k, n)
      SELECT json_extract(value, '$.k'), json_extract(value, '$.d') FROM json_each(${part}) WHERE true
      ON CONFLICT (k) DO UPDATE SET n = n + excluded.n`);
  statements.push(
    sql`DELETE FROM federation_sent WHERE n = 0`,
    sql`UPDATE federation_outbox SET acked_version = ${o.version}, acked_at = ${o.now}, last_error = NULL
      WHERE id = 1`,
  );
  await batch(db, cost, statements);
}
