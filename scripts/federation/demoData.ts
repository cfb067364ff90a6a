import type { DemoDataset } from '../demo/types.ts';

// The demo generates one province (Thái Bình, merged into Hưng Yên in 2025). The federation demo
// needs a second one with codes of its own: the same generator's output, renamed (Nam Định
// merged into Ninh Bình), from 2018 on, so its figures differ from the first's.
const PREFIX = 'NB.';
const code = (c: string | undefined) => (c === undefined ? c : `${PREFIX}${c}`);
const rename = (s: string) => s.replaceAll('Thái Bình', 'Nam Định').replaceAll('Hưng Yên', 'Ninh Bình');

export function secondProvince(d: DemoDataset): DemoDataset {
  const awards = new Map(
    [...d.awards]
      .filter(([year]) => year >= 2018)
      .map(([year, rows]) => [
        year,
        rows.map((a) => ({ ...a, unit_code: code(a.unit_code)!, movement_code: code(a.movement_code) })),
      ]),
  );
  return {
    units: d.units.map((u) => ({ ...u, code: code(u.code)!, parent_code: code(u.parent_code), name: rename(u.name) })),
    unit_lineage: d.unit_lineage.map((l) => ({ ...l, from_code: code(l.from_code)!, to_code: code(l.to_code)! })),
    clusters: d.clusters.map((c) => ({
      ...c,
      code: code(c.code)!,
      owner_code: code(c.owner_code),
      name: rename(c.name),
    })),
    cluster_members: d.cluster_members.map((m) => ({
      ...m,
      cluster_code: code(m.cluster_code)!,
      unit_code: code(m.unit_code)!,
    })),
    movements: d.movements.map((m) => ({
      ...m,
      code: code(m.code)!,
      owner_code: code(m.owner_code),
      name: rename(m.name),
    })),
    award_types: d.award_types,
    awards,
    movement_results: d.movement_results
      .filter((r) => r.year >= 2018)
      .map((r) => ({ ...r, cluster_code: code(r.cluster_code)!, unit_code: code(r.unit_code)! })),
  };
}

/**
 * Only the province's own tree (its top units and everything under them): the demo also holds
 * the other provinces of its central clusters, which a province instance does not push.
 */
export function ownTree(d: DemoDataset, tops: string[]): DemoDataset {
  const keep = new Set(tops);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of d.units)
      if (!keep.has(u.code) && u.parent_code && keep.has(u.parent_code)) grew = Boolean(keep.add(u.code));
  }
  const clusters = d.clusters.filter((c) => !c.owner_code || keep.has(c.owner_code));
  const clusterCodes = new Set(clusters.map((c) => c.code));
  const members = d.cluster_members.filter((m) => clusterCodes.has(m.cluster_code) && keep.has(m.unit_code));
  return {
    ...d,
    units: d.units.filter((u) => keep.has(u.code)),
    unit_lineage: d.unit_lineage.filter((l) => keep.has(l.from_code) && keep.has(l.to_code)),
    clusters: clusters.filter((c) => members.some((m) => m.cluster_code === c.code)),
    cluster_members: members,
    movements: d.movements.filter((m) => !m.owner_code || keep.has(m.owner_code)),
    awards: new Map([...d.awards].map(([y, rows]) => [y, rows.filter((a) => keep.has(a.unit_code))])),
    movement_results: d.movement_results.filter((r) => clusterCodes.has(r.cluster_code) && keep.has(r.unit_code)),
  };
}
