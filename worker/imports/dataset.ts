import type { SQL } from 'drizzle-orm';
import type { Dataset } from '../domain/enums';
import type { LookupName, Lookups } from '../queries/imports/lookups';
import type { Parser } from './cells';
import type { Identity } from './duplicates';
import { msg, type Msg } from './messages';

// One definition per dataset (worker/imports/datasets/*.ts): its columns with the Vietnamese
// template header, how a parsed row is checked against the database and the rest of the
// file, and how accepted rows are written. Templates, parser and docs all read these.

export interface Column {
  /** The contract's column name. */
  key: string;
  /** The header of the downloadable template; accepted on import as well. */
  vi: string;
  required: boolean;
  parse: Parser<string | number>;
  /** One line for the template's instructions sheet. */
  note: string;
  /** Other headers people write for this column in their own lists (matched without case or diacritics). */
  aliases?: readonly string[];
}

export type Values = Record<string, string | number | undefined>;
export type Report = (column: string | null, message: Msg) => void;

export interface DatasetDef {
  name: Dataset;
  columns: Column[];
  /** Lookups the checks need. */
  needs: readonly LookupName[];
  /**
   * Awards can be millions of rows: they are written to a staging batch while the file is
   * read (never counted until committed). Every other dataset is held in memory and written
   * in the commit transaction itself, so its rows are never visible half-imported.
   */
  staged: boolean;
  /** Checks a row whose cells parsed; returns the tuple to write, or reports and returns undefined. */
  check(v: Values, l: Lookups, report: Report, row: number): unknown[] | undefined;
  /**
   * INSERT … SELECT … FROM json_each(?) for a chunk of tuples: the whole chunk is one bound
   * JSON parameter, which keeps any number of rows inside D1's 100-parameter limit and user
   * text out of the SQL.
   */
  insert(batchId: number, tuples: string): SQL[];
  /** Who a checked row is about, so that the same recipient twice in a file is warned (awards). */
  identity?(v: Values, tuple: unknown[]): Identity | undefined;
  /** Statements run after the inserts in the commit transaction (e.g. the unit tree). */
  after?(batchId: number): SQL[];
  /** A staged dataset's statements after each round trip of inserts, in its transaction (the awards' sums). */
  afterStaged?(batchId: number): SQL[];
}

/** Reports an unknown code, or returns its id. */
const WHAT = {
  unit: msg('unit', 'đơn vị'),
  cluster: msg('cluster', 'cụm, khối'),
  movement: msg('movement', 'phong trào'),
  award: msg('award', 'hình thức khen thưởng'),
  'award type': msg('award type', 'hình thức khen thưởng'),
};

export function known<T>(
  map: Map<string, T>,
  v: Values,
  column: string,
  what: keyof typeof WHAT,
  report: Report,
): T | undefined {
  const c = v[column];
  if (c === undefined) return undefined;
  const found = map.get(String(c));
  if (found === undefined)
    report(column, msg(`unknown ${WHAT[what].en} code '${c}'`, `không có mã ${WHAT[what].vi} '${c}'`));
  return found;
}
