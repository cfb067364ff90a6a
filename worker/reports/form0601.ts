import { sql } from 'drizzle-orm';
import { all, type ReadCost } from '../db/run';
import type { Geography, GeoUnit } from '../queries/geography';
import { mapUnitOn } from '../plan/asOf';
import { numbered, type FormResult } from './buildForm';
import { formHeader } from './formHeader';

// Form 0601 of Circular 02/2023/TT-BNV: the number of emulation movements by launching level,
// scope (kind) and duration. A movement counts for a unit when it was launched by the unit, one
// of its ancestors (central movements included) or a unit inside it, and was running that year.

type Movement = {
  level: string;
  kind: string;
  start_date: string;
  end_date: string | null;
  owner_unit_id: number | null;
};

const LABELS: Record<string, { vi: string; en: string }> = {
  total: { vi: 'Tổng số', en: 'Total' },
  central: { vi: 'Trung ương phát động', en: 'Launched centrally' },
  province: { vi: 'Cấp tỉnh phát động', en: 'Launched by the province' },
  district: { vi: 'Cấp huyện phát động', en: 'Launched by the district' },
  unit: { vi: 'Cơ quan, đơn vị phát động', en: 'Launched by an agency or unit' },
  regular: { vi: 'Thường xuyên', en: 'Regular' },
  thematic: { vi: 'Theo chuyên đề', en: 'Thematic' },
  campaign: { vi: 'Theo đợt', en: 'Campaign' },
  short: { vi: 'Dưới 1 năm', en: 'Under 1 year' },
  medium: { vi: 'Từ 1 đến 5 năm', en: '1 to 5 years' },
  long: { vi: 'Trên 5 năm hoặc chưa kết thúc', en: 'Over 5 years or open-ended' },
};

function duration(m: Movement): 'short' | 'medium' | 'long' {
  if (!m.end_date) return 'long';
  const years = (Date.parse(m.end_date) - Date.parse(m.start_date)) / (365.25 * 86_400_000);
  return years < 1 ? 'short' : years <= 5 ? 'medium' : 'long';
}

/**
 * Units that had ended by `asOf` and whose area lands (wholly or in part) inside `unit`'s
 * subtree on that date: under as_of their movements count for the unit as well (old Thái Bình's
 * movements for the new Hưng Yên).
 */
function predecessorsOn(geo: Geography, unit: GeoUnit, asOf: string): number[] {
  const inside = new Set<number>();
  const walk = (id: number) => {
    inside.add(id);
    for (const c of geo.units.get(id)?.children ?? []) walk(c);
  };
  walk(unit.id);
  const memo = new Map<number, Map<number, number>>();
  const out: number[] = [];
  for (const u of geo.units.values()) {
    if (inside.has(u.id) || !u.validTo || u.validTo >= asOf) continue;
    if ([...mapUnitOn(geo, u.id, asOf, memo).keys()].some((t) => inside.has(t))) out.push(u.id);
  }
  return out;
}

export async function buildForm0601(
  d1: D1Database,
  cost: ReadCost,
  geo: Geography,
  unit: GeoUnit,
  ancestors: number[],
  year: number,
  lang: 'vi' | 'en',
  asOf?: string,
): Promise<FormResult> {
  const owners = JSON.stringify([unit.id, ...ancestors, ...(asOf ? predecessorsOn(geo, unit, asOf) : [])]);
  const movements = await all<Movement>(
    d1,
    cost,
    sql`SELECT level, kind, start_date, end_date, owner_unit_id FROM movements
        WHERE start_date <= ${`${year}-12-31`} AND (end_date IS NULL OR end_date >= ${`${year}-01-01`})
          AND (owner_unit_id IS NULL
               OR owner_unit_id IN (SELECT value FROM json_each(${owners}))
               OR owner_unit_id IN (SELECT unit_id FROM unit_closure WHERE ancestor_id = ${unit.id}))`,
  );
  const launched = (m: Movement) => m.start_date.startsWith(String(year));
  const row = (key: string, group: string, pick: (m: Movement) => boolean) => {
    const ms = movements.filter(pick);
    return { key, group, label: LABELS[key][lang], cells: [ms.filter(launched).length, ms.length] };
  };
  const heading = lang === 'vi' ? 'Số phong trào thi đua' : 'Emulation movements';
  const title = lang === 'vi' ? 'Biểu 0601: Số phong trào thi đua' : 'Form 0601: emulation movements';
  const body = numbered(
    [
      {
        key: 'movements',
        label: heading,
        kind: 'launched',
        kind_label: lang === 'vi' ? 'Phát động trong năm' : 'Launched in the year',
      },
      {
        key: 'movements',
        label: heading,
        kind: 'running',
        kind_label: lang === 'vi' ? 'Đang triển khai trong năm' : 'Running in the year',
      },
    ],
    [
      row('total', 'total', () => true),
      ...['central', 'province', 'district', 'unit'].map((l) => row(l, 'level', (m) => m.level === l)),
      ...['regular', 'thematic', 'campaign'].map((k) => row(k, 'kind', (m) => m.kind === k)),
      ...(['short', 'medium', 'long'] as const).map((d) => row(d, 'duration', (m) => duration(m) === d)),
    ],
  );
  return {
    form: '0601',
    title,
    unit: unit.code,
    unit_name: unit.name,
    year,
    as_of: asOf ?? null,
    header: formHeader(geo, unit, '0601', title, year, asOf, lang),
    ...body,
  };
}
