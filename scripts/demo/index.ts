import { buildAwards } from './awards.ts';
import { buildResults, CLUSTERS, FIRST_YEAR, LAST_YEAR, MEMBERS } from './clusters.ts';
import { buildGeography } from './geography.ts';
import { MOVEMENTS } from './movements.ts';
import type { AwardTypeRecord, DemoDataset } from './types.ts';

// The catalog lacks the resistance-war orders; a Board adds them through the award_types
// dataset, and so does the demo.
const EXTRA_AWARD_TYPES: AwardTypeRecord[] = [
  {
    code: 'HC_KC_1',
    name_vi: 'Huân chương Kháng chiến hạng Nhất',
    name_en: 'Resistance Order, First Class',
    category: 'commendation',
    tier: 'state',
    scope: 'both',
  },
  {
    code: 'HC_KC_2',
    name_vi: 'Huân chương Kháng chiến hạng Nhì',
    name_en: 'Resistance Order, Second Class',
    category: 'commendation',
    tier: 'state',
    scope: 'both',
  },
];

/** The whole demo dataset, identical on every run. */
export function generateDemo(): DemoDataset {
  const { units, lineage } = buildGeography();
  const results = buildResults();
  const rankOne = new Map(results.filter((r) => r.rank === 1).map((r) => [`${r.cluster_code}:${r.year}`, r.unit_code]));
  return {
    units,
    unit_lineage: lineage,
    clusters: CLUSTERS,
    cluster_members: MEMBERS,
    movements: MOVEMENTS,
    award_types: EXTRA_AWARD_TYPES,
    awards: buildAwards(FIRST_YEAR, LAST_YEAR, rankOne),
    movement_results: results,
  };
}
