import type { Dataset } from '../../domain/enums';
import type { DatasetDef } from '../dataset';
import { awards } from './awards';
import { awardTypes } from './awardTypes';
import { clusterMembers } from './clusterMembers';
import { clusters } from './clusters';
import { movementResults } from './movementResults';
import { movements } from './movements';
import { unitLineage } from './unitLineage';
import { units } from './units';

export const DATASET_DEFS: Record<Dataset, DatasetDef> = {
  units,
  unit_lineage: unitLineage,
  clusters,
  cluster_members: clusterMembers,
  movements,
  award_types: awardTypes,
  awards,
  movement_results: movementResults,
};
