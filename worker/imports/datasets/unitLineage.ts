import { code, date, share } from '../cells';
import { known, type DatasetDef } from '../dataset';
import { msg } from '../messages';
import { unitLineage as lineageTable } from '../../db/schema';
import { target, unitIdOf } from '../target';

const TARGET = target(lineageTable, [
  { key: 'fromUnitId', from: unitIdOf },
  { key: 'toUnitId', from: unitIdOf },
  { key: 'effectiveDate' },
  { key: 'share' },
]);

export const unitLineage: DatasetDef = {
  name: 'unit_lineage',
  columns: [
    { key: 'from_code', vi: 'Mã đơn vị cũ', required: true, parse: code, note: 'Đơn vị trước khi sắp xếp' },
    {
      key: 'to_code',
      vi: 'Mã đơn vị kế thừa',
      required: true,
      parse: code,
      note: 'Đơn vị nhận lại (một phần) đơn vị cũ',
    },
    { key: 'effective_date', vi: 'Ngày hiệu lực', required: true, parse: date, note: 'YYYY-MM-DD hoặc DD/MM/YYYY' },
    {
      key: 'share',
      vi: 'Tỷ lệ',
      required: false,
      parse: share,
      note: 'Lớn hơn 0, tối đa 1; mặc định 1. Tổng tỷ lệ của một đơn vị cũ bằng 1',
    },
  ],
  needs: ['units', 'lineage'],
  staged: false,
  check(v, l, report) {
    const from = known(l.units, v, 'from_code', 'unit', report);
    const to = known(l.units, v, 'to_code', 'unit', report);
    if (from === undefined || to === undefined) return;
    if (v.from_code === v.to_code)
      return void report('to_code', msg('a unit cannot succeed itself', 'một đơn vị không thể kế thừa chính nó'));
    const pair = `${v.from_code}|${v.to_code}`;
    if (l.lineagePairs.has(pair))
      return void report(
        'to_code',
        msg(`the pair ${v.from_code} → ${v.to_code} is already recorded`, `cặp ${v.from_code} → ${v.to_code} đã có`),
      );
    const s = Number(v.share ?? 1);
    const total = (l.lineageShares.get(String(v.from_code)) ?? 0) + s;
    // rounding slack for shares like 1/3 written as 0.3333
    if (total > 1 + 1e-6)
      return void report(
        'share',
        msg(
          `the shares of ${v.from_code} would add up to ${+total.toFixed(6)}, more than 1`,
          `tổng tỷ lệ của ${v.from_code} sẽ là ${+total.toFixed(6)}, lớn hơn 1`,
        ),
      );
    l.lineagePairs.add(pair);
    l.lineageShares.set(String(v.from_code), total);
    return TARGET.tuple({ fromUnitId: v.from_code, toUnitId: v.to_code, effectiveDate: v.effective_date, share: s });
  },
  insert: (batchId, tuples) => [TARGET.insert(batchId, tuples)],
};
