import { sql } from 'drizzle-orm';
import { all, type ReadCost } from '../../db/run';
import type { AwardScope } from '../../domain/enums';
import { AwardNames, UnitNames } from '../../imports/names';
import { aliasUnits } from './aliases';

// What validation looks codes up in. Reference data is small (units, clusters, movements and
// award types number in the thousands), so it is read once per import and held in memory;
// awards, the big dataset, are never read back.

export type LookupName = 'units' | 'clusters' | 'movements' | 'awardTypes' | 'lineage' | 'results' | 'names';

export interface AwardTypeInfo {
  scope: AwardScope;
  householdAllowed: boolean;
}

export interface Lookups {
  units: Map<string, number>;
  clusters: Map<string, number>;
  movements: Map<string, number>;
  awardTypes: Map<string, AwardTypeInfo>;
  /** from_code|to_code pairs already recorded, and the share each old unit has given so far. */
  lineagePairs: Set<string>;
  lineageShares: Map<string, number>;
  /** year|cluster_code|unit_code of the movement results already recorded. */
  results: Set<string>;
  /** Units and award types by code or by name (award lists as people write them). */
  unitNames: UnitNames;
  awardNames: AwardNames;
  /** A scoped editor's limits: rows for units or clusters outside them are refused. */
  allowed?: ImportScope;
}

export interface ImportScope {
  unit?: (unitId: number) => boolean;
  cluster?: (clusterId: number) => boolean;
}

export async function loadLookups(db: D1Database, cost: ReadCost, needs: readonly LookupName[]): Promise<Lookups> {
  const want = new Set(needs);
  const pairs = async (q: ReturnType<typeof sql>) => all<{ code: string; id: number }>(db, cost, q);
  const l: Lookups = {
    units: new Map(),
    clusters: new Map(),
    movements: new Map(),
    awardTypes: new Map(),
    lineagePairs: new Set(),
    lineageShares: new Map(),
    results: new Set(),
    unitNames: new UnitNames([]),
    awardNames: new AwardNames([]),
  };
  if (want.has('units')) for (const r of await pairs(sql`SELECT code, id FROM units`)) l.units.set(r.code, r.id);
  if (want.has('clusters'))
    for (const r of await pairs(sql`SELECT code, id FROM clusters`)) l.clusters.set(r.code, r.id);
  if (want.has('movements'))
    for (const r of await pairs(sql`SELECT code, id FROM movements`)) l.movements.set(r.code, r.id);
  if (want.has('awardTypes')) {
    const rows = await all<{ code: string; scope: AwardScope; household_allowed: number }>(
      db,
      cost,
      sql`SELECT code, scope, household_allowed FROM award_types`,
    );
    for (const r of rows) l.awardTypes.set(r.code, { scope: r.scope, householdAllowed: r.household_allowed === 1 });
  }
  if (want.has('names')) {
    const units = await all<{
      id: number;
      code: string;
      name: string;
      valid_from: string | null;
      valid_to: string | null;
      parent_name: string | null;
    }>(
      db,
      cost,
      sql`SELECT u.id, u.code, u.name, u.valid_from, u.valid_to, p.name AS parent_name
        FROM units u LEFT JOIN units p ON p.id = u.parent_id`,
    );
    l.unitNames = new UnitNames(
      units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        validFrom: u.valid_from,
        validTo: u.valid_to,
        parentName: u.parent_name,
      })),
      await aliasUnits(db, cost),
    );
    const awards = await all<{ code: string; name_vi: string; name_en: string | null; valid_to: string | null }>(
      db,
      cost,
      sql`SELECT code, name_vi, name_en, valid_to FROM award_types`,
    );
    l.awardNames = new AwardNames(
      awards.map((a) => ({ code: a.code, nameVi: a.name_vi, nameEn: a.name_en, validTo: a.valid_to })),
    );
  }
  if (want.has('lineage')) {
    const rows = await all<{ f: string; t: string; share: number }>(
      db,
      cost,
      sql`SELECT f.code AS f, t.code AS t, l.share FROM unit_lineage l
        JOIN units f ON f.id = l.from_unit_id JOIN units t ON t.id = l.to_unit_id`,
    );
    for (const r of rows) {
      l.lineagePairs.add(`${r.f}|${r.t}`);
      l.lineageShares.set(r.f, (l.lineageShares.get(r.f) ?? 0) + r.share);
    }
  }
  if (want.has('results')) {
    const rows = await all<{ k: string }>(
      db,
      cost,
      sql`SELECT r.year || '|' || c.code || '|' || u.code AS k FROM movement_results r
JOIN clusters c ON c.id = r.cluster_id JOIN units u ON u.id = r.unit_id
JOIN import_batches b ON b.id = r.batch_id AND b.status = 'committed'`,
    );
    for (const r of rows) l.results.add(r.k);
  }
  return l;
}
