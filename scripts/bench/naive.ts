// The benchmark's baseline: the same answers as the API's views, computed the naive way with a
// GROUP BY over the raw awards. Run in the same D1 (GET /api/v1/_bench/naive, only with
// BENCH=1) and in DuckDB by scripts/bench. Plain SQL that both engines accept; the codes are
// the benchmark's own constants, never request text.

const unit = (code: string) => `(SELECT id FROM units WHERE code = '${code}')`;
const cluster = (code: string) => `(SELECT id FROM clusters WHERE code = '${code}')`;

/** Children of a unit, each with its subtree, plus the unit's own awards (contract, group_by=unit). */
const childrenOf = (code: string, yearFilter = '', byYear = false) => `
SELECT ch.code AS unit${byYear ? ', a.year' : ''}, SUM(a.quantity) AS count
FROM awards a JOIN unit_closure c ON c.unit_id = a.unit_id JOIN units ch ON ch.id = c.ancestor_id
WHERE ch.parent_id = ${unit(code)} ${yearFilter}
GROUP BY ch.code${byYear ? ', a.year' : ''}
UNION ALL
SELECT '${code}' AS unit${byYear ? ', a.year' : ''}, SUM(a.quantity) AS count FROM awards a
WHERE a.unit_id = ${unit(code)} ${yearFilter}${byYear ? ' GROUP BY a.year' : ''}`;

export const NAIVE_QUERIES: Record<string, string> = {
  overview_kpi: `SELECT a.year, t.category, a.recipient_kind AS kind, SUM(a.quantity) AS count
    FROM awards a JOIN award_types t ON t.code = a.award_code GROUP BY a.year, t.category, a.recipient_kind`,
  overview_trend: `SELECT a.year, t.tier, SUM(a.quantity) AS count
    FROM awards a JOIN award_types t ON t.code = a.award_code GROUP BY a.year, t.tier`,
  overview_indicators: `SELECT a.year, a.recipient_kind AS kind, a.recipient_class AS class, a.gender,
    a.ethnic_minority AS ethnic, SUM(a.quantity) AS count
    FROM awards a GROUP BY a.year, a.recipient_kind, a.recipient_class, a.gender, a.ethnic_minority`,
  overview_top_units: childrenOf('TB', 'AND a.year = 2024'),
  area_children: childrenOf('TB'),
  area_heatmap: childrenOf('TB', '', true),
  area_district: childrenOf('TB-TT'),
  cluster_results: `SELECT r.year, u.code AS unit, r.score, r.rank, r.proposed_award_code AS proposed_award
    FROM movement_results r JOIN units u ON u.id = r.unit_id WHERE r.cluster_id = ${cluster('TB-CUM1')} ORDER BY
      r.year, r.rank`,
  cluster_awards: `SELECT a.year, mu.code AS unit, SUM(a.quantity) AS count
    FROM awards a JOIN unit_closure c ON c.unit_id = a.unit_id
    JOIN cluster_members m ON m.unit_id = c.ancestor_id AND a.year BETWEEN m.year_from AND COALESCE(m.year_to, 9999)
    JOIN units mu ON mu.id = m.unit_id
    WHERE m.cluster_id = ${cluster('TB-CUM1')} GROUP BY a.year, mu.code`,
  movement_years: `SELECT mv.code AS movement, a.year, SUM(a.quantity) AS count
    FROM awards a LEFT JOIN movements mv ON mv.id = a.movement_id GROUP BY mv.code, a.year`,
  national_gender: `SELECT a.year, a.gender, SUM(a.quantity) AS count FROM awards a
    WHERE a.recipient_kind = 'individual' GROUP BY a.year, a.gender`,
  national_top_units: `SELECT r.code AS unit, SUM(a.quantity) AS count
    FROM awards a JOIN unit_closure c ON c.unit_id = a.unit_id JOIN units r ON r.id = c.ancestor_id
    WHERE r.parent_id IS NULL AND a.year BETWEEN 2020 AND 2024 GROUP BY r.code`,
  province_children: childrenOf('P1'),
  province_heatmap: childrenOf('P1', '', true),
  commune_trend: `SELECT a.year, t.tier, SUM(a.quantity) AS count
    FROM awards a JOIN award_types t ON t.code = a.award_code WHERE a.unit_id = ${unit('P1-D1-1')}
    GROUP BY a.year, t.tier`,
  new_commune_years: `SELECT a.year, SUM(a.quantity) AS count FROM awards a WHERE a.unit_id = ${unit('P1-X1')}
    GROUP BY a.year`,
  movement_awards: `SELECT a.award_code AS award, SUM(a.quantity) AS count
    FROM awards a WHERE a.movement_id = (SELECT id FROM movements WHERE code = 'PT-NTM') GROUP BY a.award_code`,
};
