import type { AwardRecord } from '../../scripts/demo/types';
import { award as a, dataset } from './helpers';

// Province P: districts D1 (communes C1, C2) and D2 (commune C3), agency A; province Q.
// Each unit's awards are a different power of ten, so any sum shows exactly whose awards it
// holds: a number from outside a scope cannot hide in a total.
export const QTY = { C1: 1, C2: 10, D1: 100, C3: 1_000, D2: 10_000, A: 100_000, Q: 1_000_000 } as const;

const awards: AwardRecord[] = [];
for (const year of [2023, 2024]) {
  for (const [unit, n] of Object.entries(QTY)) {
    const collective = unit.startsWith('D') || unit === 'A' || unit === 'Q';
    // 2024: provincial certificates of merit, so that form 0603 has numbers
    const code = year === 2024 ? 'BK_TINH' : collective ? 'TTLDTT' : 'LDTT';
    awards.push(
      a(
        year,
        code,
        unit,
        collective ? 'collective' : 'individual',
        n,
        collective ? {} : { gender: 'F', recipient_class: 'TRUC_TIEP', recipient_name: `Nguyễn Văn ${unit}` },
      ),
    );
  }
}

/** Expected totals (both years) for each scope. */
export const IN_SCOPE = {
  all: 2 * Object.values(QTY).reduce((s, n) => s + n, 0),
  D1: 2 * (QTY.C1 + QTY.C2 + QTY.D1),
  K_DIST: 2 * (QTY.C1 + QTY.C2 + QTY.D1 + QTY.C3 + QTY.D2),
} as const;

export const ACCESS_FIXTURE = dataset(awards, {
  units: [
    { code: 'P', name: 'Tỉnh P', kind: 'province' },
    { code: 'D1', name: 'Huyện D1', kind: 'district', parent_code: 'P' },
    { code: 'C1', name: 'Xã C1', kind: 'commune', parent_code: 'D1' },
    { code: 'C2', name: 'Xã C2', kind: 'commune', parent_code: 'D1' },
    { code: 'D2', name: 'Huyện D2', kind: 'district', parent_code: 'P' },
    { code: 'C3', name: 'Xã C3', kind: 'commune', parent_code: 'D2' },
    { code: 'A', name: 'Sở A', kind: 'agency', parent_code: 'P' },
    { code: 'Q', name: 'Tỉnh Q', kind: 'province' },
  ],
  clusters: [
    { code: 'K_DIST', name: 'Cụm huyện', kind: 'cum', level: 'province', owner_code: 'P' },
    { code: 'K_PROV', name: 'Cụm tỉnh', kind: 'cum', level: 'central' },
  ],
  cluster_members: [
    { cluster_code: 'K_DIST', unit_code: 'D1', year_from: 2020 },
    { cluster_code: 'K_DIST', unit_code: 'D2', year_from: 2020 },
    { cluster_code: 'K_PROV', unit_code: 'P', year_from: 2020 },
    { cluster_code: 'K_PROV', unit_code: 'Q', year_from: 2020 },
  ],
  movement_results: [2023, 2024].flatMap((year) => [
    { year, cluster_code: 'K_DIST', unit_code: 'D1', score: 91.5, rank: 1 },
    { year, cluster_code: 'K_DIST', unit_code: 'D2', score: 87.25, rank: 2 },
    { year, cluster_code: 'K_PROV', unit_code: 'P', score: 95, rank: 1 },
    { year, cluster_code: 'K_PROV', unit_code: 'Q', score: 90, rank: 2 },
  ]),
});
