import type { Scope } from '../auth/identity';
import { ApiError, type Text } from '../errors';
import type { Meta } from '../validation/responses';
import { ancestorsOf, type Geography } from '../queries/geography';

// A user's scope, resolved against the current unit tree. Every read path takes one: the
// summary plan counts only awards recorded inside it, results, forms and the catalog are cut to
// it, and embeds and snapshots carry their creator's. A scope whose code no longer exists
// resolves to nothing rather than to everything.

export type ReadScope =
  | { kind: 'all' }
  | { kind: 'unit'; code: string; unitId: number | null }
  | { kind: 'cluster'; code: string; clusterId: number | null };

export const ALL: ReadScope = { kind: 'all' };

/** 403 naming the parameter: a unit or cluster outside the caller's scope is refused, never answered with zeros. */
const outOfScope = (parameter: string, text: Text) =>
  new ApiError(403, { error: `${parameter}: ${text.en}`, error_vi: `${parameter}: ${text.vi}`, parameter });

export function resolveScope(geo: Geography, scope: Scope): ReadScope {
  if (scope === null) return ALL;
  if ('unit' in scope) return { kind: 'unit', code: scope.unit, unitId: geo.unitByCode.get(scope.unit)?.id ?? null };
  return { kind: 'cluster', code: scope.cluster, clusterId: geo.clusterByCode.get(scope.cluster)?.id ?? null };
}

export const describeScope = (s: ReadScope) => (s.kind === 'all' ? 'everything' : `${s.kind} ${s.code}`);
const describeScopeVi = (s: ReadScope) =>
  s.kind === 'all' ? 'toàn bộ' : `${s.kind === 'unit' ? 'đơn vị' : 'cụm, khối'} ${s.code}`;

/** Is the unit inside the scope: the scope unit or below it; for a cluster, a member (any year) or below one. */
export function unitInScope(geo: Geography, s: ReadScope, unitId: number): boolean {
  if (s.kind === 'all') return true;
  const chain = [unitId, ...ancestorsOf(geo, unitId)];
  if (s.kind === 'unit') return s.unitId !== null && chain.includes(s.unitId);
  if (s.clusterId === null) return false;
  const members = new Set(geo.members.filter((m) => m.clusterId === s.clusterId).map((m) => m.unitId));
  return chain.some((u) => members.has(u));
}

/** May the scope see this cluster: its own cluster; for a unit scope, a cluster with a member inside it. */
export function clusterInScope(geo: Geography, s: ReadScope, clusterId: number): boolean {
  if (s.kind === 'all') return true;
  if (s.kind === 'cluster') return s.clusterId === clusterId;
  return geo.members.some((m) => m.clusterId === clusterId && unitInScope(geo, s, m.unitId));
}

export function requireUnit(geo: Geography, s: ReadScope, unitId: number, parameter = 'unit'): void {
  if (!unitInScope(geo, s, unitId)) {
    throw outOfScope(parameter, {
      en: `unit '${geo.units.get(unitId)?.code}' is outside your scope (${describeScope(s)})`,
      vi: `đơn vị '${geo.units.get(unitId)?.code}' nằm ngoài phạm vi của bạn (${describeScopeVi(s)})`,
    });
  }
}

export function requireCluster(geo: Geography, s: ReadScope, clusterId: number, parameter = 'cluster'): void {
  if (!clusterInScope(geo, s, clusterId)) {
    throw outOfScope(parameter, {
      en: `cluster '${geo.clusterCode.get(clusterId)}' is outside your scope (${describeScope(s)})`,
      vi: `cụm, khối '${geo.clusterCode.get(clusterId)}' nằm ngoài phạm vi của bạn (${describeScopeVi(s)})`,
    });
  }
}

/** The catalog as a scope sees it: its units with their ancestors and lineage partners, its clusters. */
export function scopeMeta(meta: Meta, geo: Geography, s: ReadScope): Meta {
  if (s.kind === 'all') return meta;
  const inside = (code: string) => {
    const u = geo.unitByCode.get(code);
    return u !== undefined && unitInScope(geo, s, u.id);
  };
  const lineage = meta.unit_lineage.filter((l) => inside(l.from_code) || inside(l.to_code));
  const named = new Set<string>();
  for (const u of meta.units) {
    if (!inside(u.code)) continue;
    named.add(u.code);
    for (const a of ancestorsOf(geo, geo.unitByCode.get(u.code)!.id)) named.add(geo.units.get(a)!.code);
  }
  // successors with their ancestors: under as_of the scope's awards are shown on today's units
  for (const l of lineage) {
    for (const code of [l.from_code, l.to_code]) {
      named.add(code);
      const u = geo.unitByCode.get(code);
      if (u) for (const a of ancestorsOf(geo, u.id)) named.add(geo.units.get(a)!.code);
    }
  }
  const clusters = meta.clusters
    .filter((c) => {
      const id = geo.clusterByCode.get(c.code)?.id;
      return id !== undefined && clusterInScope(geo, s, id);
    })
    .map((c) => ({ ...c, members: s.kind === 'cluster' ? c.members : c.members.filter((m) => inside(m.unit_code)) }));
  return { ...meta, units: meta.units.filter((u) => named.has(u.code)), unit_lineage: lineage, clusters };
}
