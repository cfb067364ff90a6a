import { createHash } from 'node:crypto';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { rebuildCube, rebuildUnitClosure } from '../../worker/queries/cube/refresh.ts';
import type { DemoDataset } from './types.ts';

// Turns the demo dataset into one SQL script for `wrangler d1 execute --file`: raw rows under
// one import batch per dataset (per year for awards), then the unit closure and the award
// cube rebuilt by the same statements the worker uses. Only ever run on an empty database,
// so ids can be assigned here.

type Value = string | number | null | undefined;
const literal = (v: Value) =>
  v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;

// 200 rows keep each statement well under D1's 100 KB statement limit.
function insert(table: string, columns: string[], rows: Value[][], chunk = 200): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) => `(${r.map(literal).join(',')})`);
    out.push(`INSERT INTO ${table} (${columns.join(',')}) VALUES\n${values.join(',\n')};`);
  }
  return out;
}

export function demoToSql(d: DemoDataset, now = new Date().toISOString()): string[] {
  const statements: string[] = [];
  const batches: Value[][] = [];
  const batch = (dataset: string, filename: string, records: unknown[]) => {
    const id = batches.length + 1;
    const hash = createHash('sha256').update(JSON.stringify(records)).digest('hex');
    batches.push([id, dataset, filename, 'demo', hash, records.length, 'demo', now, 'committed']);
    return id;
  };

  const unitId = new Map(d.units.map((u, i) => [u.code, i + 1]));
  const id = (code: string | undefined, map: Map<string, number>) => {
    if (code === undefined) return null;
    const found = map.get(code);
    if (found === undefined) throw new Error(`demo data refers to unknown code ${code}`);
    return found;
  };

  const unitsBatch = batch('units', 'don-vi.csv', d.units);
  const lineageBatch = batch('unit_lineage', 'ke-thua-don-vi.csv', d.unit_lineage);
  const clustersBatch = batch('clusters', 'cum-khoi.csv', d.clusters);
  const membersBatch = batch('cluster_members', 'thanh-vien-cum-khoi.csv', d.cluster_members);
  const movementsBatch = batch('movements', 'phong-trao.csv', d.movements);
  const typesBatch = batch('award_types', 'hinh-thuc-khen-thuong.csv', d.award_types);

  const clusterId = new Map(d.clusters.map((c, i) => [c.code, i + 1]));
  const movementId = new Map(d.movements.map((m, i) => [m.code, i + 1]));

  const awardRows: Value[][] = [];
  for (const [year, list] of d.awards) {
    const b = batch('awards', `khen-thuong-${year}.xlsx`, list);
    list.forEach((a, i) =>
      awardRows.push([
        b, i + 1, a.year, a.award_code, id(a.unit_code, unitId), a.recipient_kind, a.quantity, a.gender ?? null,
        a.recipient_class ?? null, a.method ?? 'THUONG_XUYEN', a.ethnic_minority ?? null, id(a.movement_code, movementId),
        a.decision_no ?? null, a.decision_date ?? null, a.recipient_name ?? null,
      ]),
    );
  }
  const resultsBatch = batch('movement_results', 'ket-qua-cum-khoi.csv', d.movement_results);

  statements.push(...insert('import_batches', ['id', 'dataset', 'filename', 'format', 'content_hash', 'rows', 'created_by', 'created_at', 'status'], batches));
  statements.push(
    ...insert('units', ['id', 'code', 'name', 'kind', 'parent_id', 'valid_from', 'valid_to', 'batch_id'],
      d.units.map((u) => [id(u.code, unitId), u.code, u.name, u.kind, id(u.parent_code, unitId), u.valid_from, u.valid_to, unitsBatch])),
    ...insert('unit_lineage', ['from_unit_id', 'to_unit_id', 'effective_date', 'share', 'batch_id'],
      d.unit_lineage.map((l) => [id(l.from_code, unitId), id(l.to_code, unitId), l.effective_date, l.share, lineageBatch])),
    ...insert('clusters', ['id', 'code', 'name', 'kind', 'level', 'owner_unit_id', 'batch_id'],
      d.clusters.map((c) => [id(c.code, clusterId), c.code, c.name, c.kind, c.level, id(c.owner_code, unitId), clustersBatch])),
    ...insert('cluster_members', ['cluster_id', 'unit_id', 'year_from', 'year_to', 'batch_id'],
      d.cluster_members.map((m) => [id(m.cluster_code, clusterId), id(m.unit_code, unitId), m.year_from, m.year_to, membersBatch])),
    ...insert('movements', ['id', 'code', 'name', 'level', 'kind', 'owner_unit_id', 'start_date', 'end_date', 'batch_id'],
      d.movements.map((m) => [id(m.code, movementId), m.code, m.name, m.level, m.kind, id(m.owner_code, unitId), m.start_date, m.end_date, movementsBatch])),
    ...insert('award_types', ['code', 'name_vi', 'name_en', 'category', 'tier', 'scope', 'builtin', 'sort_order', 'batch_id'],
      d.award_types.map((t, i) => [t.code, t.name_vi, t.name_en, t.category, t.tier, t.scope, 0, 10_000 + i, typesBatch])),
    ...insert('awards', ['batch_id', 'row_no', 'year', 'award_code', 'unit_id', 'recipient_kind', 'quantity', 'gender', 'recipient_class', 'method', 'ethnic_minority', 'movement_id', 'decision_no', 'decision_date', 'recipient_name'], awardRows),
    ...insert('movement_results', ['batch_id', 'year', 'cluster_id', 'unit_id', 'score', 'rank', 'proposed_award_code'],
      d.movement_results.map((r) => [resultsBatch, r.year, id(r.cluster_code, clusterId), id(r.unit_code, unitId), r.score, r.rank, r.proposed_award_code])),
  );

  const dialect = new SQLiteSyncDialect();
  for (const q of [...rebuildUnitClosure(), ...rebuildCube()]) statements.push(`${dialect.sqlToQuery(q).sql};`);
  statements.push(`UPDATE data_state SET version = version + 1, updated_at = ${literal(now)} WHERE id = 1;`);
  return statements;
}
