import { code, number, positive, year } from '../cells';
import { known, type DatasetDef } from '../dataset';
import { msg } from '../messages';
import { movementResults as resultsTable } from '../../db/schema';
import { target } from '../target';

const TARGET = target(resultsTable, [
  { key: 'year' },
  { key: 'clusterId' },
  { key: 'unitId' },
  { key: 'score' },
  { key: 'rank' },
  { key: 'proposedAwardCode' },
]);

export const movementResults: DatasetDef = {
  name: 'movement_results',
  columns: [
    { key: 'year', vi: 'Năm', required: true, parse: year, note: 'Năm chấm điểm' },
    { key: 'cluster_code', vi: 'Mã cụm, khối', required: true, parse: code, note: 'Cụm, khối đã có trong hệ thống' },
    { key: 'unit_code', vi: 'Mã đơn vị', required: true, parse: code, note: 'Đơn vị được chấm điểm' },
    { key: 'score', vi: 'Điểm', required: false, parse: number, note: 'Số điểm (dấu thập phân . hoặc ,)' },
    { key: 'rank', vi: 'Xếp hạng', required: true, parse: positive, note: 'Số nguyên dương, 1 là cao nhất' },
    {
      key: 'proposed_award_code',
      vi: 'Mã hình thức đề nghị',
      required: false,
      parse: code,
      note: 'Hình thức khen thưởng đề nghị (nếu có)',
    },
  ],
  needs: ['units', 'clusters', 'awardTypes', 'results'],
  staged: false,
  check(v, l, report) {
    const cluster = known(l.clusters, v, 'cluster_code', 'cluster', report);
    const unit = known(l.units, v, 'unit_code', 'unit', report);
    if (v.proposed_award_code !== undefined) known(l.awardTypes, v, 'proposed_award_code', 'award type', report);
    if (cluster === undefined || unit === undefined) return;
    if (l.allowed?.cluster && !l.allowed.cluster(cluster))
      return void report(
        'cluster_code',
        msg(
          `cluster '${v.cluster_code}' is outside your scope`,
          `cụm, khối '${v.cluster_code}' nằm ngoài phạm vi của bạn`,
        ),
      );
    if (v.proposed_award_code !== undefined && !l.awardTypes.has(String(v.proposed_award_code))) return;
    const key = `${v.year}|${v.cluster_code}|${v.unit_code}`;
    if (l.results.has(key))
      return void report(
        'unit_code',
        msg(
          `a result for ${v.unit_code} in ${v.cluster_code}, ${v.year} is ` +
            `already recorded (in the database or earlier in this file)`,
          `kết quả của ${v.unit_code} trong ${v.cluster_code} năm ${v.year} đã có (trong hệ thống hoặc ở dòng trước)`,
        ),
      );
    l.results.add(key);
    return TARGET.tuple({
      year: v.year,
      clusterId: cluster,
      unitId: unit,
      score: v.score,
      rank: v.rank,
      proposedAwardCode: v.proposed_award_code,
    });
  },
  insert: (batchId, tuples) => [TARGET.insert(batchId, tuples)],
};
