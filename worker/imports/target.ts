import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

// Where a dataset's accepted rows go: its table and, in one list, the columns each row fills.
// A checked row is an object keyed by the table's own (drizzle) property names, so a value can
// only go to a column that exists; the JSON tuple sent to D1 and the INSERT … SELECT that reads
// it are both built from that list, so their positions cannot drift apart.

type Keys<T extends SQLiteTable> = keyof T['$inferInsert'] & string;

export interface TargetColumn<T extends SQLiteTable> {
  key: Keys<T>;
  /** How the JSON value becomes the column's value (e.g. a unit code looked up as its id). */
  from?: (value: SQL) => SQL;
}

/** A value carried in the tuple for a later statement but not inserted (e.g. a parent's code). */
export interface Carried {
  carried: string;
}

type Entry<T extends SQLiteTable> = TargetColumn<T> | Carried;
type Named<E> = E extends TargetColumn<never> ? never : E extends { carried: infer C extends string } ? C : never;

export interface Target<T extends SQLiteTable, E extends readonly Entry<T>[]> {
  /** The tuple for one row: `row` first where the table keeps the file's row number. */
  tuple(
    values: Record<Extract<E[number], TargetColumn<T>>['key'] | Named<E[number]>, unknown>,
    row?: number,
  ): unknown[];
  /** INSERT … SELECT … FROM json_each(?) over a chunk of tuples, with batch_id (and fixed values) added. */
  insert(batchId: number, tuples: string): SQL;
  /** `value->>N` of a carried value or a column, for statements that follow the insert. */
  at(name: string): SQL;
}

export function target<T extends SQLiteTable, const E extends readonly Entry<T>[]>(
  table: T,
  entries: E,
  options: { rowNo?: Keys<T>; fixed?: Partial<Record<Keys<T>, SQL>> } = {},
): Target<T, E> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const names = entries.map((e) => ('carried' in e ? e.carried : e.key));
  const offset = options.rowNo ? 1 : 0;
  const json = (i: number) => sql.raw(`value->>${i + offset}`);
  const col = (key: string): SQL => sql`${sql.identifier(columns[key].name)}`;
  return {
    tuple(values, row) {
      const out = names.map((n) => (values as Record<string, unknown>)[n] ?? null);
      return options.rowNo ? [row, ...out] : out;
    },
    insert(batchId, tuples) {
      const targets: SQL[] = [col('batchId')];
      const sources: SQL[] = [sql`${batchId}`];
      if (options.rowNo) {
        targets.push(col(options.rowNo));
        sources.push(sql.raw('value->>0'));
      }
      entries.forEach((e, i) => {
        if ('carried' in e) return;
        targets.push(col(e.key));
        sources.push(e.from ? e.from(json(i)) : json(i));
      });
      for (const [key, value] of Object.entries(options.fixed ?? {}) as [string, SQL][]) {
        targets.push(col(key));
        sources.push(value);
      }
      return sql`INSERT INTO ${table} (${sql.join(targets, sql`, `)}) SELECT ${sql.join(sources, sql`, `)} FROM
        json_each(${tuples})`;
    },
    at(name) {
      const i = names.indexOf(name);
      if (i < 0) throw new Error(`no column ${name} in this target`);
      return json(i);
    },
  };
}

/** A unit code in the tuple, written as the unit's id. */
export const unitIdOf = (value: SQL) => sql`(SELECT id FROM units WHERE code = ${value})`;
