import { sql, type SQL } from 'drizzle-orm';
import { batch, type ReadCost } from '../../db/run';

// The catalogue (units, lineage, clusters, members, movements, award types) is what every first
// read of an isolate needs: the plan walks the unit tree, /meta lists it. At national scale it is
// 25,000 rows; kept as a snapshot of a few large rows, a cold isolate reads those instead.
//
// The snapshot is built in SQL (json_group_array over each table) inside one transaction that also
// marks data_state clean, bumps catalog_version and draws a new catalog_stamp; triggers on the six
// tables (migration 0023) set catalog_clean = 0 on any change. So a snapshot is used only if
// data_state says clean and its version is the current one: never a stale one, whoever wrote the
// tables. Built in SQL, no value passes through a statement's parameters (D1's 100 KB per
// statement), and each row is cut at about CHUNK_BYTES of UTF-8, under D1's 2 MB per value.

const CHUNK_BYTES = 1_000_000;

/** Each table's columns as the snapshot stores them (one JSON array per row, in this order). */
export const CATALOG_TABLES = {
  units: ['id', 'code', 'name', 'kind', 'parent_id', 'valid_from', 'valid_to'],
  unit_lineage: ['id', 'from_unit_id', 'to_unit_id', 'effective_date', 'share'],
  clusters: ['id', 'code', 'name', 'kind', 'level', 'owner_unit_id'],
  cluster_members: ['cluster_id', 'unit_id', 'year_from', 'year_to'],
  movements: ['id', 'code', 'name', 'level', 'kind', 'owner_unit_id', 'start_date', 'end_date'],
  award_types: [
    'code',
    'name_vi',
    'name_en',
    'category',
    'tier',
    'scope',
    'household_allowed',
    'valid_to',
    'builtin',
    'sort_order',
  ],
} as const;

export type CatalogTable = keyof typeof CATALOG_TABLES;
type Row<T extends CatalogTable> = Record<(typeof CATALOG_TABLES)[T][number], string | number | null>;
export type CatalogRows = { [T in CatalogTable]: Row<T>[] };

/** The datasets whose tables the catalogue holds (their imports and rollbacks rewrite it). */
export const CATALOG_DATASETS: ReadonlySet<string> = new Set(Object.keys(CATALOG_TABLES));

/**
 * Rewrites the snapshot from the tables as they are in this transaction: append to the batch
 * that changed them (an import's commit, a rollback, a federation push), or run alone on a miss.
 * No parameters (our own constants only), so the demo loader can run it as a plain script.
 */
export function writeCatalogSnapshot(): SQL[] {
  const version = sql`(SELECT catalog_version FROM data_state WHERE id = 1)`;
  return [
    sql`UPDATE data_state SET catalog_version = catalog_version + 1, catalog_clean = 1,
      catalog_stamp = lower(hex(randomblob(8))) WHERE id = 1`,
    sql`DELETE FROM catalog_snapshot`,
    sql`INSERT INTO catalog_snapshot (part, version, body) VALUES ('*', ${version}, '')`,
    ...(Object.entries(CATALOG_TABLES) as [CatalogTable, readonly string[]][]).map(
      ([table, columns]) => sql`INSERT INTO catalog_snapshot (part, version, body)
SELECT ${sql.raw(`'${table}:'`)} || chunk, ${version}, json_group_array(json(j)) FROM (
  SELECT j, SUM(length(CAST(j AS BLOB)) + 1) OVER (ORDER BY r ROWS UNBOUNDED PRECEDING) / ${sql.raw(
    String(CHUNK_BYTES),
  )} AS chunk
  FROM (SELECT rowid AS r, json_array(${sql.raw(columns.join(', '))}) AS j FROM ${sql.identifier(table)})
) GROUP BY chunk`,
    ),
  ];
}

export interface Catalog {
  /** Changes with every snapshot written: what an isolate keys its copy on. */
  stamp: string;
  rows: CatalogRows;
}

export interface CatalogState {
  catalog_version: number;
  catalog_clean: number;
  catalog_stamp: string;
}

let kept: Catalog | undefined;

const STATE = sql`SELECT catalog_version, catalog_clean, catalog_stamp FROM data_state WHERE id = 1`;
const PARTS = sql`SELECT part, version, body FROM catalog_snapshot`;

function parse(parts: { part: string; version: number; body: string }[], stamp: string): Catalog {
  const rows = Object.fromEntries(Object.keys(CATALOG_TABLES).map((t) => [t, []])) as unknown as CatalogRows;
  // chunks in order, so that each table's rows come in rowid order
  const chunks = parts
    .filter((p) => p.part !== '*')
    .map((p) => ({ table: p.part.slice(0, p.part.lastIndexOf(':')), at: Number(p.part.split(':').pop()), p }))
    .sort((a, b) => (a.table === b.table ? a.at - b.at : a.table < b.table ? -1 : 1));
  for (const { table, p } of chunks) {
    const columns = CATALOG_TABLES[table as CatalogTable];
    if (!columns) continue;
    const list = rows[table as CatalogTable] as Record<string, unknown>[];
    for (const values of JSON.parse(p.body) as unknown[][])
      list.push(Object.fromEntries(columns.map((c, i) => [c, values[i] ?? null])));
  }
  return { stamp, rows };
}

/**
 * The catalogue: this isolate's copy if `known` (the data state the request read) says it is
 * current, else the snapshot (a few rows), else rebuilt from the tables and read back.
 */
export async function readCatalog(d1: D1Database, cost: ReadCost, known?: CatalogState): Promise<Catalog> {
  if (known?.catalog_clean && kept?.stamp === known.catalog_stamp) return kept;
  for (let attempt = 0; ; attempt++) {
    const [state, parts] = await batch(d1, cost, [STATE, PARTS]);
    const s = state.results[0] as CatalogState;
    const list = parts.results as { part: string; version: number; body: string }[];
    const header = list.find((p) => p.part === '*');
    if (s.catalog_clean && header?.version === s.catalog_version) {
      if (kept?.stamp !== s.catalog_stamp) kept = parse(list, s.catalog_stamp);
      return kept;
    }
    // missing or stale: written anew from the tables (once; a change racing it is read as it is)
    if (attempt > 0) return { stamp: '', rows: await readTables(d1, cost) };
    await batch(d1, cost, writeCatalogSnapshot());
  }
}

/** The tables themselves (a snapshot that keeps going stale under a storm of changes). */
async function readTables(d1: D1Database, cost: ReadCost): Promise<CatalogRows> {
  const names = Object.keys(CATALOG_TABLES) as CatalogTable[];
  const results = await batch(
    d1,
    cost,
    names.map((t) => sql`SELECT ${sql.raw(CATALOG_TABLES[t].join(', '))} FROM ${sql.identifier(t)} ORDER BY rowid`),
  );
  return Object.fromEntries(names.map((t, i) => [t, results[i].results])) as unknown as CatalogRows;
}
