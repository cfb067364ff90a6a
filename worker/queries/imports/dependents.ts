import { sql, type SQL } from 'drizzle-orm';
import { first, type ReadCost } from '../../db/run';
import type { Dataset } from '../../domain/enums';
import { msg, type Msg } from '../../imports/messages';

const AWARDS = msg('awards', 'khen thưởng');
const MEMBERS = msg('cluster memberships', 'thành viên cụm, khối');
const RESULTS = msg('movement results', 'kết quả chấm điểm');

// Reference rows that other batches use cannot be rolled back: awards would be orphaned or
// silently move. Each entry counts the rows of other datasets that point into this batch.
function uses(dataset: Dataset, id: number): [Msg, SQL][] {
  const unitsOf = sql`(SELECT id FROM units WHERE batch_id = ${id})`;
  switch (dataset) {
    case 'units':
      return [
        [AWARDS, sql`SELECT COUNT(*) FROM awards WHERE unit_id IN ${unitsOf}`],
        [
          msg('child units', 'đơn vị cấp dưới'),
          sql`SELECT COUNT(*) FROM units WHERE parent_id IN ${unitsOf} AND batch_id IS NOT ${id}`,
        ],
        [
          msg('unit lineage rows', 'dòng kế thừa đơn vị'),
          sql`SELECT COUNT(*) FROM unit_lineage WHERE from_unit_id IN ${unitsOf} OR to_unit_id IN ${unitsOf}`,
        ],
        [MEMBERS, sql`SELECT COUNT(*) FROM cluster_members WHERE unit_id IN ${unitsOf}`],
        [RESULTS, sql`SELECT COUNT(*) FROM movement_results WHERE unit_id IN ${unitsOf}`],
        [msg('clusters', 'cụm, khối'), sql`SELECT COUNT(*) FROM clusters WHERE owner_unit_id IN ${unitsOf}`],
        [msg('movements', 'phong trào'), sql`SELECT COUNT(*) FROM movements WHERE owner_unit_id IN ${unitsOf}`],
      ];
    case 'clusters': {
      const of = sql`(SELECT id FROM clusters WHERE batch_id = ${id})`;
      return [
        [MEMBERS, sql`SELECT COUNT(*) FROM cluster_members WHERE cluster_id IN ${of}`],
        [RESULTS, sql`SELECT COUNT(*) FROM movement_results WHERE cluster_id IN ${of}`],
      ];
    }
    case 'movements':
      return [
        [
          AWARDS,
          sql`SELECT COUNT(*) FROM awards WHERE movement_id IN (SELECT id FROM movements WHERE batch_id = ${id})`,
        ],
      ];
    case 'award_types': {
      const of = sql`(SELECT code FROM award_types WHERE batch_id = ${id})`;
      return [
        [AWARDS, sql`SELECT COUNT(*) FROM awards WHERE award_code IN ${of}`],
        [RESULTS, sql`SELECT COUNT(*) FROM movement_results WHERE proposed_award_code IN ${of}`],
      ];
    }
    default:
      return [];
  }
}

/** "12 awards, 3 cluster memberships" still using this batch's rows, or '' when none. */
export async function dependents(db: D1Database, cost: ReadCost, dataset: Dataset, id: number): Promise<Msg> {
  const found: Msg[] = [];
  for (const [label, q] of uses(dataset, id)) {
    const row = await first<{ n: number }>(db, cost, sql`SELECT (${q}) AS n`);
    if (row?.n) found.push(msg(`${row.n} ${label.en}`, `${row.n} ${label.vi}`));
  }
  return msg(found.map((f) => f.en).join(', '), found.map((f) => f.vi).join(', '));
}
