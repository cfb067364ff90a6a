import { sql } from 'drizzle-orm';
import { AWARD_CATEGORIES, AWARD_SCOPES, AWARD_TIERS } from '../../domain/enums';
import { code, oneOf, text } from '../cells';
import type { DatasetDef } from '../dataset';
import { msg } from '../messages';
import { awardTypes as awardTypesTable } from '../../db/schema';
import { target } from '../target';

// imported award types come after the built-in catalog in every list
const TARGET = target(
  awardTypesTable,
  [{ key: 'code' }, { key: 'nameVi' }, { key: 'nameEn' }, { key: 'category' }, { key: 'tier' }, { key: 'scope' }],
  { fixed: { builtin: sql`0`, sortOrder: sql`10000` } },
);

export const awardTypes: DatasetDef = {
  name: 'award_types',
  columns: [
    { key: 'code', vi: 'Mã hình thức', required: true, parse: code, note: 'Mã duy nhất; không trùng danh mục có sẵn' },
    { key: 'name_vi', vi: 'Tên hình thức', required: true, parse: text(), note: 'Tên tiếng Việt' },
    { key: 'name_en', vi: 'Tên tiếng Anh', required: false, parse: text(), note: 'Tên tiếng Anh (nếu có)' },
    {
      key: 'category',
      vi: 'Nhóm',
      required: true,
      parse: oneOf(AWARD_CATEGORIES),
      note: 'title (danh hiệu) hoặc commendation (hình thức khen thưởng)',
    },
    { key: 'tier', vi: 'Cấp khen', required: true, parse: oneOf(AWARD_TIERS), note: AWARD_TIERS.join(', ') },
    { key: 'scope', vi: 'Đối tượng', required: true, parse: oneOf(AWARD_SCOPES), note: AWARD_SCOPES.join(', ') },
  ],
  needs: ['awardTypes'],
  staged: false,
  check(v, l, report) {
    const c = String(v.code);
    if (l.awardTypes.has(c))
      return void report(
        'code',
        msg(
          `award type '${c}' already exists (in the catalog or earlier in this file)`,
          `hình thức '${c}' đã có (trong danh mục hoặc ở dòng trước)`,
        ),
      );
    l.awardTypes.set(c, { scope: v.scope as never, householdAllowed: false });
    return TARGET.tuple({
      code: c,
      nameVi: v.name_vi,
      nameEn: v.name_en,
      category: v.category,
      tier: v.tier,
      scope: v.scope,
    });
  },
  insert: (batchId, tuples) => [TARGET.insert(batchId, tuples)],
};
