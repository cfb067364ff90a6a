import { awards as awardsTable } from '../../db/schema';
import { sumStaged } from '../../queries/cube/sums';
import { scopeAllows, type RecipientKind } from '../../domain/enums';
import { code, date, positive, text, year } from '../cells';
import { known, type DatasetDef } from '../dataset';
import { sameName } from '../duplicates';
import { msg } from '../messages';
import { target } from '../target';
import { closedNames, closedValue, ethnicFlag } from '../vocabulary';

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

const SCOPE_VI = {
  individual: 'cá nhân',
  collective: 'tập thể',
  household: 'hộ gia đình',
  both: 'cá nhân và tập thể',
} as const;

// Individuals carry a gender, an ethnicity and a personal class; a collective may only be an
// enterprise (form 0602 counts enterprises among collectives).
const INDIVIDUAL_CLASSES = new Set(['LD_BO_TINH', 'LD_VU_SO', 'LD_KHAC', 'DOANH_NHAN', 'TRUC_TIEP']);

// This year in Vietnam: an award list cannot be for a year that has not begun. Formatters are
// costly to make, and this runs for every row, so one is kept and the year read once a minute.
const VN_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' });
let yearAt = { minute: -1, year: 0 };
function currentYear(): number {
  const minute = Math.floor(Date.now() / 60_000);
  if (minute !== yearAt.minute) yearAt = { minute, year: Number(VN_YEAR.format(new Date())) };
  return yearAt.year;
}

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

