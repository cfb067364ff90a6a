import { CLUSTER_KINDS, CLUSTER_LEVELS } from '../../domain/enums';
import { code, oneOf, text } from '../cells';
import { known, type DatasetDef } from '../dataset';
import { msg } from '../messages';
import { clusters as clustersTable } from '../../db/schema';
import { target, unitIdOf } from '../target';

const TARGET = target(clustersTable, [
  { key: 'code' },
  { key: 'name' },
  { key: 'kind' },
  { key: 'level' },
  { key: 'ownerUnitId', from: unitIdOf },
]);

export const clusters: DatasetDef = {
  name: 'clusters',
  columns: [
    { key: 'code', vi: 'Mã cụm, khối', required: true, parse: code, note: 'Mã duy nhất, ví dụ CUM-BTB' },
    { key: 'name', vi: 'Tên cụm, khối', required: true, parse: text(), note: 'Tên đầy đủ' },
    { key: 'kind', vi: 'Loại', required: true, parse: oneOf(CLUSTER_KINDS), note: 'cum (cụm) hoặc khoi (khối)' },
    { key: 'level', vi: 'Cấp', required: true, parse: oneOf(CLUSTER_LEVELS), note: CLUSTER_LEVELS.join(', ') },
    {
      key: 'owner_code',
      vi: 'Mã đơn vị tổ chức',
      required: false,
      parse: code,
      note: 'Đơn vị tổ chức cụm, khối (nếu có)',
    },
  ],
  needs: ['units', 'clusters'],
  staged: false,
  check(v, l, report) {
    const c = String(v.code);
    if (l.clusters.has(c))
      return void report(
        'code',
        msg(
          `cluster '${c}' already exists (in the database or earlier in this file)`,
          `cụm, khối '${c}' đã có (trong hệ thống hoặc ở dòng trước)`,
        ),
      );
    if (v.owner_code !== undefined && known(l.units, v, 'owner_code', 'unit', report) === undefined) return;
    l.clusters.set(c, -1);
    return TARGET.tuple({ code: c, name: v.name, kind: v.kind, level: v.level, ownerUnitId: v.owner_code });
  },
  insert: (batchId, tuples) => [TARGET.insert(batchId, tuples)],
};
