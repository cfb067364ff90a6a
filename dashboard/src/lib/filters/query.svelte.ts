// The filters every card applies, read from the URL (so a view can be shared and restored).
import { FILTER_PARAMS, LIST_FILTERS } from '../../../../worker/domain/dimensions';
import type { FilterQuery } from '../api';
import { urlState } from '../url.svelte';
import { followDate, lineageDate } from './lineage.svelte';

/** URL parameters that are passed to the API as they are (one code or a comma list each). */
// as_of is not among them: the URL says `bounds=now`, and the date is today's when asked.
export const PASS_THROUGH = FILTER_PARAMS.filter((k) => k !== 'as_of') as Exclude<
  (typeof FILTER_PARAMS)[number],
  'as_of'
>[];
export type FilterKey = (typeof PASS_THROUGH)[number];
export { LIST_FILTERS };

/** `bounds=now` in the URL: "theo địa giới hiện nay", every old unit mapped onto today's units. */
export const BOUNDS_PARAM = 'bounds';

/** Today in Vietnam, as the API's `as_of` date. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

export const mappedToToday = () => urlState.params[BOUNDS_PARAM] === 'now';

/**
 * The API query for the current URL. `omit` drops filters a card sets itself (the cluster page
 * picks its own cluster; the area page its own unit level).
 */
export function filterQuery(omit: FilterKey[] = []): Record<string, string> & FilterQuery {
  const q: Record<string, string> = {};
  for (const k of PASS_THROUGH) {
    const v = urlState.params[k];
    if (v && !omit.includes(k)) q[k] = v;
  }
  const asOf = mappedToToday() ? today() : (followDate() ?? lineageDate());
  if (asOf) q.as_of = asOf;
  return q as Record<string, string> & FilterQuery;
}

/** How many filters are set (shown on the phone's filter button). */
export function activeFilterCount(): number {
  return PASS_THROUGH.filter((k) => urlState.params[k]).length + (mappedToToday() || followDate() ? 1 : 0);
}
