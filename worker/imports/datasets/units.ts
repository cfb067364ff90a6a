import { sql } from 'drizzle-orm';
import { units as unitsTable } from '../../db/schema';
import { UNIT_KINDS } from '../../domain/enums';
import { rebuildUnitClosure } from '../../queries/cube/refresh';
import { code, date, oneOf, text } from '../cells';
import type { DatasetDef } from '../dataset';
import { msg } from '../messages';
import { target } from '../target';

const TARGET = target(unitsTable, [
  { key: 'code' },
  { key: 'name' },
  { key: 'kind' },
  { carried: 'parent_code' },
  { key: 'validFrom' },
  { key: 'validTo' },
]);

// New units only: a code that already exists is refused, so no import can move a unit that
// awards already count under (that would silently change every subtree total).
export const units: DatasetDef = {
  name: 'units',
  columns: [
    { key: 'code', vi: 'Mã đơn vị', required: true, parse: code, note: 'Mã duy nhất của đơn vị, ví dụ TB-TT' },
    { key: 'name', vi: 'Tên đơn vị', required: true, parse: text(), note: 'Tên đầy đủ, ví dụ Huyện Thái Thụy' },
    { key: 'kind', vi: 'Loại đơn vị', required: true, parse: oneOf(UNIT_KINDS), note: UNIT_KINDS.join(', ') },
    {
      key: 'parent_code',
      vi: 'Mã đơn vị cấp trên',
      required: false,
      parse: code,
      note: 'Đã có trong hệ thống hoặc ở dòng trước trong tệp',
    },
    { key: 'valid_from', vi: 'Ngày bắt đầu', required: false, parse: date, note: 'YYYY-MM-DD hoặc DD/MM/YYYY' },
    { key: 'valid_to', vi: 'Ngày kết thúc', required: false, parse: date, note: 'Ngày cuối cùng đơn vị tồn tại' },
  ],
  needs: ['units'],
  staged: false,
  check(v, l, report) {
    const c = String(v.code);
    if (l.units.has(c))
      return void report(
        'code',
        msg(
          `unit '${c}' already exists (in the database or earlier in this file)`,
          `đơn vị '${c}' đã có (trong hệ thống hoặc ở dòng trước)`,
        ),
      );
    if (v.parent_code !== undefined && !l.units.has(String(v.parent_code)))
      return void report(
        'parent_code',
        msg(
          `unknown unit code '${v.parent_code}' (a parent must exist or come earlier in the file)`,
          `không có mã đơn vị '${v.parent_code}' (đơn vị cấp trên phải có sẵn hoặc ở dòng trước trong tệp)`,
        ),
      );
    if (v.valid_from !== undefined && v.valid_to !== undefined && v.valid_to < v.valid_from)
      return void report('valid_to', msg('must not be before valid_from', 'không được trước ngày bắt đầu'));
    l.units.set(c, -1);
    return TARGET.tuple({
      code: c,
      name: v.name,
      kind: v.kind,
      parent_code: v.parent_code,
      validFrom: v.valid_from,
      validTo: v.valid_to,
    });
  },
  insert: (batchId, tuples) => [
    TARGET.insert(batchId, tuples),
    // a parent may be an earlier row of the same chunk, so parents are linked once the rows exist
    sql`UPDATE units SET parent_id = (SELECT p.id FROM units p WHERE p.code = j.${TARGET.at('parent_code')})
FROM json_each(${tuples}) AS j WHERE units.code = j.${TARGET.at('code')} AND j.${TARGET.at('parent_code')} IS NOT NULL`,
  ],
  after: () => rebuildUnitClosure(),
};
