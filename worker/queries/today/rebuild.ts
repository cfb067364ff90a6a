import { sql, type SQL } from 'drizzle-orm';
import { batch, first, type ReadCost } from '../../db/run';
import { todayKernel, todayShape, type KernelEntry } from '../../plan/today';
import { geographyOf } from '../geography';
import { ALL_UNITS, CUBE_DIMS_OF, CUBOID_LIST, TODAY_KEY, ZERO } from './columns';

// award_cube_today is rebuilt after the geography changed (a units or lineage import or rollback,
// a federation push with new units: triggers mark it stale), in steps of well under a second,
// because D1 runs one query at a time per database and at national scale the whole table is
// millions of rows. Phases, each step guarded on the epoch (bumped by any geography change):
//   stale -> clearing (the old rows deleted a slice at a time) -> kernel (K computed here from the
//   units and lineage read with the state, written in chunks) -> filling (the cube of the next
//   units by id, times K; the cursor moves past them) -> ready.
// Readers use the table only when ready and built from the geography they hold (geo_hash); while
// filling, the triggers on award_cube already keep the units below the cursor up to date. A
// crashed rebuild is taken up from its phase and cursor by the next call (lease of 30 s).

const LEASE_MS = 30_000;
const CLEAR_SLICE = 20_000;
// kernel rows per statement: [unit, target, weight] about 25 characters, so under 90 KB
const KERNEL_CHUNK = 3_000;
const KERNEL_STATEMENTS_PER_STEP = 5;
// units per fill step: adapted to keep a step between these times
const FILL_UNITS = { first: 32, min: 1, max: 4_096 };
const STEP_MS = { low: 200, high: 800 };

export interface TodayState {
  phase: 'stale' | 'clearing' | 'kernel' | 'filling' | 'ready';
  epoch: number;
  cursor: number;
  served_from: string | null;
  geo_hash: string | null;
  lease_owner: string | null;
  lease_until: string | null;
}

export const TODAY_GUARD = 'today_rebuild_changed';
export const isTodayGuardFailure = (e: unknown) => e instanceof Error && e.message.includes(TODAY_GUARD);

const guard = (epoch: number, phase: TodayState['phase'], more: SQL = sql`true`) =>
  sql`INSERT INTO today_guard (epoch) SELECT ${epoch} WHERE NOT EXISTS (SELECT 1 FROM today_state
    WHERE id = 1 AND epoch = ${epoch} AND phase = ${phase} AND ${more})`;

export function todayState(db: D1Database, cost: ReadCost): Promise<TodayState | null> {
  return first<TodayState>(db, cost, sql`SELECT * FROM today_state WHERE id = 1`);
}

const leaseUntil = () => new Date(Date.now() + LEASE_MS).toISOString();

/** The statements of K written for one epoch (idempotent: a resumed step writes the same rows). */
function kernelInserts(entries: KernelEntry[]): SQL[] {
  const out: SQL[] = [];
  for (let i = 0; i < entries.length; i += KERNEL_CHUNK) {
    const json = JSON.stringify(entries.slice(i, i + KERNEL_CHUNK).map((e) => [e.unitId, e.targetId, e.weight]));
    out.push(sql`INSERT INTO today_kernel (unit_id, target_id, weight)
SELECT value->>0, value->>1, value->>2 FROM json_each(${json}) WHERE true
ON CONFLICT (unit_id, target_id) DO UPDATE SET weight = excluded.weight`);
  }
  return out;
}

/** The cube rows of units in [lo, hi) times K, added to award_cube_today. */
function fillStatement(lo: SQL, hi: SQL): SQL {
  return sql`INSERT INTO award_cube_today (${TODAY_KEY}, n)
SELECT c.cuboid, k.target_id, c.year, ${CUBE_DIMS_OF('c')}, SUM(c.n * k.weight)
FROM award_cube c JOIN today_kernel k ON k.unit_id = c.unit_id
WHERE c.cuboid IN (${CUBOID_LIST}) AND c.unit_id >= ${lo} AND c.unit_id < ${hi}
GROUP BY c.cuboid, k.target_id, c.year, ${CUBE_DIMS_OF('c')}
HAVING abs(SUM(c.n * k.weight)) >= ${sql.raw(String(ZERO))}
ON CONFLICT (${TODAY_KEY}) DO UPDATE SET n = n + excluded.n`;
}

