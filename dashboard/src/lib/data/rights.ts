import type { Dataset, Me } from '../api';
import { DATASET_LIST } from './datasets';

// The datasets the signed-in editor may import, as worker/imports/access.ts decides them: the
// award catalog is an admin's; a unit-scoped editor imports award lists, a cluster-scoped one
// their cluster's results; an unscoped editor everything else. The API still checks every file
// (and says why it refuses one); the list only keeps from offering what would be refused.
export function importableDatasets(me: Me): Dataset[] {
  return DATASET_LIST.filter((d) => {
    if (d === 'award_types') return me.role === 'admin';
    if (me.scope === null) return true;
    return 'unit' in me.scope ? d === 'awards' : d === 'movement_results';
  });
}
