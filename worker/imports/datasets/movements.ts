import { MOVEMENT_KINDS, MOVEMENT_LEVELS } from '../../domain/enums';
import { code, date, oneOf, text } from '../cells';
import { known, type DatasetDef } from '../dataset';
import { msg } from '../messages';
import { movements as movementsTable } from '../../db/schema';
import { target, unitIdOf } from '../target';

const TARGET = target(movementsTable, [
  { key: 'code' },
  { key: 'name' },
  { key: 'level' },
  { key: 'kind' },
  { key: 'ownerUnitId', from: unitIdOf },
  { key: 'startDate' },
  { key: 'endDate' },
]);

export const movements: DatasetDef = {
  name: 'movements',
  columns: [
    { key: 'code', vi: 'Mã phong trào', required: true, parse: code, note: 'Mã duy nhất, ví dụ PT-NTM' },
    { key: 'name', vi: 'Tên phong trào', required: true, parse: text(), note: 'Tên đầy đủ' },
    {
      key: 'level',
      vi: 'Cấp phát động',
      required: true,
      parse: oneOf(MOVEMENT_LEVELS),
      note: MOVEMENT_LEVELS.join(', '),
    },
    {
      key: 'kind',
      vi: 'Loại phong trào',
      required: true,
      parse: oneOf(MOVEMENT_KINDS),
      note: MOVEMENT_KINDS.join(', '),
    },
    { key: 'owner_code', vi: 'Mã đơn vị phát động', required: false, parse: code, note: 'Đơn vị phát động (nếu có)' },
    { key: 'start_date', vi: 'Ngày bắt đầu', required: true, parse: date, note: 'YYYY-MM-DD hoặc DD/MM/YYYY' },
    { key: 'end_date', vi: 'Ngày kết thúc', required: false, parse: date, note: 'Để trống nếu chưa kết thúc' },
  ],
  needs: ['units', 'movements'],
  staged: false,
  check(v, l, report) {
    const c = String(v.code);
    if (l.movements.has(c))
      return void report(
        'code',
        msg(
          `movement '${c}' already exists (in the database or earlier in this file)`,
          `phong trào '${c}' đã có (trong hệ thống hoặc ở dòng trước)`,
        ),
      );
    if (v.owner_code !== undefined && known(l.units, v, 'owner_code', 'unit', report) === undefined) return;
    if (v.end_date !== undefined && v.end_date < String(v.start_date))
      return void report('end_date', msg('must not be before start_date', 'không được trước ngày bắt đầu'));
    l.movements.set(c, -1);
    return TARGET.tuple({
      code: c,
      name: v.name,
      level: v.level,
      kind: v.kind,
      ownerUnitId: v.owner_code,
      startDate: v.start_date,
      endDate: v.end_date,
    });
  },
  insert: (batchId, tuples) => [TARGET.insert(batchId, tuples)],
};
