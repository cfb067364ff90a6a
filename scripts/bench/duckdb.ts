// DuckDB over the same data: the tables the naive queries touch, exported from the local D1
// file to CSV and loaded into an in-memory DuckDB.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DuckDBInstance } from '@duckdb/node-api';
import { NAIVE_QUERIES } from './naive.ts';

// a server just stopped may hold the D1 file's lock a moment longer: wait for it, do not fail
const BUSY_MS = 30_000;

const TABLES: Record<string, string> = {
  awards:
    'year, award_code, unit_id, recipient_kind, quantity, gender, ' +
    'recipient_class, method, ethnic_minority, movement_id',
  units: 'id, code, parent_id',
  unit_closure: 'ancestor_id, unit_id, depth',
  award_types: 'code, category, tier',
  clusters: 'id, code',
  cluster_members: 'cluster_id, unit_id, year_from, year_to',
  movements: 'id, code',
  movement_results: 'year, cluster_id, unit_id, score, rank, proposed_award_code',
};

const csvCell = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'string' ? `"${v.replaceAll('"', '""')}"` : String(v);

export async function duckdbTimings(
  sqliteFile: string,
  queries: string[],
): Promise<{ loadSeconds: number; ms: Record<string, number>; totals: Record<string, number> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-duck-'));
  const started = performance.now();
  const src = new DatabaseSync(sqliteFile, { readOnly: true, timeout: BUSY_MS });
  for (const [table, columns] of Object.entries(TABLES)) {
    const fd = openSync(path.join(dir, `${table}.csv`), 'w');
    writeSync(fd, `${columns.replaceAll(' ', '')}\n`);
    let chunk: string[] = [];
    for (const row of src.prepare(`SELECT ${columns} FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
      chunk.push(Object.values(row).map(csvCell).join(','));
      if (chunk.length === 100_000) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length) writeSync(fd, `${chunk.join('\n')}\n`);
    closeSync(fd);
  }
  src.close();
  const duck = await DuckDBInstance.create(':memory:');
  const con = await duck.connect();
  for (const table of Object.keys(TABLES)) {
    await con.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${path.join(dir, `${table}.csv`)}', header = true)`,
    );
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const ms: Record<string, number> = {};
  const totals: Record<string, number> = {};
  for (const name of queries) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const reader = await con.runAndReadAll(NAIVE_QUERIES[name]);
      times.push(performance.now() - t);
      totals[name] = reader.getRowObjectsJS().reduce((s, r) => s + Number((r as { count?: unknown }).count ?? 0), 0);
    }
    ms[name] = times.sort((a, b) => a - b)[1];
  }
  con.closeSync();
  rmSync(dir, { recursive: true, force: true });
  return { loadSeconds, ms, totals };
}
