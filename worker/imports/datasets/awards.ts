import { awards as awardsTable } from '../../db/schema';
import { AWARD_METHODS, GENDERS, RECIPIENT_CLASSES, RECIPIENT_KINDS, scopeAllows, type RecipientKind } from '../../domain/enums';
import { code, date, flag, oneOf, positive, text, year } from '../cells';
import { known, type DatasetDef } from '../dataset';
import { msg } from '../messages';
import { target } from '../target';

const TARGET = target(
  awardsTable,
  [
    { key: 'year' },
    { key: 'awardCode' },
    { key: 'unitId' },
    { key: 'recipientKind' },
    { key: 'quantity' },
    { key: 'gender' },
    { key: 'recipientClass' },
    { key: 'method' },
    { key: 'ethnicMinority' },
    { key: 'movementId' },
    { key: 'decisionNo' },
    { key: 'decisionDate' },
    { key: 'recipientName' },
  ],
  { rowNo: 'rowNo' },
);

const SCOPE_VI = { individual: 'cá nhân', collective: 'tập thể', household: 'hộ gia đình', both: 'cá nhân và tập thể' } as const;

export const awards: DatasetDef = {
  name: 'awards',
  columns: [
    { key: 'year', vi: 'Năm', required: true, parse: year, note: 'Năm khen thưởng' },
    { key: 'award_code', vi: 'Mã hình thức', required: true, parse: code, note: 'Mã danh hiệu / hình thức khen thưởng, ví dụ LDTT' },
    { key: 'unit_code', vi: 'Mã đơn vị', required: true, parse: code, note: 'Đơn vị của người/tập thể được khen, như tại thời điểm khen' },
    { key: 'recipient_kind', vi: 'Đối tượng', required: true, parse: oneOf(RECIPIENT_KINDS), note: 'individual (cá nhân), collective (tập thể), household (hộ gia đình)' },
    { key: 'quantity', vi: 'Số lượng', required: false, parse: positive, note: 'Số nguyên dương, mặc định 1' },
    { key: 'gender', vi: 'Giới tính', required: false, parse: oneOf(GENDERS), note: 'F (nữ) hoặc M (nam)' },
    { key: 'recipient_class', vi: 'Thành phần', required: false, parse: oneOf(RECIPIENT_CLASSES), note: RECIPIENT_CLASSES.join(', ') },
    { key: 'method', vi: 'Phương thức khen', required: false, parse: oneOf(AWARD_METHODS), note: `${AWARD_METHODS.join(', ')}; mặc định THUONG_XUYEN` },
    { key: 'ethnic_minority', vi: 'Dân tộc thiểu số', required: false, parse: flag, note: '1 nếu là người dân tộc thiểu số, 0 nếu không' },
    { key: 'movement_code', vi: 'Mã phong trào', required: false, parse: code, note: 'Phong trào thi đua (nếu có)' },
    { key: 'decision_no', vi: 'Số quyết định', required: false, parse: text(100), note: 'Ví dụ 123/QĐ-UBND' },
    { key: 'decision_date', vi: 'Ngày quyết định', required: false, parse: date, note: 'YYYY-MM-DD hoặc DD/MM/YYYY' },
    { key: 'recipient_name', vi: 'Tên người/tập thể được khen', required: false, parse: text(), note: 'Họ tên hoặc tên tập thể' },
  ],
  needs: ['units', 'movements', 'awardTypes'],
  staged: true,
  check(v, l, report, row) {
    const type = known(l.awardTypes, v, 'award_code', 'award', report);
    const unit = known(l.units, v, 'unit_code', 'unit', report);
    const movement = v.movement_code === undefined ? null : known(l.movements, v, 'movement_code', 'movement', report);
    if (type === undefined || unit === undefined || movement === undefined) return;
    if (l.allowed?.unit && !l.allowed.unit(unit))
      return void report('unit_code', msg(`unit '${v.unit_code}' is outside your scope`, `đơn vị '${v.unit_code}' nằm ngoài phạm vi của bạn`));
    const kind = v.recipient_kind as RecipientKind;
    if (!(scopeAllows(type.scope, kind) || (kind === 'household' && type.householdAllowed)))
      return void report(
        'recipient_kind',
        msg(
          `'${v.award_code}' is awarded to ${type.scope === 'both' ? 'individuals and collectives' : `${type.scope}s`} only, not to a ${kind}`,
          `'${v.award_code}' chỉ dành cho ${SCOPE_VI[type.scope]}, không dành cho ${SCOPE_VI[kind]}`,
        ),
      );
    return TARGET.tuple(
      {
        year: v.year,
        awardCode: v.award_code,
        unitId: unit,
        recipientKind: kind,
        quantity: v.quantity ?? 1,
        gender: v.gender,
        recipientClass: v.recipient_class,
        method: v.method ?? 'THUONG_XUYEN',
        ethnicMinority: v.ethnic_minority,
        movementId: movement,
        decisionNo: v.decision_no,
        decisionDate: v.decision_date,
        recipientName: v.recipient_name,
      },
      row,
    );
  },
  insert: (batchId, tuples) => [TARGET.insert(batchId, tuples)],
};
