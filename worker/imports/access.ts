import { madeBy, type Identity } from '../auth/identity';
import { atLeast } from '../auth/roles';
import { DATASETS, type Dataset } from '../domain/enums';
import type { Geography } from '../queries/geography';
import type { ImportScope } from '../queries/imports/lookups';
import { resolveScope, unitInScope } from '../plan/scope';
import type { ImportBatch } from '../queries/imports/batches';

// Who may import what. The award catalog is an admin's; the shared reference data (units,
// lineage, clusters, membership, movements) belongs to editors without a scope; a unit-scoped
// editor imports award lists of their units, a cluster-scoped one their cluster's results.
const REFERENCE: Dataset[] = ['units', 'unit_lineage', 'clusters', 'cluster_members', 'movements'];

type Refusal = { refused: string; refused_vi: string; role?: 'admin' };
export type ImportRight = { allowed?: ImportScope } | Refusal;

/** Whether an editor may import a dataset at all, by role and kind of scope alone. */
function importRefusal(who: Identity, dataset: Dataset): Refusal | null {
  if (dataset === 'award_types')
    return who.role === 'admin'
      ? null
      : {
          refused: 'the award catalog is changed by admins only',
          refused_vi: 'chỉ quản trị viên mới thay đổi danh mục hình thức khen thưởng',
          role: 'admin',
        };
  if (who.scope === null) return null;
  if (REFERENCE.includes(dataset))
    return {
      refused: `${dataset} is shared reference data: it is imported by an editor without a scope`,
      refused_vi: `${dataset} là dữ liệu dùng chung: do biên tập viên không giới hạn phạm vi nhập`,
    };
  if (dataset === 'awards')
    return 'unit' in who.scope
      ? null
      : {
          refused: 'award lists are imported by unit-scoped or unscoped editors',
          refused_vi: 'danh sách khen thưởng do biên tập viên của đơn vị hoặc không giới hạn phạm vi nhập',
        };
  return 'cluster' in who.scope
    ? null
    : {
        refused: "cluster results are imported by the cluster's editor or an unscoped one",
        refused_vi: 'kết quả cụm, khối do biên tập viên của cụm, khối hoặc không giới hạn phạm vi nhập',
      };
}

/** The datasets an identity may import (GET /auth/me tells the dashboard, so it offers only these). */
export const importableDatasets = (who: Identity): Dataset[] =>
  atLeast(who.role, 'editor') ? DATASETS.filter((d) => importRefusal(who, d) === null) : [];

/** The right to import a dataset, with the row limits of a scoped editor. */
export function importRight(who: Identity, dataset: Dataset, geo: Geography): ImportRight {
  const refusal = importRefusal(who, dataset);
  if (refusal) return refusal;
  if (who.scope === null || dataset === 'award_types') return {};
  const scope = resolveScope(geo, who.scope);
  if (scope.kind === 'cluster') return { allowed: { cluster: (id) => id === scope.clusterId } };
  return { allowed: { unit: (id) => unitInScope(geo, scope, id) } };
}

/** A scoped editor sees and rolls back only their own batches. */
export const ownBatch = (who: Identity, b: Pick<ImportBatch, 'created_by'>) =>
  who.scope === null || madeBy(who, b.created_by);
