import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../db/run';

export interface MetaAwardType {
  code: string;
  name_vi: string;
  name_en: string | null;
  category: string;
  tier: string;
  scope: string;
  household_allowed: boolean;
  valid_to: string | null;
  builtin: boolean;
}
export interface MetaUnit {
  code: string;
  name: string;
  kind: string;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
}
export interface MetaCluster {
  code: string;
  name: string;
  kind: string;
  level: string;
  owner_code: string | null;
  members: { unit_code: string; year_from: number; year_to: number | null }[];
}
export interface MetaMovement {
  code: string;
  name: string;
  level: string;
  kind: string;
  owner_code: string | null;
  start_date: string;
  end_date: string | null;
}
export interface MetaLineage {
  from_code: string;
  to_code: string;
  effective_date: string;
  share: number;
}
export interface Meta {
  data_version: number;
  updated_at: string;
  years: { from: number; to: number } | null;
  award_types: MetaAwardType[];
  units: MetaUnit[];
  unit_lineage: MetaLineage[];
  clusters: MetaCluster[];
  movements: MetaMovement[];
}

/** Everything the dashboard needs to label and filter, in one D1 round trip. */
export async function readMeta(d1: D1Database, cost: ReadCost): Promise<Meta> {
  const [state, years, types, unitRows, lineage, clusterRows, members, movementRows] = await batch(d1, cost, [
    sql`SELECT version, updated_at FROM data_state WHERE id = 1`,
    // every year with a count has rows in cuboid 0; two probes of award_cube_years
    sql`SELECT (SELECT MIN(year) FROM award_cube WHERE cuboid = 0) AS year_from,
               (SELECT MAX(year) FROM award_cube WHERE cuboid = 0) AS year_to`,
    sql`SELECT code, name_vi, name_en, category, tier, scope, household_allowed, valid_to, builtin
        FROM award_types ORDER BY sort_order, code`,
    sql`SELECT u.code, u.name, u.kind, p.code AS parent_code, u.valid_from, u.valid_to
        FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id`,
    sql`SELECT f.code AS from_code, t.code AS to_code, l.effective_date, l.share
        FROM unit_lineage l JOIN units f ON f.id = l.from_unit_id JOIN units t ON t.id = l.to_unit_id ORDER BY l.id`,
    sql`SELECT c.id, c.code, c.name, c.kind, c.level, o.code AS owner_code
        FROM clusters c LEFT JOIN units o ON o.id = c.owner_unit_id ORDER BY c.id`,
    sql`SELECT m.cluster_id, u.code AS unit_code, m.year_from, m.year_to
        FROM cluster_members m JOIN units u ON u.id = m.unit_id ORDER BY m.cluster_id, m.year_from, u.code`,
    sql`SELECT m.code, m.name, m.level, m.kind, o.code AS owner_code, m.start_date, m.end_date
        FROM movements m LEFT JOIN units o ON o.id = m.owner_unit_id ORDER BY m.start_date, m.code`,
  ]);
  const st = state.results[0] as { version: number; updated_at: string };
  const yr = years.results[0] as { year_from: number | null; year_to: number | null };
  const membersOf = new Map<number, MetaCluster['members']>();
  for (const m of members.results as (MetaCluster['members'][number] & { cluster_id: number })[]) {
    const list = membersOf.get(m.cluster_id) ?? [];
    list.push({ unit_code: m.unit_code, year_from: m.year_from, year_to: m.year_to });
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
    units: unitRows.results as MetaUnit[],
    unit_lineage: lineage.results as MetaLineage[],
    clusters: (clusterRows.results as (Omit<MetaCluster, 'members'> & { id: number })[]).map(({ id, ...c }) => ({
      ...c,
      members: membersOf.get(id) ?? [],
    })),
    movements: movementRows.results as MetaMovement[],
  };
}
