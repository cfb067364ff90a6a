import { sql } from 'drizzle-orm';
import { code, year } from '../cells';
import { known, type DatasetDef } from '../dataset';
import { msg } from '../messages';

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
    if (v.year_to !== undefined && Number(v.year_to) < Number(v.year_from)) return void report('year_to', msg('must not be before year_from', 'không được trước "Từ năm"'));
    return [cluster, unit, v.year_from, v.year_to ?? null];
  },
  insert: (batchId, tuples) => [
    sql`INSERT INTO cluster_members (cluster_id, unit_id, year_from, year_to, batch_id)
SELECT value->>0, value->>1, value->>2, value->>3, ${batchId} FROM json_each(${tuples})`,
  ],
};
