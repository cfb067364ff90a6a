// Bumped after every import or rollback made from this page, so that what was loaded from
// /api/v1/meta (units for the filter, the data version in the footer) is loaded again.
import { reloadMeta } from './meta.svelte';

export const dataChanged = $state({ count: 0 });

export function notifyDataChanged() {
  dataChanged.count++;
  reloadMeta();
}