const readyStatement = (servedFrom: string, hash: string, now: string) =>
  sql`UPDATE today_state SET phase = 'ready', cursor = ${ALL_UNITS}, served_from = ${servedFrom},
    geo_hash = ${hash}, ready_at = ${now} WHERE id = 1`;

export type Advance = 'ready' | 'busy' | 'partial';

/**
 * Takes the rebuild of award_cube_today as far as `budgetMs` allows (nothing to do when it is
 * ready; 'busy' while another request holds the lease). Safe to call from anywhere, at any time.
 */
export async function advanceToday(
  db: D1Database,
  cost: ReadCost,
  budgetMs: number,
  o: { maxSteps?: number; fillUnits?: number } = {},
): Promise<Advance> {
  const s = await todayState(db, cost);
  if (!s || s.phase === 'ready') return 'ready';
  const owner = crypto.randomUUID();
  const now = new Date().toISOString();
  const [taken] = await batch(db, cost, [
    sql`UPDATE today_state SET lease_owner = ${owner}, lease_until = ${leaseUntil()}
WHERE id = 1 AND phase <> 'ready' AND (lease_until IS NULL OR lease_until < ${now})`,
  ]);
  if (!taken.meta.changes) return 'busy';
  const started = Date.now();
  let units = o.fillUnits ?? FILL_UNITS.first;
  let lastMs = 0;
  let steps = 0;
  const renew = sql`UPDATE today_state SET lease_until = ${leaseUntil()} WHERE id = 1 AND lease_owner = ${owner}`;
  const step = async (statements: SQL[]) => {
    // as long a pause as the step took, so that readers' calls get through in between
    await new Promise((r) => setTimeout(r, Math.min(250, Math.max(5, lastMs))));
    const t = Date.now();
    try {
      return await batch(db, cost, [...statements, renew]);
    } finally {
      lastMs = Date.now() - t;
      steps++;
      // the steps are sized to stay well under a second (D1 runs one query at a time): say so if not
      if (lastMs > 1000) console.warn(`award_cube_today: a rebuild step took ${lastMs} ms`);
    }
  };
  try {
    for (;;) {
      if (Date.now() - started > budgetMs || (o.maxSteps !== undefined && steps >= o.maxSteps)) return 'partial';
      const st = (await todayState(db, cost))!;
      try {
        if (st.phase === 'ready') return 'ready';
        if (st.phase === 'stale') {
          await step([sql`UPDATE today_state SET phase = 'clearing', cursor = -1 WHERE id = 1 AND phase = 'stale'`]);
        } else if (st.phase === 'clearing') {
          await step([
            guard(st.epoch, 'clearing'),
            sql`DELETE FROM award_cube_today WHERE rowid IN (SELECT rowid FROM award_cube_today LIMIT ${CLEAR_SLICE})`,
            sql`DELETE FROM today_kernel WHERE rowid IN (SELECT rowid FROM today_kernel LIMIT ${CLEAR_SLICE})`,
            sql`UPDATE today_state SET phase = 'kernel' WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM award_cube_today)
              AND NOT EXISTS (SELECT 1 FROM today_kernel)`,
          ]);
        } else if (st.phase === 'kernel') {
          // the geography read with the state: if the epoch is still the same, nothing changed it
          // since the rebuild began (any change bumps the epoch once the phase is not stale)
          const [state, unitRows, lineageRows] = await batch(db, cost, [
            sql`SELECT epoch, phase FROM today_state WHERE id = 1`,
            sql`SELECT id, '' AS code, '' AS name, parent_id, valid_from, valid_to FROM units`,
            sql`SELECT id, from_unit_id, to_unit_id, share FROM unit_lineage`,
          ]);
          const now = state.results[0] as { epoch: number; phase: string };
          if (now.epoch !== st.epoch || now.phase !== 'kernel') continue;
          const geo = geographyOf({
            units: unitRows.results as never,
            unit_lineage: lineageRows.results as never,
          });
          const inserts = kernelInserts(todayKernel(geo));
          for (let i = 0; i < inserts.length; i += KERNEL_STATEMENTS_PER_STEP)
            await step([guard(st.epoch, 'kernel'), ...inserts.slice(i, i + KERNEL_STATEMENTS_PER_STEP)]);
          const shape = todayShape(geo);
          await step([
            guard(st.epoch, 'kernel'),
            sql`UPDATE today_state SET phase = 'filling', cursor = 0, served_from = ${shape.servedFrom},
              geo_hash = ${shape.hash} WHERE id = 1`,
          ]);
        } else {
          // filling: the next `units` units of the kernel from the cursor on
          const next = await first<{ hi: number | null }>(
            db,
            cost,
            sql`SELECT unit_id AS hi FROM (SELECT DISTINCT unit_id FROM today_kernel WHERE unit_id >= ${st.cursor}
              ORDER BY unit_id LIMIT 1 OFFSET ${units})`,
          );
          const hi = next?.hi ?? ALL_UNITS;
          await step([
            guard(st.epoch, 'filling', sql`cursor = ${st.cursor}`),
            fillStatement(sql`${st.cursor}`, sql`${hi}`),
            hi === ALL_UNITS
              ? readyStatement(st.served_from!, st.geo_hash!, new Date().toISOString())
              : sql`UPDATE today_state SET cursor = ${hi} WHERE id = 1`,
          ]);
          if (o.fillUnits) continue; // a test's fixed slice
          if (lastMs < STEP_MS.low) units = Math.min(FILL_UNITS.max, units * 2);
          else if (lastMs > STEP_MS.high) units = Math.max(FILL_UNITS.min, Math.floor(units / 2));
        }
      } catch (e) {
        if (!isTodayGuardFailure(e)) throw e; // the geography changed under the step: start again
      }
    }
  } finally {
    await batch(db, cost, [
      sql`UPDATE today_state SET lease_owner = NULL, lease_until = NULL WHERE id = 1 AND lease_owner = ${owner}`,
    ]);
  }
}

