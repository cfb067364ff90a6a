import type { AwardRecord, DemoDataset } from '../../scripts/demo/types';
import { dataset } from './helpers';

// Two provinces PA and PB merge into PN on 1 Jul 2025; PA's district DA has communes X1, X2,
// and X3, which became Y on 1 Jan 2020. On 1 Jul 2025 the communes merge into N1 and N2, and
// X2 is split 0.6 / 0.4 between them. Expected figures in reorg.test.ts are worked out by hand.
const a = (year: number, unit_code: string, quantity: number, more: Partial<AwardRecord> = {}): AwardRecord => ({
  year,
  award_code: 'LDTT',
  unit_code,
  recipient_kind: 'individual',
  quantity,
  ...more,
});

export const REORG: DemoDataset = dataset(
  [
    a(2019, 'X3', 4),
    a(2021, 'Y', 6),
    a(2023, 'X1', 10, { gender: 'F', recipient_class: 'TRUC_TIEP' }),
    a(2023, 'X2', 20, { gender: 'M', recipient_class: 'TRUC_TIEP' }),
    a(2023, 'DA', 4, { award_code: 'TTLDTT', recipient_kind: 'collective' }),
    a(2024, 'X2', 5, { gender: 'F', recipient_class: 'LD_KHAC' }),
    a(2024, 'PA', 2, { award_code: 'BK_TINH', gender: 'M', recipient_class: 'LD_VU_SO', ethnic_minority: 1 }),
    a(2024, 'PB', 7),
    a(2025, 'N1', 30),
    a(2025, 'N2', 8),
    a(2025, 'PN', 3, { award_code: 'BK_TINH' }),
    a(2025, 'DA', 1, { award_code: 'GK_HUYEN' }),
  ],
  {
    units: [
      { code: 'PA', name: 'Tỉnh A', kind: 'province', valid_to: '2025-06-30' },
      { code: 'PB', name: 'Tỉnh B', kind: 'province', valid_to: '2025-06-30' },
      { code: 'PN', name: 'Tỉnh mới', kind: 'province', valid_from: '2025-07-01' },
      { code: 'DA', name: 'Huyện A', kind: 'district', parent_code: 'PA', valid_to: '2025-06-30' },
      { code: 'X1', name: 'Xã X1', kind: 'commune', parent_code: 'DA', valid_to: '2025-06-30' },
      { code: 'X2', name: 'Xã X2', kind: 'commune', parent_code: 'DA', valid_to: '2025-06-30' },
      { code: 'X3', name: 'Xã X3', kind: 'commune', parent_code: 'DA', valid_to: '2019-12-31' },
      { code: 'Y', name: 'Xã Y', kind: 'commune', parent_code: 'DA', valid_from: '2020-01-01', valid_to: '2025-06-30' },
      { code: 'N1', name: 'Xã N1', kind: 'commune', parent_code: 'PN', valid_from: '2025-07-01' },
      { code: 'N2', name: 'Xã N2', kind: 'commune', parent_code: 'PN', valid_from: '2025-07-01' },
    ],
    unit_lineage: [
      { from_code: 'PA', to_code: 'PN', effective_date: '2025-07-01', share: 1 },
      { from_code: 'PB', to_code: 'PN', effective_date: '2025-07-01', share: 1 },
      { from_code: 'X3', to_code: 'Y', effective_date: '2020-01-01', share: 1 },
      { from_code: 'X1', to_code: 'N1', effective_date: '2025-07-01', share: 1 },
      { from_code: 'X2', to_code: 'N1', effective_date: '2025-07-01', share: 0.6 },
      { from_code: 'X2', to_code: 'N2', effective_date: '2025-07-01', share: 0.4 },
      { from_code: 'DA', to_code: 'N1', effective_date: '2025-07-01', share: 0.5 },
      { from_code: 'DA', to_code: 'N2', effective_date: '2025-07-01', share: 0.5 },
      { from_code: 'Y', to_code: 'N2', effective_date: '2025-07-01', share: 1 },
    ],
    clusters: [
      { code: 'K', name: 'Cụm K', kind: 'cum', level: 'central' },
      { code: 'K2', name: 'Cụm K2', kind: 'cum', level: 'district', owner_code: 'DA' },
    ],
    cluster_members: [
      { cluster_code: 'K', unit_code: 'PA', year_from: 2023, year_to: 2024 },
      { cluster_code: 'K', unit_code: 'PB', year_from: 2024, year_to: 2024 },
      { cluster_code: 'K', unit_code: 'PN', year_from: 2025 },
      { cluster_code: 'K2', unit_code: 'X1', year_from: 2023, year_to: 2023 },
      { cluster_code: 'K2', unit_code: 'X2', year_from: 2023, year_to: 2024 },
      { cluster_code: 'K2', unit_code: 'DA', year_from: 2024, year_to: 2024 },
    ],
    movement_results: [
      { year: 2023, cluster_code: 'K', unit_code: 'PA', score: 955, rank: 1, proposed_award_code: 'CO_CP' },
      { year: 2024, cluster_code: 'K', unit_code: 'PB', score: 960, rank: 1, proposed_award_code: 'CO_CP' },
      { year: 2024, cluster_code: 'K', unit_code: 'PA', score: 940, rank: 2, proposed_award_code: 'BK_TTG' },
      { year: 2025, cluster_code: 'K', unit_code: 'PN', score: 970, rank: 1 },
    ],
  },
);