export const awards: DatasetDef = {
  name: 'awards',
  columns: [
    {
      key: 'year',
      vi: 'Năm',
      required: true,
      parse: year,
      note: 'Năm khen thưởng',
      aliases: ['Năm khen thưởng', 'Năm xét khen'],
    },
    {
      key: 'award_code',
      vi: 'Mã hình thức',
      required: true,
      parse: text(200),
      note: 'Mã hoặc tên danh hiệu / hình thức khen thưởng, ví dụ LDTT hoặc Lao động tiên tiến',
      aliases: [
        'Hình thức khen thưởng',
        'Hình thức',
        'Danh hiệu',
        'Danh hiệu thi đua',
        'Danh hiệu, hình thức',
        'Tên danh hiệu',
        'Tên hình thức',
      ],
    },
    {
      key: 'unit_code',
      vi: 'Mã đơn vị',
      required: true,
      parse: text(300),
      note: 'Mã hoặc tên đơn vị của người/tập thể được khen, như tại thời điểm khen',
      aliases: ['Đơn vị', 'Đơn vị công tác', 'Tên đơn vị', 'Cơ quan, đơn vị', 'Nơi công tác'],
    },
    {
      key: 'recipient_kind',
      vi: 'Đối tượng',
      required: true,
      parse: closedValue('kind'),
      note: `${closedNames('kind').join(', ')}`,
      aliases: ['Đối tượng khen thưởng', 'Loại đối tượng'],
    },
    {
      key: 'quantity',
      vi: 'Số lượng',
      required: false,
      parse: positive,
      note: 'Số nguyên dương, mặc định 1',
      aliases: ['SL'],
    },
    {
      key: 'gender',
      vi: 'Giới tính',
      required: false,
      parse: closedValue('gender'),
      note: 'Nữ hoặc Nam (chỉ với cá nhân)',
      aliases: ['Nam/Nữ', 'Nam, nữ'],
    },
    {
      key: 'recipient_class',
      vi: 'Thành phần',
      required: false,
      parse: closedValue('class'),
      note: closedNames('class').join('; '),
      aliases: ['Thành phần đối tượng'],
    },
    {
      key: 'method',
      vi: 'Phương thức khen',
      required: false,
      parse: closedValue('method'),
      note: `${closedNames('method').join(', ')}; mặc định Thường xuyên`,
      aliases: ['Hình thức xét khen', 'Loại khen thưởng'],
    },
    {
      key: 'ethnic_minority',
      vi: 'Dân tộc thiểu số',
      required: false,
      parse: ethnicFlag,
      note: '1 (hoặc x) nếu là người dân tộc thiểu số, 0 nếu không',
      aliases: ['DTTS'],
    },
    {
      key: 'movement_code',
      vi: 'Mã phong trào',
      required: false,
      parse: code,
      note: 'Phong trào thi đua (nếu có)',
      aliases: ['Phong trào'],
    },
    {
      key: 'decision_no',
      vi: 'Số quyết định',
      required: false,
      parse: text(100),
      note: 'Ví dụ 123/QĐ-UBND',
      aliases: ['Số QĐ', 'Quyết định số'],
    },
    {
      key: 'decision_date',
      vi: 'Ngày quyết định',
      required: false,
      parse: date,
      note: 'YYYY-MM-DD hoặc DD/MM/YYYY',
      aliases: ['Ngày QĐ', 'Ngày ký'],
    },
    {
      key: 'recipient_name',
      vi: 'Tên người/tập thể được khen',
      required: false,
      parse: text(),
      note: 'Họ tên hoặc tên tập thể',
      aliases: ['Họ và tên', 'Họ tên', 'Tên tập thể', 'Tên cá nhân, tập thể', 'Tên'],
    },
  ],
  needs: ['names', 'movements', 'awardTypes'],
  staged: true,
  check(v, l, report, row) {
    const year = Number(v.year);
    const thisYear = currentYear();
    if (year > thisYear)
      report(
        'year',
        msg(`${year} has not begun yet (this is ${thisYear})`, `năm ${year} chưa đến (năm nay là ${thisYear})`),
      );
    const award = l.awardNames.resolve(String(v.award_code));
    if (!award.ok) report('award_code', award.message);
    const unit = l.unitNames.resolve(String(v.unit_code), year);
    if (!unit.ok) report('unit_code', unit.message);
    const movement = v.movement_code === undefined ? null : known(l.movements, v, 'movement_code', 'movement', report);
    if (!award.ok || !unit.ok || movement === undefined || year > thisYear) return;
    const type = l.awardTypes.get(award.value.code)!;
    const awardCode = award.value.code;
    if (award.value.validTo && `${year}-01-01` > award.value.validTo)
      return void report(
        'award_code',
        msg(
          `'${awardCode}' could be awarded only until ${vnDate(award.value.validTo)}, not in ${year}`,
          `'${award.value.nameVi}' chỉ được khen đến ngày ${vnDate(award.value.validTo)}, không thể khen năm ${year}`,
        ),
      );
    if (l.allowed?.unit && !l.allowed.unit(unit.value.id))
      return void report(
        'unit_code',
        msg(`unit '${unit.value.code}' is outside your scope`, `đơn vị '${unit.value.code}' nằm ngoài phạm vi của bạn`),
      );
    const kind = v.recipient_kind as RecipientKind;
    if (!(scopeAllows(type.scope, kind) || (kind === 'household' && type.householdAllowed)))
      return void report(
        'recipient_kind',
        msg(
          `'${awardCode}' is awarded to ` +
            `${type.scope === 'both' ? 'individuals and collectives' : `${type.scope}s`} ` +
            `only, not to a ${kind}`,
          `'${award.value.nameVi}' chỉ dành cho ${SCOPE_VI[type.scope]}, không dành cho ${SCOPE_VI[kind]}`,
        ),
      );
    if (kind !== 'individual') {
      const whose = msg(`a ${kind}`, SCOPE_VI[kind]);
      if (v.gender !== undefined)
        return void report(
          'gender',
          msg(
            `a gender is given for ${whose.en}; only individuals have one`,
            `${whose.vi} không có giới tính; chỉ ghi giới tính cho cá nhân`,
          ),
        );
      if (v.ethnic_minority !== undefined)
        return void report(
          'ethnic_minority',
          msg(
            `ethnicity is given for ${whose.en}; only individuals have one`,
            `${whose.vi} không có dân tộc; chỉ ghi cho cá nhân`,
          ),
        );
      if (v.recipient_class !== undefined && INDIVIDUAL_CLASSES.has(String(v.recipient_class)))
        return void report(
          'recipient_class',
          msg(
            `'${v.recipient_class}' is a class of individuals, not of ${whose.en}`,
            `thành phần này dành cho cá nhân, không dành cho ${whose.vi}`,
          ),
        );
    } else if (v.recipient_class === 'DOANH_NGHIEP')
      return void report(
        'recipient_class',
        msg('an individual cannot be an enterprise', 'cá nhân không thể thuộc thành phần Doanh nghiệp'),
      );
    return TARGET.tuple(
      {
        year: v.year,
        awardCode,
        unitId: unit.value.id,
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
  identity(v, tuple) {
    // an individual is told apart by name (no name, no identity); a collective may be its unit
    const [, year, award, unit, kind] = tuple;
    const name = v.recipient_name === undefined ? '' : sameName(String(v.recipient_name));
    if (kind === 'individual' && !name) return undefined;
    return name
      ? { key: `${year}|${award}|${unit}|${kind}|${name}`, column: 'recipient_name', value: String(v.recipient_name) }
      : { key: `${year}|${award}|${unit}|${kind}|`, column: 'unit_code', value: String(v.unit_code) };
  },
  insert: (batchId, tuples) => [TARGET.insert(batchId, tuples)],
  // summed while they are hot in the cache, so that the commit has (almost) no award to read again
  afterStaged: sumStaged,
};
