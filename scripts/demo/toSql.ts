import { createHash } from 'node:crypto';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../worker/db/schema.ts';
import { writeCatalogSnapshot } from '../../worker/queries/catalog/snapshot.ts';
import { rebuildCube, rebuildUnitClosure } from '../../worker/queries/cube/refresh.ts';
import { rebuildTodayStatements } from '../../worker/queries/today/rebuild.ts';
import type { DemoDataset } from './types.ts';

// Turns the demo dataset into one SQL script for `wrangler d1 execute --file`: raw rows under
// one import batch per dataset (per year for awards), then the unit closure, the award cube,
// award_cube_today and the catalogue's snapshot rebuilt by the same statements the worker uses.
// Only ever run on an empty database, so ids can be assigned here.

type Value = string | number | null | undefined;
const literal = (v: Value) =>
  v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;

// Rows are keyed by the drizzle table's own property names (typed by its $inferInsert), and the
// SQL column names come from the table: the demo is written to the same schema the worker reads.
// 200 rows keep each statement well under D1's 100 KB statement limit.
function insert<T extends SQLiteTable>(
  table: T,
  rows: { [K in keyof T['$inferInsert']]?: Value }[],
  chunk = 200,
): string[] {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]);
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows
      .slice(i, i + chunk)
      .map((r) => `(${keys.map((k) => literal((r as Record<string, Value>)[k])).join(',')})`);
    out.push(
      `INSERT INTO ${getTableName(table)} (${keys.map((k) => columns[k].name).join(',')}) ` +
        `VALUES\n${values.join(',\n')};`,
    );
  }
  return out;
}

export function demoToSql(d: DemoDataset, now = new Date().toISOString()): string[] {
  const statements: string[] = [];
  const batches: (typeof schema.importBatches.$inferInsert)[] = [];
  const batch = (
    dataset: (typeof schema.importBatches.$inferInsert)['dataset'],
    filename: string,
    records: unknown[],
  ) => {
    const id = batches.length + 1;
    const hash = createHash('sha256').update(JSON.stringify(records)).digest('hex');
    batches.push({
      id,
      dataset,
      filename,
      format: 'demo',
      contentHash: hash,
      rows: records.length,
      createdBy: 'demo',
      createdAt: now,
      status: 'committed',
    });
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

  const awardRows: { [K in keyof typeof schema.awards.$inferInsert]?: Value }[] = [];
  for (const [year, list] of d.awards) {
    const b = batch('awards', `khen-thuong-${year}.xlsx`, list);
    list.forEach((a, i) => {
      awardRows.push({
        batchId: b,
        rowNo: i + 1,
        year: a.year,
        awardCode: a.award_code,
        unitId: id(a.unit_code, unitId),
        recipientKind: a.recipient_kind,
        quantity: a.quantity,
        gender: a.gender ?? null,
        recipientClass: a.recipient_class ?? null,
        method: a.method ?? 'THUONG_XUYEN',
        ethnicMinority: a.ethnic_minority ?? null,
        movementId: id(a.movement_code, movementId),
        decisionNo: a.decision_no ?? null,
        decisionDate: a.decision_date ?? null,
        recipientName: a.recipient_name ?? null,
      });
    });
  }
  const resultsBatch = batch('movement_results', 'ket-qua-cum-khoi.csv', d.movement_results);

  statements.push(
    ...insert(schema.importBatches, batches),
    ...insert(
      schema.units,
      d.units.map((u) => ({
        id: id(u.code, unitId),
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentId: id(u.parent_code, unitId),
        validFrom: u.valid_from,
        validTo: u.valid_to,
        batchId: unitsBatch,
      })),
    ),
    ...insert(
      schema.unitLineage,
      d.unit_lineage.map((l) => ({
        fromUnitId: id(l.from_code, unitId),
        toUnitId: id(l.to_code, unitId),
        effectiveDate: l.effective_date,
        share: l.share,
        batchId: lineageBatch,
      })),
    ),
    ...insert(
      schema.clusters,
      d.clusters.map((c) => ({
        id: id(c.code, clusterId),
        code: c.code,
        name: c.name,
        kind: c.kind,
        level: c.level,
        ownerUnitId: id(c.owner_code, unitId),
        batchId: clustersBatch,
      })),
    ),
    ...insert(
      schema.clusterMembers,
      d.cluster_members.map((m) => ({
        clusterId: id(m.cluster_code, clusterId),
        unitId: id(m.unit_code, unitId),
        yearFrom: m.year_from,
        yearTo: m.year_to,
        batchId: membersBatch,
      })),
    ),
    ...insert(
      schema.movements,
      d.movements.map((m) => ({
        id: id(m.code, movementId),
        code: m.code,
        name: m.name,
        level: m.level,
        kind: m.kind,
        ownerUnitId: id(m.owner_code, unitId),
        startDate: m.start_date,
        endDate: m.end_date,
        batchId: movementsBatch,
      })),
    ),
    ...insert(
      schema.awardTypes,
      d.award_types.map((t, i) => ({
        code: t.code,
        nameVi: t.name_vi,
        nameEn: t.name_en,
        category: t.category,
        tier: t.tier,
        scope: t.scope,
        builtin: 0,
        sortOrder: 10_000 + i,
        batchId: typesBatch,
      })),
    ),
    ...insert(schema.awards, awardRows),
    ...insert(
      schema.movementResults,
      d.movement_results.map((r) => ({
        batchId: resultsBatch,
        year: r.year,
        clusterId: id(r.cluster_code, clusterId),
        unitId: id(r.unit_code, unitId),
        score: r.score,
        rank: r.rank,
        proposedAwardCode: r.proposed_award_code,
      })),
    ),
  );

  const dialect = new SQLiteSyncDialect();
  const geography = {
    units: d.units.map((u) => ({
      id: id(u.code, unitId),
      code: u.code,
      name: u.name,
      kind: u.kind,
      parent_id: id(u.parent_code, unitId),
      valid_from: u.valid_from ?? null,
      valid_to: u.valid_to ?? null,
    })),
    unit_lineage: d.unit_lineage.map((l, i) => ({
      id: i + 1,
      from_unit_id: id(l.from_code, unitId),
      to_unit_id: id(l.to_code, unitId),
      effective_date: l.effective_date,
      share: l.share ?? 1,
    })),
  };
  for (const q of [
    ...rebuildUnitClosure(),
    ...rebuildCube(),
    ...rebuildTodayStatements(geography),
    ...writeCatalogSnapshot(),
  ])
    statements.push(`${dialect.sqlToQuery(q).sql};`);
  statements.push(`UPDATE data_state SET version = version + 1, updated_at = ${literal(now)} WHERE id = 1;`);
  return statements;
}
