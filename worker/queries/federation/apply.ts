import { sql, type SQL } from 'drizzle-orm';
import { ID_COLUMNS, KEY_COLUMNS } from '../../federation/cubeColumns';
import type { PushBody } from '../../validation/federation';
import { rebuildUnitClosure } from '../cube/refresh';
import { ROOT_UNIT_ID } from '../cube/root';
import { bumpVersion } from '../imports/batches';
import { jsonChunks } from './json';

// The statements of one push, run as ONE D1 batch (a transaction): all of it or nothing.

const field = (name: string) => sql`json_extract(value, ${`$.${name}`})`;

/** Fails the batch unless the province is still at the state the push was checked against. */
export const guardState = (province: string, version: number, signedAt: string): SQL =>
  sql`INSERT INTO federation_guard (province) SELECT ${province} WHERE NOT EXISTS (SELECT 1 FROM
    federation_provinces WHERE province = ${province} AND version = ${version} AND signed_at = ${signedAt})`;

export const isFederationGuardFailure = (e: unknown) =>
  e instanceof Error && e.message.includes('federation_state_changed');

/**
 * The province's units, lineage, movements, clusters (with its units' memberships and results),
 * mapped onto the national's ids by code; applied when their hash changed.
 */
export function geographyStatements(p: PushBody, now: string): SQL[] {
  const out: SQL[] = [];
  for (const part of jsonChunks(p.units)) {
    out.push(sql`INSERT INTO units (code, name, kind, valid_from, valid_to)
      SELECT ${field('code')}, ${field('name')}, ${field('kind')}, ${field('valid_from')}, ${field('valid_to')}
      FROM json_each(${part}) WHERE true
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
        valid_from = excluded.valid_from, valid_to = excluded.valid_to`);
    out.push(sql`UPDATE units SET parent_id = (SELECT p.id FROM units p WHERE p.code = j.parent)
      FROM (SELECT ${field('code')} AS code, ${field('parent')} AS parent FROM json_each(${part})) j
      WHERE units.code = j.code`);
    out.push(sql`INSERT OR IGNORE INTO federation_units (unit_id, province)
      SELECT u.id, ${p.province} FROM json_each(${part}) j JOIN units u ON u.code = json_extract(j.value, '$.code')`);
  }
  for (const part of jsonChunks(p.lineage)) {
    out.push(sql`INSERT INTO unit_lineage (from_unit_id, to_unit_id, effective_date, share)
      SELECT f.id, t.id, json_extract(j.value, '$.effective_date'), json_extract(j.value, '$.share')
      FROM json_each(${part}) j JOIN units f ON f.code = json_extract(j.value, '$.from')
        JOIN units t ON t.code = json_extract(j.value, '$.to') WHERE true
      ON CONFLICT (from_unit_id, to_unit_id) DO UPDATE SET effective_date = excluded.effective_date,
        share = excluded.share`);
  }
  for (const part of jsonChunks(p.movements)) {
    out.push(sql`INSERT INTO movements (code, name, level, kind, owner_unit_id, start_date, end_date)
      SELECT ${field('code')}, ${field('name')}, ${field('level')}, ${field('kind')},
        (SELECT id FROM units WHERE code = ${field('owner')}), ${field('start_date')}, ${field('end_date')}
      FROM json_each(${part}) WHERE true
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, kind = excluded.kind,
        owner_unit_id = excluded.owner_unit_id, start_date = excluded.start_date, end_date = excluded.end_date`);
  }
  for (const part of jsonChunks(p.award_types)) {
    // a code the national already has (built in, or from another province) keeps its definition
    out.push(sql`INSERT OR IGNORE INTO award_types (code, name_vi, name_en, category, tier, scope, household_allowed,
        valid_to)
      SELECT ${field('code')}, ${field('name_vi')}, ${field('name_en')}, ${field('category')}, ${field('tier')},
        ${field('scope')}, ${field('household_allowed')}, ${field('valid_to')} FROM json_each(${part})`);
  }
  out.push(...clusterStatements(p, now));
  out.push(...rebuildUnitClosure());
  return out;
}

// movement_results rows need an import batch (a foreign key): one per province at the national
const resultsBatch = (province: string) => `federation:${province}`;

/**
 * Clusters upserted by code (a central one gathers its members from every province); this
 * province's memberships and results replaced by what it sent, others' left alone.
 */
