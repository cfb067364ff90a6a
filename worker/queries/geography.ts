import { sql } from 'drizzle-orm';
import { batch, first, type ReadCost } from '../db/run';

// The unit tree, lineage, cluster membership and code lists: small (hundreds to a few thousand
// rows) and read by every summary to plan which aggregate rows to fetch. Kept per isolate and
// keyed by the data version, so a warm isolate pays one row (data_state) per request for them.

export interface GeoUnit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  children: number[];
}

export interface Membership {
  clusterId: number;
  unitId: number;
  yearFrom: number;
  yearTo: number | null;
}

export interface Geography {
  key: string;
  version: number;
  units: Map<number, GeoUnit>;
  unitByCode: Map<string, GeoUnit>;
  roots: number[];
  /** lineage edges out of (successors) and into (predecessors) each unit */
  successors: Map<number, { unitId: number; share: number }[]>;
  predecessors: Map<number, { unitId: number; share: number }[]>;
  clusterByCode: Map<string, { id: number; code: string; name: string }>;
  clusterCode: Map<number, string>;
  members: Membership[];
  movementByCode: Map<string, number>;
  movementCode: Map<number, string>;
  /** Readable names by code, for files: units, clusters, movements, award types (vi, en). */
  names: {
    unit: Map<string, string>;
    cluster: Map<string, string>;
    movement: Map<string, string>;
    award: Map<string, { vi: string; en: string | null }>;
  };
  awardCodes: Set<string>;
}

let cached: Geography | undefined;

export async function currentVersion(d1: D1Database, cost: ReadCost): Promise<{ version: number; updated_at: string }> {
  const row = await first<{ version: number; updated_at: string }>(
    d1,
    cost,
    sql`SELECT version, updated_at FROM data_state WHERE id = 1`,
  );
  return row ?? { version: 0, updated_at: '' };
}

export async function loadGeography(
  d1: D1Database,
  cost: ReadCost,
  known?: { version: number; updated_at: string },
): Promise<Geography> {
  const state = known ?? (await currentVersion(d1, cost));
  const key = `${state.version}:${state.updated_at}`;
  if (cached?.key === key) return cached;

  const [unitRows, lineageRows, clusterRows, memberRows, movementRows, awardRows] = await batch(d1, cost, [
    sql`SELECT id, code, name, parent_id, valid_from, valid_to FROM units`,
    sql`SELECT from_unit_id, to_unit_id, share FROM unit_lineage`,
    sql`SELECT id, code, name FROM clusters`,
    sql`SELECT cluster_id, unit_id, year_from, year_to FROM cluster_members`,
    sql`SELECT id, code, name FROM movements`,
    sql`SELECT code, name_vi, name_en FROM award_types`,
  ]);

  const units = new Map<number, GeoUnit>();
  for (const r of unitRows.results as {
    id: number;
    code: string;
    name: string;
    parent_id: number | null;
    valid_from: string | null;
    valid_to: string | null;
  }[]) {
    units.set(r.id, {
      id: r.id,
      code: r.code,
      name: r.name,
      parentId: r.parent_id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      children: [],
    });
  }
  const roots: number[] = [];
  for (const u of units.values()) {
    const parent = u.parentId === null ? undefined : units.get(u.parentId);
    if (parent) parent.children.push(u.id);
    else roots.push(u.id);
  }
  const successors = new Map<number, { unitId: number; share: number }[]>();
  const predecessors = new Map<number, { unitId: number; share: number }[]>();
  for (const l of lineageRows.results as { from_unit_id: number; to_unit_id: number; share: number }[]) {
    successors.set(l.from_unit_id, [
      ...(successors.get(l.from_unit_id) ?? []),
      { unitId: l.to_unit_id, share: l.share },
    ]);
    predecessors.set(l.to_unit_id, [
      ...(predecessors.get(l.to_unit_id) ?? []),
      { unitId: l.from_unit_id, share: l.share },
    ]);
  }
  const clusters = clusterRows.results as { id: number; code: string; name: string }[];
  const movements = movementRows.results as { id: number; code: string; name: string }[];
  const awards = awardRows.results as { code: string; name_vi: string; name_en: string | null }[];
  cached = {
    key,
    version: state.version,
    units,
    unitByCode: new Map([...units.values()].map((u) => [u.code, u])),
    roots,
    successors,
    predecessors,
    clusterByCode: new Map(clusters.map((c) => [c.code, c])),
    clusterCode: new Map(clusters.map((c) => [c.id, c.code])),
    members: (
      memberRows.results as { cluster_id: number; unit_id: number; year_from: number; year_to: number | null }[]
    ).map((m) => ({
      clusterId: m.cluster_id,
      unitId: m.unit_id,
      yearFrom: m.year_from,
      yearTo: m.year_to,
    })),
    movementByCode: new Map(movements.map((m) => [m.code, m.id])),
    movementCode: new Map(movements.map((m) => [m.id, m.code])),
    names: {
      unit: new Map([...units.values()].map((u) => [u.code, u.name])),
      cluster: new Map(clusters.map((c) => [c.code, c.name])),
      movement: new Map(movements.map((m) => [m.code, m.name])),
      award: new Map(awards.map((a) => [a.code, { vi: a.name_vi, en: a.name_en }])),
    },
    awardCodes: new Set(awards.map((a) => a.code)),
  };
  return cached;
}

/** The ids of a unit's ancestors, nearest first (bounded, so a parent cycle cannot loop). */
export function ancestorsOf(geo: Geography, id: number): number[] {
  const out: number[] = [];
  for (let u = geo.units.get(id); u && u.parentId !== null && out.length < 64; u = geo.units.get(u.parentId))
    out.push(u.parentId);
  return out;
}
