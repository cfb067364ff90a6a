import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../db/run';
import type { Meta } from '../validation/responses';

export type { Meta };
type MetaUnit = Meta['units'][number];
type MetaCluster = Meta['clusters'][number];
type MetaMovement = Meta['movements'][number];
type MetaAwardType = Meta['award_types'][number];

type Id = number | null;

// The catalogue changes only with the data version (every import and rollback bumps it), so an
// isolate keeps the last one it read under that version: at national scale it is 14,500 units
// and 11,200 lineage rows, read once per isolate and version instead of on every /meta.
let cached: { key: string; meta: Meta } | undefined;

/**
 * Everything the dashboard needs to label and filter, in one D1 round trip. Each table is read
 * once; ids become codes here rather than through joins, which D1 would bill as extra reads.
 * `known` is the data version the request already read: if this isolate holds the catalogue of
 * that version, nothing is read.
 */
export async function readMeta(
  d1: D1Database,
  cost: ReadCost,
  known?: { version: number; updated_at: string },
): Promise<Meta> {
  if (known && cached?.key === `${known.version}:${known.updated_at}`) return cached.meta;
  const meta = await readMetaRows(d1, cost);
  cached = { key: `${meta.data_version}:${meta.updated_at}`, meta };
  return meta;
}

async function readMetaRows(d1: D1Database, cost: ReadCost): Promise<Meta> {
  const [state, years, types, unitRows, lineage, clusterRows, members, movementRows] = await batch(d1, cost, [
    sql`SELECT version, updated_at FROM data_state WHERE id = 1`,
    // every year with a count has rows in cuboid 0; two probes of award_cube_years
    // (and of a batch just committed, until its delta is merged; the merge bumps the version)
    sql`SELECT MIN(year_from) AS year_from, MAX(year_to) AS year_to FROM (
          SELECT (SELECT MIN(year) FROM award_cube WHERE cuboid = 0) AS year_from,
                 (SELECT MAX(year) FROM award_cube WHERE cuboid = 0) AS year_to
          UNION ALL
          SELECT MIN(year), MAX(year) FROM award_cube_delta
          WHERE batch_id IN (SELECT id FROM import_batches WHERE delta_visible = 1) AND cuboid = 0 AND n > 0)`,
    sql`SELECT code, name_vi, name_en, category, tier, scope, household_allowed, valid_to, builtin
        FROM award_types ORDER BY sort_order, code`,
    sql`SELECT id, code, name, kind, parent_id, valid_from, valid_to FROM units ORDER BY id`,
    sql`SELECT from_unit_id, to_unit_id, effective_date, share FROM unit_lineage ORDER BY id`,
    sql`SELECT id, code, name, kind, level, owner_unit_id FROM clusters ORDER BY id`,
    sql`SELECT cluster_id, unit_id, year_from, year_to FROM cluster_members ORDER BY cluster_id, year_from, unit_id`,
    sql`SELECT code, name, level, kind, owner_unit_id, start_date, end_date FROM movements ORDER BY start_date, code`,
  ]);
  const st = state.results[0] as { version: number; updated_at: string };
  const yr = years.results[0] as { year_from: number | null; year_to: number | null };
  const units = unitRows.results as (Omit<MetaUnit, 'parent_code'> & { id: number; parent_id: Id })[];
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const code = (id: Id) => (id === null ? null : (codeOf.get(id) ?? null));

  const membersOf = new Map<number, MetaCluster['members']>();
  for (const m of members.results as {
    cluster_id: number;
    unit_id: number;
    year_from: number;
    year_to: number | null;
  }[]) {
    const list = membersOf.get(m.cluster_id) ?? [];
    list.push({ unit_code: code(m.unit_id)!, year_from: m.year_from, year_to: m.year_to });
    membersOf.set(m.cluster_id, list);
  }
  return {
    data_version: st.version,
    updated_at: st.updated_at,
    years: yr.year_from === null ? null : { from: yr.year_from, to: yr.year_to as number },
    award_types: (types.results as MetaAwardType[]).map((t) => ({
      ...t,
      household_allowed: Boolean(t.household_allowed),
      builtin: Boolean(t.builtin),
    })),
    units: units.map(({ id: _id, parent_id, ...u }) => ({ ...u, parent_code: code(parent_id) })),
    unit_lineage: (
      lineage.results as { from_unit_id: number; to_unit_id: number; effective_date: string; share: number }[]
    ).map((l) => ({
      from_code: code(l.from_unit_id)!,
      to_code: code(l.to_unit_id)!,
      effective_date: l.effective_date,
      share: l.share,
    })),
    clusters: (
      clusterRows.results as (Omit<MetaCluster, 'members' | 'owner_code'> & { id: number; owner_unit_id: Id })[]
    ).map(({ id, owner_unit_id, ...c }) => ({
      ...c,
      owner_code: code(owner_unit_id),
      members: membersOf.get(id) ?? [],
    })),
    movements: (movementRows.results as (Omit<MetaMovement, 'owner_code'> & { owner_unit_id: Id })[]).map(
      ({ owner_unit_id, ...m }) => ({
        ...m,
        owner_code: code(owner_unit_id),
      }),
    ),
  };
}
