import { sql, type SQL } from 'drizzle-orm';
import { FIRST_YEAR, LAST_YEAR, YEAR_BLOCKS, yearBlocks } from './dimensions';

// Which cube keys of a cuboid a read takes for its years: the years from..to one by one, or,
// when the answer sums over them (no year in it) and every key would be read for the same span,
// cuboid 0's year blocks that tile the span (YEAR_BLOCKS) and its single years left over.

export interface YearSpan {
  cuboid: number;
  from: number;
  to: number;
  /** Read the span as blocks: the rows' `year` is then a block code, not a year. */
  blocks: boolean;
}

/**
 * Blocks serve cuboid 0 read over one span, the years summed away, when the request bounds the
 * span within the years imports take and its tiles are at most a third of its years. D1 counts
 * about two rows read for every key probed, hit or miss (the row it lands on and the step past
 * it), and a range scan about two a unit plus its rows: measured at national scale, an open span
 * (1945-2100, 16 tiles a unit, nearly all empty) read an old province's communes as 4,139 rows
 * against 1,110 year by year, 2020-2024 (2 tiles for 5 years) the whole country as 549 against
 * 511, and 2012-2024 (3 tiles for 13 years) a new province's communes as 2,563 against 3,413.
 */
export function canUseBlocks(cuboid: number, sumsYears: boolean, spans: { yearFrom: number; yearTo: number }[]) {
  if (cuboid !== 0 || !sumsYears || !spans.length) return false;
  const [{ yearFrom, yearTo }] = spans;
  if (!spans.every((e) => e.yearFrom === yearFrom && e.yearTo === yearTo)) return false;
  if (yearFrom < FIRST_YEAR || yearTo > LAST_YEAR) return false;
  const { years, blocks } = yearBlocks(yearFrom, yearTo);
  return (years.length + blocks.length) * 3 <= yearTo - yearFrom + 1;
}

/**
 * The conditions on an award_cube-shaped table aliased k, one per SELECT to UNION ALL: the span
 * year by year, or the single years in cuboid 0 and the blocks in YEAR_BLOCKS. Two SELECTs, not
 * one IN over both cuboids: that probed every code in both (half of them misses, each a row read
 * in D1), and an OR of the two made SQLite scan award_cube_years over every unit.
 */
export function cuboidAndYears(s: YearSpan): SQL[] {
  if (!s.blocks) return [sql`k.cuboid = ${s.cuboid} AND k.year BETWEEN ${s.from} AND ${s.to}`];
  const { years, blocks } = yearBlocks(s.from, s.to);
  // our own integers, inlined
  const branch = (cuboid: number, codes: number[]) =>
    sql`k.cuboid = ${cuboid} AND k.year IN (${sql.raw(codes.join(', '))})`;
  const out: SQL[] = [];
  if (years.length) out.push(branch(s.cuboid, years));
  if (blocks.length) out.push(branch(YEAR_BLOCKS.id, blocks));
  return out.length ? out : [sql`0`];
}
