import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../db/run';
import type { Meta } from '../validation/responses';
import { type Catalog, readCatalog } from './catalog/snapshot';
import { currentVersion, type DataState } from './geography';

export type { Meta };
type MetaUnit = Meta['units'][number];

type Id = number | null;
type Listed = Omit<Meta, 'data_version' | 'updated_at' | 'years'>;

// The catalogue part of /meta changes only with the catalogue (catalog/snapshot.ts), and is built
// once per catalogue an isolate holds; the data version and the year range change with every
// import, so an isolate keeps the last answer under the data version the request already read.
let cached: { key: string; meta: Meta } | undefined;
const listed = new WeakMap<Catalog, Listed>();

/**
 * Everything the dashboard needs to label and filter. `known` is the data state the request
 * already read: if this isolate holds the answer of that version, nothing is read; else the year
 * range (two index probes) and, if the isolate has not got this catalogue, its snapshot.
 */
export async function readMeta(d1: D1Database, cost: ReadCost, known?: DataState): Promise<Meta> {
  if (known && cached?.key === `${known.version}:${known.updated_at}`) return cached.meta;
  const state = known ?? (await currentVersion(d1, cost));
  const [[years], catalog] = await Promise.all([
    // every year with a count has rows in cuboid 0; two probes of award_cube_years
    // (and of a batch just committed, until its delta is merged; the merge bumps the version)
    batch(d1, cost, [
      sql`SELECT MIN(year_from) AS year_from, MAX(year_to) AS year_to FROM (
          SELECT (SELECT MIN(year) FROM award_cube WHERE cuboid = 0) AS year_from,
                 (SELECT MAX(year) FROM award_cube WHERE cuboid = 0) AS year_to
          UNION ALL
          SELECT MIN(year), MAX(year) FROM award_cube_delta
          WHERE batch_id IN (SELECT id FROM import_batches WHERE delta_visible = 1) AND cuboid = 0 AND n > 0)`,
    ]),
    readCatalog(d1, cost, state),
  ]);
  let list = listed.get(catalog);
  if (!list) {
    list = listCatalog(catalog);
    listed.set(catalog, list);
  }
  const yr = years.results[0] as { year_from: number | null; year_to: number | null };
  const meta: Meta = {
    data_version: state.version,
    updated_at: state.updated_at,
    years: yr.year_from === null ? null : { from: yr.year_from, to: yr.year_to as number },
    ...list,
  };
  cached = { key: `${state.version}:${state.updated_at}`, meta };
  return meta;
}

const byKeys =
  <T>(...keys: ((r: T) => string | number | null)[]) =>
  (a: T, b: T) => {
    for (const k of keys) {
      const x = k(a);
      const y = k(b);
      if (x === y) continue;
      if (x === null) return -1; // SQLite sorts NULL first
      if (y === null) return 1;
      return x < y ? -1 : 1;
    }
    return 0;
  };

/** Ids become codes here, in the orders /meta has always listed them in. */
function listCatalog({ rows }: Catalog): Listed {
  const units = [...rows.units].sort(byKeys((u) => Number(u.id)));
  const codeOf = new Map(units.map((u) => [Number(u.id), String(u.code)]));
  const code = (id: Id | string) => (id === null ? null : (codeOf.get(Number(id)) ?? null));
  const text = (v: string | number | null) => (v === null ? null : String(v));

  const membersOf = new Map<number, Meta['clusters'][number]['members']>();
  for (const m of [...rows.cluster_members].sort(
    byKeys(
      (r) => Number(r.cluster_id),
      (r) => Number(r.year_from),
      (r) => Number(r.unit_id),
    ),
  )) {
    const list = membersOf.get(Number(m.cluster_id)) ?? [];
    list.push({
      unit_code: code(m.unit_id)!,
      year_from: Number(m.year_from),
      year_to: m.year_to === null ? null : Number(m.year_to),
    });
    membersOf.set(Number(m.cluster_id), list);
  }
  return {
    award_types: [...rows.award_types]
      .sort(
        byKeys(
          (t) => Number(t.sort_order),
          (t) => String(t.code),
        ),
      )
      .map((t) => ({
        code: String(t.code),
        name_vi: String(t.name_vi),
        name_en: text(t.name_en),
        category: String(t.category),
        tier: String(t.tier),
        scope: String(t.scope),
        household_allowed: Boolean(t.household_allowed),
        valid_to: text(t.valid_to),
        builtin: Boolean(t.builtin),
      })),
    units: units.map(
      (u): MetaUnit => ({
        code: String(u.code),
        name: String(u.name),
        kind: String(u.kind),
        valid_from: text(u.valid_from),
        valid_to: text(u.valid_to),
        parent_code: code(u.parent_id),
      }),
    ),
    unit_lineage: [...rows.unit_lineage].sort(byKeys((l) => Number(l.id))).map((l) => ({
      from_code: code(l.from_unit_id)!,
      to_code: code(l.to_unit_id)!,
      effective_date: String(l.effective_date),
      share: Number(l.share),
    })),
    clusters: [...rows.clusters].sort(byKeys((c) => Number(c.id))).map((c) => ({
      code: String(c.code),
      name: String(c.name),
      kind: String(c.kind),
      level: String(c.level),
      owner_code: code(c.owner_unit_id),
      members: membersOf.get(Number(c.id)) ?? [],
    })),
    movements: [...rows.movements]
      .sort(
        byKeys(
          (m) => text(m.start_date),
          (m) => String(m.code),
        ),
      )
      .map((m) => ({
        code: String(m.code),
        name: String(m.name),
        level: String(m.level),
        kind: String(m.kind),
        owner_code: code(m.owner_unit_id),
        start_date: String(m.start_date),
        end_date: text(m.end_date),
      })),
  };
}
