import { sql } from 'drizzle-orm';
import { first, type ReadCost } from '../db/run';
import { type Catalog, type CatalogRows, type CatalogState, readCatalog } from './catalog/snapshot';

// The unit tree, lineage, cluster membership and code lists, read by every summary to plan which
// aggregate rows to fetch: built from the catalogue (catalog/snapshot.ts), which an isolate keeps
// under the catalogue's stamp, so a warm isolate pays one row (data_state) per request for them and
// a cold one the snapshot's few rows (not the 14,500 units and 11,200 lineage rows of the country).

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
  /** The catalogue's stamp ('' for one read from the tables, never kept). */
  key: string;
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

/** The row of data_state a request reads once (versionCache): the data and catalogue versions. */
export interface DataState extends CatalogState {
  version: number;
  updated_at: string;
}

export async function currentVersion(d1: D1Database, cost: ReadCost): Promise<DataState> {
  const row = await first<DataState>(
    d1,
    cost,
    sql`SELECT version, updated_at, catalog_version, catalog_clean, catalog_stamp FROM data_state WHERE id = 1`,
  );
  return row ?? { version: 0, updated_at: '', catalog_version: 0, catalog_clean: 0, catalog_stamp: '' };
}

// One Geography per catalogue an isolate holds: it changes only with the catalogue (not with
// every awards import), so plans kept per geography (plan.ts) live as long.
const built = new WeakMap<Catalog, Geography>();

export async function loadGeography(d1: D1Database, cost: ReadCost, known?: DataState): Promise<Geography> {
  const catalog = await readCatalog(d1, cost, known ?? (await currentVersion(d1, cost)));
  let geo = built.get(catalog);
  if (!geo) {
    geo = geographyOf(catalog.rows, catalog.stamp);
    built.set(catalog, geo);
  }
  return geo;
}

type UnitRow = CatalogRows['units'][number];

/** The unit tree, lineage and code lists of catalogue rows (also the demo loader's, by id). */
export function geographyOf(
  rows: Pick<CatalogRows, 'units' | 'unit_lineage'> & Partial<CatalogRows>,
  key = '',
): Geography {
  const units = new Map<number, GeoUnit>();
  for (const r of [...rows.units].sort((a, b) => Number(a.id) - Number(b.id)) as UnitRow[]) {
    units.set(Number(r.id), {
      id: Number(r.id),
      code: String(r.code),
      name: String(r.name),
      parentId: r.parent_id === null ? null : Number(r.parent_id),
      validFrom: r.valid_from === null ? null : String(r.valid_from),
      validTo: r.valid_to === null ? null : String(r.valid_to),
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
  for (const l of [...rows.unit_lineage].sort((a, b) => Number(a.id) - Number(b.id))) {
    const from = Number(l.from_unit_id);
    const to = Number(l.to_unit_id);
    const share = Number(l.share);
    successors.set(from, [...(successors.get(from) ?? []), { unitId: to, share }]);
    predecessors.set(to, [...(predecessors.get(to) ?? []), { unitId: from, share }]);
  }
  const clusters = (rows.clusters ?? []).map((c) => ({ id: Number(c.id), code: String(c.code), name: String(c.name) }));
  const movements = (rows.movements ?? []).map((m) => ({
    id: Number(m.id),
    code: String(m.code),
    name: String(m.name),
  }));
  const awards = (rows.award_types ?? []).map((a) => ({
    code: String(a.code),
    name_vi: String(a.name_vi),
    name_en: a.name_en === null ? null : String(a.name_en),
  }));
  return {
    key,
    units,
    unitByCode: new Map([...units.values()].map((u) => [u.code, u])),
    roots,
    successors,
    predecessors,
    clusterByCode: new Map(clusters.map((c) => [c.code, c])),
    clusterCode: new Map(clusters.map((c) => [c.id, c.code])),
    members: (rows.cluster_members ?? []).map((m) => ({
      clusterId: Number(m.cluster_id),
      unitId: Number(m.unit_id),
      yearFrom: Number(m.year_from),
      yearTo: m.year_to === null ? null : Number(m.year_to),
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
}

/** The ids of a unit's ancestors, nearest first (bounded, so a parent cycle cannot loop). */
export function ancestorsOf(geo: Geography, id: number): number[] {
  const out: number[] = [];
  for (let u = geo.units.get(id); u && u.parentId !== null && out.length < 64; u = geo.units.get(u.parentId))
    out.push(u.parentId);
  return out;
}
