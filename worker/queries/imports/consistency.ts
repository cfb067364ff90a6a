import { sql } from 'drizzle-orm';
import { first, type ReadCost } from '../../db/run';
import { CUBOIDS, DIMENSIONS } from '../cube/dimensions';
import type { Geography } from '../geography';
import { checkToday, type TodayConsistency } from '../today/consistency';
import { UNIT_YEARS_SOURCE } from '../cube/unitYears';

// Recomputes every cuboid from the raw awards of counted batches (committed, or rolling back
// and not yet flipped) and compares it with award_cube plus the visible deltas key by key, then
// award_cube_today with award_cube (today/consistency.ts). It reads every raw award (a
// million-row table costs millions of rows read), so it is an admin check to run after imports,
// not something a page calls.

export interface Consistency {
  ok: boolean;
  /** Per cuboid: keys whose stored count differs from the raw rows. */
  cuboids: { id: number; mismatched_keys: number }[];
  /** Cube keys left at zero or below (a rollback must delete them). */
  non_positive_keys: number;
  committed_awards: number;
  committed_quantity: number;
  /** award_cube_today (as_of on today's units) against award_cube and the geography. */
  today: TodayConsistency;
  /** cube_unit_years against cuboid 0 of award_cube and of award_cube_today: years that differ. */
  unit_years: { source: 'cube' | 'today'; mismatched_years: number }[];
}

export async function checkConsistency(db: D1Database, cost: ReadCost, geo: Geography): Promise<Consistency> {
  const committed = sql.raw(
    `a.batch_id IN (SELECT id FROM import_batches WHERE status IN ('committed', 'rolling_back'))`,
  );
  const visible = sql.raw(`batch_id IN (SELECT id FROM import_batches WHERE delta_visible = 1)`);
  const cuboids: Consistency['cuboids'] = [];
  for (const c of CUBOIDS) {
    const cols = c.dims.map((d) => DIMENSIONS[d].cube);
    const keys = ['unit_id', 'year', ...cols].join(', ');
    const sources = ['c.ancestor_id', 'a.year', ...c.dims.map((d) => DIMENSIONS[d].source)].map(
      (s, i) => `${s} AS ${['unit_id', 'year', ...cols][i]}`,
    );
    const row = await first<{ n: number }>(
      db,
      cost,
      sql`SELECT COUNT(*) AS n FROM (
  SELECT SUM(n) AS d FROM (
    SELECT ${sql.raw(keys)}, n FROM award_cube WHERE cuboid = ${sql.raw(String(c.id))}
    UNION ALL
    SELECT ${sql.raw(keys)}, n FROM award_cube_delta WHERE cuboid = ${sql.raw(String(c.id))} AND ${visible}
    UNION ALL
    SELECT ${sql.raw(sources.join(', '))}, -a.quantity AS n
    FROM awards a JOIN unit_closure c ON c.unit_id = a.unit_id JOIN award_types t ON t.code = a.award_code
    WHERE ${committed}
  ) GROUP BY ${sql.raw(keys)} HAVING d != 0
)`,
    );
    cuboids.push({ id: c.id, mismatched_keys: row?.n ?? 0 });
  }
  const zero = await first<{ n: number }>(db, cost, sql`SELECT COUNT(*) AS n FROM award_cube WHERE n <= 0`);
  const raw = await first<{ rows: number; quantity: number | null }>(
    db,
    cost,
    sql`SELECT COUNT(*) AS rows, SUM(quantity) AS quantity FROM awards a WHERE ${committed}`,
  );
  const nonPositive = zero?.n ?? 0;
  const today = await checkToday(db, cost, geo);
  const unitYears: Consistency['unit_years'] = [];
  for (const [source, table] of [
    ['cube', 'award_cube'],
    ['today', 'award_cube_today'],
  ] as const) {
    const row = await first<{ n: number }>(
      db,
      cost,
      sql`SELECT COUNT(*) AS n FROM (
  SELECT SUM(n) AS d FROM (
    SELECT unit_id, year, n FROM ${sql.raw(table)} WHERE cuboid = 0
    UNION ALL
    SELECT p.unit_id, CAST(j.key AS INTEGER), -j.value FROM cube_unit_years p, json_each(p.years) j
    WHERE p.source = ${UNIT_YEARS_SOURCE[source]}
  ) GROUP BY unit_id, year HAVING abs(d) > 1e-6
)`,
    );
    unitYears.push({ source, mismatched_years: row?.n ?? 0 });
  }
  return {
    ok:
      nonPositive === 0 &&
      cuboids.every((c) => c.mismatched_keys === 0) &&
      today.kernel_mismatches === 0 &&
      today.cuboids.every((c) => c.mismatched_keys === 0) &&
      unitYears.every((u) => u.mismatched_years === 0),
    cuboids,
    non_positive_keys: nonPositive,
    committed_awards: raw?.rows ?? 0,
    committed_quantity: raw?.quantity ?? 0,
    today,
    unit_years: unitYears,
  };
}
