// Writes N award rows with the demo's distribution straight into a migrated local D1 file
// (node:sqlite, while no wrangler holds it), then rebuilds the unit closure and the cube with
// the worker's own statements. Reference data (units, lineage, clusters, results) is the demo's;
// with GEO=national also the synthetic provinces of national.ts, which then get most awards.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { writeCatalogSnapshot } from '../../worker/queries/catalog/snapshot.ts';
import { rebuildCube, rebuildUnitClosure } from '../../worker/queries/cube/refresh.ts';
import { rebuildTodayStatements } from '../../worker/queries/today/rebuild.ts';
import { generateDemo } from '../demo/index.ts';
import { createRandom } from '../demo/random.ts';
import { demoToSql } from '../demo/toSql.ts';
import { addNationalGeography, nationalGeography, syntheticUnit } from './national.ts';

export type Geo = 'province' | 'national';

export function d1File(dataDir: string): string {
  const dir = path.join(dataDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (!file) throw new Error(`no D1 database under ${dir}: apply the migrations first`);
  return path.join(dir, file);
}

export interface Generated {
  seconds: number;
  cubeRows: number;
  units: number;
  lineage: number;
  todayRows: number;
  kernelRows: number;
  /** The unit closure, the cube and award_cube_today rebuilt from scratch, seconds each. */
  closureSeconds: number;
  cubeSeconds: number;
  todaySeconds: number;
}

export function generate(dataDir: string, rows: number, geo: Geo = 'province'): Generated {
  const started = performance.now();
  const db = new DatabaseSync(d1File(dataDir));
  const demo = generateDemo();
  const templates = [...demo.awards.values()].flat();

  // reference data and its batches, exactly as the demo loader writes them
  for (const s of demoToSql({ ...demo, awards: new Map() }, new Date().toISOString())) db.exec(s);

  const unitId = new Map(demo.units.map((u, i) => [u.code, i + 1]));
  const newSide = new Set(demo.units.filter((u) => u.valid_from).map((u) => u.code));
  const national = geo === 'national' ? nationalGeography() : undefined;
  if (national) for (const [code, id] of addNationalGeography(db, national)) unitId.set(code, id);
  const provinces = national?.provinces ?? [];
  const movementId = new Map(demo.movements.map((m, i) => [m.code, i + 1]));
  const batchId = (db.prepare('SELECT MAX(id) AS id FROM import_batches').get() as { id: number }).id + 1;
  db.prepare(
    `INSERT INTO import_batches (id, dataset, filename, format, content_hash, rows, created_by, created_at, status)
     VALUES (?, 'awards', 'bench.csv', 'csv', ?, ?, 'bench', ?, 'committed')`,
  ).run(batchId, `bench-${rows}`, rows, new Date().toISOString());

  // sample templates in proportion to the awards they carry; each sampled row is one person
  const cumulative: number[] = [];
  let sum = 0;
  for (const t of templates) {
    sum += t.quantity;
    cumulative.push(sum);
  }
  const rnd = createRandom(rows);
  const insert = db.prepare(
    `INSERT INTO awards (batch_id, row_no, year, award_code, unit_id, recipient_kind, quantity, gender,
      recipient_class, method, ethnic_minority, movement_id, decision_no, decision_date)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.exec('BEGIN');
  for (let i = 1; i <= rows; i++) {
    const x = rnd.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    const t = templates[lo];
    // nationally, one award in 16 stays in the demo's provinces and the rest go to the others
    const unit = unitId.get(
      !provinces.length || rnd.chance(1 / 16)
        ? t.unit_code
        : syntheticUnit(rnd.pick(provinces), newSide.has(t.unit_code), rnd.next()),
    )!;
    insert.run(
      batchId,
      i,
      t.year,
      t.award_code,
      unit,
      t.recipient_kind,
      t.gender ?? null,
      t.recipient_class ?? null,
      t.method ?? 'THUONG_XUYEN',
      t.ethnic_minority ?? null,
      t.movement_code ? movementId.get(t.movement_code)! : null,
      t.decision_no ?? null,
      t.decision_date ?? null,
    );
    if (i % 200_000 === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN');
    }
  }
  db.exec('COMMIT');

  const out = aggregate(db);
  db.close();
  return { ...out, seconds: (performance.now() - started) / 1000 };
}

/** The unit closure and the cube of data generated before, rebuilt with the worker's statements. */
export function reaggregate(dataDir: string): Generated {
  const started = performance.now();
  const db = new DatabaseSync(d1File(dataDir));
  const out = aggregate(db);
  db.close();
  return { ...out, seconds: (performance.now() - started) / 1000 };
}

function aggregate(db: DatabaseSync): Omit<Generated, 'seconds'> {
  const dialect = new SQLiteSyncDialect();
  const timed = (qs: ReturnType<typeof rebuildCube>) => {
    const t = performance.now();
    for (const q of qs) db.exec(dialect.sqlToQuery(q).sql);
    return (performance.now() - t) / 1000;
  };
  const closureSeconds = timed(rebuildUnitClosure());
  const cubeSeconds = process.env.BENCH_REAGGREGATE === 'today' ? 0 : timed(rebuildCube());
  const todaySeconds = rebuildToday(db);
  timed(writeCatalogSnapshot());
  db.exec(`UPDATE data_state SET version = version + 1, updated_at = '${new Date().toISOString()}' WHERE id = 1`);
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    cubeRows: count('award_cube'),
    todayRows: count('award_cube_today'),
    kernelRows: count('today_kernel'),
    units: count('units'),
    lineage: count('unit_lineage'),
    closureSeconds,
    cubeSeconds,
    todaySeconds,
  };
}

/** award_cube_today from the cube and the units and lineage in the file, in seconds. */
export function rebuildToday(db: DatabaseSync): number {
  const dialect = new SQLiteSyncDialect();
  const t = performance.now();
  const units = db.prepare('SELECT id, code, name, kind, parent_id, valid_from, valid_to FROM units').all();
  const lineage = db.prepare('SELECT id, from_unit_id, to_unit_id, effective_date, share FROM unit_lineage').all();
  const statements = rebuildTodayStatements({ units, unit_lineage: lineage } as never);
  db.exec('BEGIN');
  for (const q of statements) db.exec(dialect.sqlToQuery(q).sql);
  db.exec('COMMIT');
  return (performance.now() - t) / 1000;
}
