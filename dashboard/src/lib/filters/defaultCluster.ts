import { ancestry, meta, type Cluster } from '../meta.svelte';
import { session } from '../session.svelte';
import { scopeUnit } from '../scope';
import { compareVi } from '../text';

const LEVEL_ORDER = ['central', 'province', 'district'];

/**
 * The cluster the cluster page opens on when none is chosen: a cluster-scoped user's own; else
 * one the user's area belongs to (the chosen unit, a unit scope, else the first province the data
 * is recorded in detail for), preferring its latest membership and the higher level; else the
 * first in the catalog. "The first in the catalog" alone opened on an unrelated cluster.
 */
export function defaultCluster(unit: string | undefined): string | undefined {
  const s = session.me?.scope;
  if (s && 'cluster' in s) return s.cluster;
  const clusters = [...(meta.data?.clusters ?? [])].sort(
    (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || compareVi(a.name, b.name),
  );
  const units = meta.data?.units ?? [];
  // a province with units under it is one whose own figures are recorded here
  const home = units.find((u) => !u.parent_code && !u.valid_to && units.some((c) => c.parent_code === u.code));
  const area = unit ?? scopeUnit() ?? home?.code;
  // a unit that began in 2025 also belongs where its predecessors were
  const chain = new Set(ancestry(area).map((u) => u.code));
  for (const l of meta.data?.unit_lineage ?? []) if (chain.has(l.to_code)) chain.add(l.from_code);
  const latest = (c: Cluster) =>
    Math.max(-1, ...c.members.filter((m) => chain.has(m.unit_code)).map((m) => m.year_to ?? 9999));
  const mine = clusters.filter((c) => latest(c) >= 0).sort((a, b) => latest(b) - latest(a));
  return (mine[0] ?? clusters[0])?.code;
}
