import { code, year } from '../cells';
import { known, type DatasetDef } from '../dataset';
import { msg } from '../messages';
import { clusterMembers as membersTable } from '../../db/schema';
import { target } from '../target';

const TARGET = target(membersTable, [{ key: 'clusterId' }, { key: 'unitId' }, { key: 'yearFrom' }, { key: 'yearTo' }]);

export const clusterMembers: DatasetDef = {
  name: 'cluster_members',
  columns: [
    { key: 'cluster_code', vi: 'Mã cụm, khối', required: true, parse: code, note: 'Cụm, khối đã có trong hệ thống' },
    { key: 'unit_code', vi: 'Mã đơn vị', required: true, parse: code, note: 'Đơn vị thành viên' },
    { key: 'year_from', vi: 'Từ năm', required: true, parse: year, note: 'Năm bắt đầu là thành viên' },
    { key: 'year_to', vi: 'Đến năm', required: false, parse: year, note: 'Để trống nếu vẫn là thành viên' },
  ],
  needs: ['units', 'clusters'],
  staged: false,
  check(v, l, report) {
    const cluster = known(l.clusters, v, 'cluster_code', 'cluster', report);
    const unit = known(l.units, v, 'unit_code', 'unit', report);
    if (cluster === undefined || unit === undefined) return;
    if (v.year_to !== undefined && Number(v.year_to) < Number(v.year_from))
      return void report('year_to', msg('must not be before year_from', 'không được trước "Từ năm"'));
    return TARGET.tuple({ clusterId: cluster, unitId: unit, yearFrom: v.year_from, yearTo: v.year_to });
  },
  insert: (batchId, tuples) => [TARGET.insert(batchId, tuples)],
};
