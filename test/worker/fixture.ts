import type { AwardRecord, DemoDataset } from '../../scripts/demo/types';
import { award, dataset } from './helpers';

// A province P with district D1 (communes C1, C2) and agency A, and a second province Q.
// Every expected figure in summary.test.ts is computed by hand from these ten rows.
const a = award;

export const FIXTURE_AWARDS: AwardRecord[] = [
  a(2023, 'LDTT', 'C1', 'individual', 10, { gender: 'F', recipient_class: 'TRUC_TIEP' }),
  a(2023, 'LDTT', 'C1', 'individual', 5, { gender: 'M', recipient_class: 'LD_KHAC' }),
  a(2023, 'CSTD_CS', 'C2', 'individual', 3, { gender: 'F', recipient_class: 'TRUC_TIEP' }),
  a(2023, 'TTLDTT', 'D1', 'collective', 2),
  a(2023, 'BK_TINH', 'A', 'individual', 4, {
    gender: 'M',
    recipient_class: 'LD_VU_SO',
    method: 'CHUYEN_DE',
    movement_code: 'M1',
  }),
  a(2024, 'LDTT', 'C1', 'individual', 7, { gender: 'F', recipient_class: 'TRUC_TIEP' }),
  a(2024, 'BK_TTG', 'D1', 'individual', 1, { gender: 'M', recipient_class: 'LD_BO_TINH' }),
  a(2024, 'GK_XA', 'C2', 'household', 6),
  a(2024, 'HC_LD_3', 'Q', 'collective', 1),
  a(2024, 'BK_TINH', 'C2', 'individual', 2, { method: 'DOT_XUAT' }),
];

export const FIXTURE: DemoDataset = dataset(FIXTURE_AWARDS, {
  units: [
    { code: 'P', name: 'Tỉnh P', kind: 'province' },
    { code: 'D1', name: 'Huyện D1', kind: 'district', parent_code: 'P' },
    { code: 'C1', name: 'Xã C1', kind: 'commune', parent_code: 'D1' },
    { code: 'C2', name: 'Xã C2', kind: 'commune', parent_code: 'D1' },
    { code: 'A', name: 'Sở A', kind: 'agency', parent_code: 'P' },
    { code: 'Q', name: 'Tỉnh Q', kind: 'province' },
  ],
  movements: [
    {
      code: 'M1',
      name: 'Phong trào M1',
      level: 'province',
      kind: 'thematic',
      owner_code: 'P',
      start_date: '2023-01-01',
    },
  ],
});

/** A central cluster K of provinces P and Q with its year-end ranks for 2023 and 2024. */
export const CLUSTER_K: Pick<DemoDataset, 'clusters' | 'cluster_members' | 'movement_results'> = {
  clusters: [{ code: 'K', name: 'Cụm K', kind: 'cum', level: 'central' }],
  cluster_members: [
    { cluster_code: 'K', unit_code: 'P', year_from: 2023 },
    { cluster_code: 'K', unit_code: 'Q', year_from: 2023 },
  ],
  movement_results: [
    { year: 2023, cluster_code: 'K', unit_code: 'P', score: 95.5, rank: 1, proposed_award_code: 'CO_CP' },
    { year: 2023, cluster_code: 'K', unit_code: 'Q', score: 90, rank: 2 },
    { year: 2024, cluster_code: 'K', unit_code: 'Q', score: 96, rank: 1, proposed_award_code: 'CO_CP' },
    { year: 2024, cluster_code: 'K', unit_code: 'P', score: 94, rank: 2, proposed_award_code: 'BK_TTG' },
  ],
};
