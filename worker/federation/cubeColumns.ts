import { getTableColumns } from 'drizzle-orm';
import { awardCube } from '../db/schema';

// A push carries award_cube rows by column NAME, read from the drizzle table, so a column added
// to the cube (say `month`) flows through without a change here. The cube's id columns are
// internal to each database; on the wire they are codes, under these names.
export const ID_COLUMNS = { unit_id: 'unit', movement_id: 'movement' } as const;

/** award_cube's columns as SQL names, in the table's order; `n` is the count, the rest the key. */
export const CUBE_COLUMNS: string[] = Object.values(getTableColumns(awardCube)).map((c) => c.name);
export const KEY_COLUMNS = CUBE_COLUMNS.filter((c) => c !== 'n');

/** Column name on the wire. */
export const wireName = (column: string): string => ID_COLUMNS[column as keyof typeof ID_COLUMNS] ?? column;
export const WIRE_COLUMNS = CUBE_COLUMNS.map(wireName);

export const INTEGER_COLUMNS = new Set(
  Object.values(getTableColumns(awardCube))
    .filter((c) => c.dataType === 'number')
    .map((c) => c.name),
);

// The national keeps aggregates only. The cube has no column for a person; should one ever be
// added, pushing it would be refused here at start-up rather than copied to the national.
const PERSONAL = /name|person|recipient_id|email|phone|birth/i;
const personal = CUBE_COLUMNS.filter((c) => PERSONAL.test(c));
if (personal.length) throw new Error(`award_cube has columns about people (${personal.join(', ')}): not federated`);