function clusterStatements(p: PushBody, now: string): SQL[] {
  const ours = sql`(SELECT unit_id FROM federation_units WHERE province = ${p.province})`;
  const hash = resultsBatch(p.province);
  const batchId = sql`(SELECT id FROM import_batches WHERE dataset = 'movement_results' AND content_hash = ${hash})`;
  const out: SQL[] = [];
  for (const part of jsonChunks(p.clusters))
    out.push(sql`INSERT INTO clusters (code, name, kind, level, owner_unit_id)
      SELECT ${field('code')}, ${field('name')}, ${field('kind')}, ${field('level')},
        (SELECT id FROM units WHERE code = ${field('owner')}) FROM json_each(${part}) WHERE true
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, level = excluded.level,
        owner_unit_id = excluded.owner_unit_id`);
  out.push(
    sql`DELETE FROM movement_results WHERE unit_id IN ${ours}`,
    sql`DELETE FROM cluster_members WHERE unit_id IN ${ours}`,
  );
  for (const part of jsonChunks(p.cluster_members))
    out.push(sql`INSERT INTO cluster_members (cluster_id, unit_id, year_from, year_to)
      SELECT c.id, u.id, json_extract(j.value, '$.year_from'), json_extract(j.value, '$.year_to')
      FROM json_each(${part}) j JOIN clusters c ON c.code = json_extract(j.value, '$.cluster')
        JOIN units u ON u.code = json_extract(j.value, '$.unit')`);
  out.push(
    sql`INSERT INTO import_batches (dataset, format, content_hash, rows, created_by, created_at, status)
      SELECT 'movement_results', 'json', ${hash}, 0, ${hash}, ${now}, 'committed'
      WHERE NOT EXISTS (SELECT 1 FROM import_batches WHERE dataset = 'movement_results' AND content_hash = ${hash})`,
    sql`UPDATE import_batches SET rows = ${p.movement_results.length} WHERE id = ${batchId}`,
  );
  for (const part of jsonChunks(p.movement_results))
    out.push(sql`INSERT INTO movement_results (batch_id, year, cluster_id, unit_id, score, rank, proposed_award_code)
      SELECT ${batchId}, json_extract(j.value, '$.year'), c.id, u.id, json_extract(j.value, '$.score'),
        json_extract(j.value, '$.rank'), json_extract(j.value, '$.proposed_award')
      FROM json_each(${part}) j JOIN clusters c ON c.code = json_extract(j.value, '$.cluster')
        JOIN units u ON u.code = json_extract(j.value, '$.unit')`);
  return out;
}

function columnValue(column: string): SQL {
  if (column === 'unit_id') return sql`(SELECT id FROM units WHERE code = ${field(ID_COLUMNS.unit_id)})`;
  if (column === 'movement_id')
    return sql`COALESCE((SELECT id FROM movements WHERE code = ${field(ID_COLUMNS.movement_id)}), 0)`;
  return field(column);
}

const ROOT = sql.raw(String(ROOT_UNIT_ID));
const OTHERS = KEY_COLUMNS.filter((c) => c !== 'unit_id');
const list = (names: string[]) =>
  sql.join(
    names.map((c) => sql.identifier(c)),
    sql`, `,
  );
const KEY = list(KEY_COLUMNS);

/**
 * The signed cube changes added to award_cube (keys that reach 0 are dropped), and to the
 * national's virtual root: the rows of top-level units (each province's own) added to it as they
 * come, so a push costs its own rows, not the whole country's. A full push first takes the
 * province's old top rows off the root. When the geography changed (a unit may have become or
 * stopped being top-level) the root is summed anew from all top-level units instead.
 */
export function cubeStatements(p: PushBody, geographyChanged: boolean): SQL[] {
  const incremental = !geographyChanged;
  const values = sql.join([...KEY_COLUMNS.map(columnValue), field('n')], sql`, `);
  const out: SQL[] = [];
  if (p.full) {
    const tops = sql`(SELECT f.unit_id FROM federation_units f JOIN units u ON u.id = f.unit_id
      WHERE f.province = ${p.province} AND u.parent_id IS NULL)`;
    if (incremental)
      out.push(sql`INSERT INTO award_cube (unit_id, ${list(OTHERS)}, n)
        SELECT ${ROOT}, ${list(OTHERS)}, -SUM(n) FROM award_cube WHERE unit_id IN ${tops}
        GROUP BY ${list(OTHERS)} ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`);
    out.push(
      sql`DELETE FROM award_cube WHERE unit_id IN
        (SELECT unit_id FROM federation_units WHERE province = ${p.province})`,
    );
  }
  const rootValues = sql.join([...OTHERS.map(columnValue), sql`SUM(${field('n')})`], sql`, `);
  const positions = sql.raw(OTHERS.map((_, i) => String(i + 2)).join(', '));
  for (const part of jsonChunks(p.rows)) {
    out.push(sql`INSERT INTO award_cube (${KEY}, n) SELECT ${values} FROM json_each(${part}) WHERE true
      ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`);
    if (incremental)
      out.push(sql`INSERT INTO award_cube (unit_id, ${list(OTHERS)}, n)
        SELECT ${ROOT}, ${rootValues} FROM json_each(${part})
        WHERE EXISTS (SELECT 1 FROM units WHERE code = ${field(ID_COLUMNS.unit_id)} AND parent_id IS NULL)
        GROUP BY ${positions} ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`);
  }
  out.push(sql`DELETE FROM award_cube WHERE n = 0`);
  if (!incremental) out.push(...rootStatements());
  return out;
}

/** The national's virtual root summed anew from the top-level units (after a geography change). */
function rootStatements(): SQL[] {
  return [
    sql`DELETE FROM award_cube WHERE unit_id = ${ROOT}`,
    sql`INSERT INTO award_cube (unit_id, ${list(OTHERS)}, n)
      SELECT ${ROOT}, ${list(OTHERS)}, SUM(n) FROM award_cube
      WHERE unit_id IN (SELECT id FROM units WHERE parent_id IS NULL)
      GROUP BY ${list(OTHERS)} HAVING SUM(n) <> 0`,
  ];
}

export function stateStatements(p: PushBody, now: string, geographyHash: string, changed: boolean): SQL[] {
  const out = [
    sql`UPDATE federation_provinces SET version = ${p.version}, signed_at = ${p.signed_at}, seen_at = ${now},
      geography_hash = ${geographyHash}, reported = ${JSON.stringify(p.totals)}
      ${changed ? sql`, pushed_at = ${now}, last_rows = ${p.rows.length}` : sql``} WHERE province = ${p.province}`,
  ];
  // caches and ETags key on the national's data version
  if (changed) out.push(bumpVersion(now));
  return out;
}
