import { getResults, type ResultsResult } from '../api';
import { resource, type LoadState } from '../resource.svelte';
import { urlState } from '../url.svelte';

export type ResultsLoad = { state: LoadState<ResultsResult>; retry: () => void };

/** A cluster's year-end results for the URL's year range; shared by the cards of the cluster page. */
export function clusterResults(cluster: () => string) {
  return resource(
    () => ({ cluster: cluster(), from: urlState.params.from, to: urlState.params.to }),
    (q, signal) =>
      getResults(
        { cluster: q.cluster, from: q.from ? Number(q.from) : undefined, to: q.to ? Number(q.to) : undefined },
        signal,
      ),
  );
}