/**
 * The whole rebuild as plain SQL without parameters, for the demo loader and the benchmark's
 * generator (a local database no reader uses yet): K of `geo`, then every cube row times K.
 */
export function rebuildTodayStatements(rows: Parameters<typeof geographyOf>[0]): SQL[] {
  const geo = geographyOf(rows);
  const shape = todayShape(geo);
  const kernel = todayKernel(geo);
  const literal = (s: string) => sql.raw(`'${s.replace(/'/g, "''")}'`);
  const out: SQL[] = [
    sql`UPDATE today_state SET phase = 'clearing', cursor = -1, epoch = epoch + 1 WHERE id = 1`,
    sql`DELETE FROM award_cube_today`,
    sql`DELETE FROM today_kernel`,
  ];
  for (let i = 0; i < kernel.length; i += 500)
    out.push(
      sql.raw(
        `INSERT INTO today_kernel (unit_id, target_id, weight) VALUES ${kernel
          .slice(i, i + 500)
          .map((e) => `(${e.unitId}, ${e.targetId}, ${e.weight})`)
          .join(', ')}`,
      ),
    );
  out.push(
    fillStatement(sql.raw('0'), sql.raw(String(ALL_UNITS))),
    sql`UPDATE today_state SET phase = 'ready', cursor = ${sql.raw(String(ALL_UNITS))},
      served_from = ${literal(shape.servedFrom)}, geo_hash = ${literal(shape.hash)}, ready_at = ${literal(
        new Date().toISOString(),
      )} WHERE id = 1`,
  );
  return out;
}
