import { sql, type SQL } from 'drizzle-orm';
import { ID_COLUMNS, KEY_COLUMNS } from '../../federation/cubeColumns';
import { ROOT_UNIT_ID } from '../cube/root';

// SQL pieces shared by the national's writes of pushed cube rows (a delta push straight into
// award_cube, a resync's slices into an invisible award_cube_delta): the wire row's fields as
// the national's columns, its unit and movement codes as the national's ids.

/** A field of the JSON row json_each is at. */
export const field = (name: string) => sql`json_extract(value, ${`$.${name}`})`;

export const ROOT = sql.raw(String(ROOT_UNIT_ID));
/** The key columns but the unit: what the virtual root's rows are keyed by. */
export const OTHERS = KEY_COLUMNS.filter((c) => c !== 'unit_id');
export const list = (names: string[]) =>
  sql.join(
    names.map((c) => sql.identifier(c)),
    sql`, `,
  );
export const KEY = list(KEY_COLUMNS);

export function columnValue(column: string): SQL {
  if (column === 'unit_id') return sql`(SELECT id FROM units WHERE code = ${field(ID_COLUMNS.unit_id)})`;
  if (column === 'movement_id')
    return sql`COALESCE((SELECT id FROM movements WHERE code = ${field(ID_COLUMNS.movement_id)}), 0)`;
  return field(column);
}

/** A wire row's key and count, in award_cube's key order. */
export const rowValues = sql.join([...KEY_COLUMNS.map(columnValue), field('n')], sql`, `);
/** A wire row summed under the virtual root: the other columns, then SUM(n). */
export const rootValues = sql.join([...OTHERS.map(columnValue), sql`SUM(${field('n')})`], sql`, `);
/** GROUP BY positions of rootValues' other columns when `before` columns come first in the SELECT. */
export const rootPositions = (before: number) => sql.raw(OTHERS.map((_, i) => String(i + 1 + before)).join(', '));

/** The province's top-level units at the national now (parent_id NULL). */
export const provinceTops = (province: string) =>
  sql`(SELECT f.unit_id FROM federation_units f JOIN units u ON u.id = f.unit_id
    WHERE f.province = ${province} AND u.parent_id IS NULL)`;
