import { madeBy, type Identity } from '../auth/identity';
import type { Dataset } from '../domain/enums';
import type { Geography } from '../queries/geography';
import type { ImportScope } from '../queries/imports/lookups';
import { resolveScope, unitInScope } from '../queries/scope';
import type { ImportBatch } from '../queries/imports/batches';

// Who may import what. The award catalog is an admin's; the shared reference data (units,
// lineage, clusters, membership, movements) belongs to editors without a scope; a unit-scoped
// editor imports award lists of their units, a cluster-scoped one their cluster's results.
const REFERENCE: Dataset[] = ['units', 'unit_lineage', 'clusters', 'cluster_members', 'movements'];

export type ImportRight = { allowed?: ImportScope } | { refused: string; role?: 'admin' };

export function importRight(who: Identity, dataset: Dataset, geo: Geography): ImportRight {
  if (dataset === 'award_types') return who.role === 'admin' ? {} : { refused: 'the award catalog is changed by admins only', role: 'admin' };
  if (who.scope === null) return {};
  const scope = resolveScope(geo, who.scope);
  if (REFERENCE.includes(dataset)) return { refused: `${dataset} is shared reference data: it is imported by an editor without a scope` };
  if (dataset === 'awards') {
    if (scope.kind !== 'unit') return { refused: 'award lists are imported by unit-scoped or unscoped editors' };
    return { allowed: { unit: (id) => unitInScope(geo, scope, id) } };
  }
  if (scope.kind !== 'cluster') return { refused: "cluster results are imported by the cluster's editor or an unscoped one" };
  return { allowed: { cluster: (id) => id === scope.clusterId } };
}

/** A scoped editor sees and rolls back only their own batches. */
export const ownBatch = (who: Identity, b: Pick<ImportBatch, 'created_by'>) => who.scope === null || madeBy(who, b.created_by);
