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

/** The province's units, lineage and movements, mapped onto the national's ids by code. */
export function geographyStatements(p: PushBody): SQL[] {
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
  out.push(...rebuildUnitClosure());
  return out;
}

function columnValue(column: string): SQL {
  if (column === 'unit_id') return sql`(SELECT id FROM units WHERE code = ${field(ID_COLUMNS.unit_id)})`;
  if (column === 'movement_id')
    return sql`COALESCE((SELECT id FROM movements WHERE code = ${field(ID_COLUMNS.movement_id)}), 0)`;
  return field(column);
}

/** The signed cube changes added to award_cube (keys that reach 0 are dropped). */
export function cubeStatements(p: PushBody): SQL[] {
  const cols = sql.join(
    [...KEY_COLUMNS, 'n'].map((c) => sql.identifier(c)),
    sql`, `,
  );
  const values = sql.join([...KEY_COLUMNS.map(columnValue), field('n')], sql`, `);
  const key = sql.join(
    KEY_COLUMNS.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const out: SQL[] = [];
  if (p.full)
    out.push(
      sql`DELETE FROM award_cube WHERE unit_id IN
        (SELECT unit_id FROM federation_units WHERE province = ${p.province})`,
    );
  for (const part of jsonChunks(p.rows))
    out.push(sql`INSERT INTO award_cube (${cols}) SELECT ${values} FROM json_each(${part}) WHERE true
      ON CONFLICT (${key}) DO UPDATE SET n = n + excluded.n`);
  out.push(sql`DELETE FROM award_cube WHERE n = 0`);
  out.push(...rootStatements());
  return out;
}

/**
 * The national's virtual root summed anew from the top-level units (each province's own top
 * units), so a read naming no unit stays one key per output row. Provinces do not send theirs:
 * a full resync replaces one province's rows, and a root shared by all could not be split.
 */
function rootStatements(): SQL[] {
  const root = sql.raw(String(ROOT_UNIT_ID));
  const others = KEY_COLUMNS.filter((c) => c !== 'unit_id');
  const list = (names: string[]) =>
    sql.join(
      names.map((c) => sql.identifier(c)),
      sql`, `,
    );
  return [
    sql`DELETE FROM award_cube WHERE unit_id = ${root}`,
    sql`INSERT INTO award_cube (unit_id, ${list(others)}, n)
      SELECT ${root}, ${list(others)}, SUM(n) FROM award_cube
      WHERE unit_id IN (SELECT id FROM units WHERE parent_id IS NULL)
      GROUP BY ${list(others)} HAVING SUM(n) <> 0`,
  ];
}

export function stateStatements(p: PushBody, now: string, geographyHash: string, changed: boolean): SQL[] {
  const out = [
    sql`UPDATE federation_provinces SET version = ${p.version}, signed_at = ${p.signed_at}, seen_at = ${now},
      geography_hash = ${geographyHash}, reported = ${JSON.stringify(p.totals)}
      ${changed ? sql`, pushed_at = ${now}` : sql``} WHERE province = ${p.province}`,
  ];
  // caches and ETags key on the national's data version
  if (changed) out.push(bumpVersion(now));
  return out;
}
