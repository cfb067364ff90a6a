import type { Dataset } from '../api';
import type { Key } from '../i18n.svelte';

// A Record over Dataset: a dataset added to the contract without a label here fails the build.
export const DATASET_LABELS: Record<Dataset, Key> = {
  awards: 'ds_awards',
  units: 'ds_units',
  unit_lineage: 'ds_unit_lineage',
  clusters: 'ds_clusters',
  cluster_members: 'ds_cluster_members',
  movements: 'ds_movements',
  award_types: 'ds_award_types',
  movement_results: 'ds_movement_results',
};

export const DATASET_LIST = Object.keys(DATASET_LABELS) as Dataset[];
