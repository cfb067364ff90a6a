import { sql, type SQL } from 'drizzle-orm';
import { ID_COLUMNS } from '../../federation/cubeColumns';
import type { PushBody } from '../../validation/federation';
import { writeCatalogSnapshot } from '../catalog/snapshot';
import { rebuildUnitClosure } from '../cube/refresh';
import { bumpVersion } from '../imports/batches';
import { field, KEY, list, OTHERS, provinceTops, ROOT, rootPositions, rootValues, rowValues } from './cubeSql';
import { jsonChunks } from './json';
import { removalStatements } from './removal';

// The statements of one delta push, run as ONE D1 batch (a transaction): all of it or nothing.
// A whole-cube push goes in slices instead (resync.ts), with the geography applied at its flip.

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
  return [...geographyUpserts(p, now), ...rebuildUnitClosure(), ...writeCatalogSnapshot()];
}

/** The geography's upserts without the closure (a push that also removes units rebuilds it after). */
function geographyUpserts(p: PushBody, now: string): SQL[] {
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
  return out;
}

/**
 * A resync's slice needs ids for the units and movements the national does not have yet (its
 * rows are written with them); they are added then, with their parents, and nothing else of
 * the national's geography changes before the flip. They have no figures until it.
 */
export function newGeographyStatements(p: PushBody): SQL[] {
  const out: SQL[] = [];
  for (const part of jsonChunks(p.units)) {
    out.push(sql`INSERT INTO units (code, name, kind, valid_from, valid_to)
      SELECT ${field('code')}, ${field('name')}, ${field('kind')}, ${field('valid_from')}, ${field('valid_to')}
      FROM json_each(${part}) WHERE true ON CONFLICT (code) DO NOTHING`);
    out.push(sql`UPDATE units SET parent_id = (SELECT p.id FROM units p WHERE p.code = j.parent)
      FROM (SELECT ${field('code')} AS code, ${field('parent')} AS parent FROM json_each(${part})) j
      WHERE units.code = j.code AND units.id NOT IN (SELECT unit_id FROM federation_units)`);
    out.push(sql`INSERT OR IGNORE INTO federation_units (unit_id, province)
      SELECT u.id, ${p.province} FROM json_each(${part}) j JOIN units u ON u.code = json_extract(j.value, '$.code')`);
  }
  for (const part of jsonChunks(p.movements))
    out.push(sql`INSERT INTO movements (code, name, level, kind, owner_unit_id, start_date, end_date)
      SELECT ${field('code')}, ${field('name')}, ${field('level')}, ${field('kind')},
        (SELECT id FROM units WHERE code = ${field('owner')}), ${field('start_date')}, ${field('end_date')}
      FROM json_each(${part}) WHERE true ON CONFLICT (code) DO NOTHING`);
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

/** The province's top-level units' rows, added to (sign 1) or taken off (-1) the virtual root. */
const rootFromTops = (province: string, sign: 1 | -1): SQL =>
  sql`INSERT INTO award_cube (unit_id, ${list(OTHERS)}, n)
    SELECT ${ROOT}, ${list(OTHERS)}, ${sql.raw(String(sign))} * SUM(n) FROM award_cube
    WHERE unit_id IN ${provinceTops(province)}
    GROUP BY ${list(OTHERS)} ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`;

/**
 * A delta push, whole: the geography when its hash changed (units the push no longer carries
 * removed), the signed cube changes added to award_cube (keys that reach 0 dropped), and the
 * national's virtual root kept as the sum of the top-level units. The root costs the push's own
 * rows: those of top-level units are added to it as they come. Only when the province's set of
 * top-level units changes are its old tops' rows taken off the root before and its new tops'
 * added after: the province's top rows, never a sum over the whole country.
 */
export function deltaStatements(p: PushBody, now: string, o: { geography: boolean; topsChanged: boolean }): SQL[] {
  const out: SQL[] = [];
  if (o.topsChanged) out.push(rootFromTops(p.province, -1));
  if (o.geography) out.push(...geographyUpserts(p, now));
  for (const part of jsonChunks(p.rows)) {
    out.push(sql`INSERT INTO award_cube (${KEY}, n) SELECT ${rowValues} FROM json_each(${part}) WHERE true
      ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`);
    if (!o.topsChanged)
      out.push(sql`INSERT INTO award_cube (unit_id, ${list(OTHERS)}, n)
        SELECT ${ROOT}, ${rootValues} FROM json_each(${part})
        WHERE EXISTS (SELECT 1 FROM units WHERE code = ${field(ID_COLUMNS.unit_id)} AND parent_id IS NULL)
        GROUP BY ${rootPositions(1)} ON CONFLICT (${KEY}) DO UPDATE SET n = n + excluded.n`);
  }
  if (o.geography) {
    out.push(
      ...removalStatements(
        p.province,
        p.units.map((u) => u.code),
      ),
    );
    out.push(...rebuildUnitClosure(), ...writeCatalogSnapshot());
  }
  if (o.topsChanged) out.push(rootFromTops(p.province, 1));
  out.push(sql`DELETE FROM award_cube WHERE n = 0`);
  return out;
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
