import type { ReadCost } from '../db/run';
import { DIMENSION_REGISTRY } from '../domain/dimensions';
import { awardsSummary } from '../queries/awardsSummary';
import type { Geography, GeoUnit } from '../queries/geography';
import type { ReadScope } from '../plan/scope';
import { applies, FORM_ROWS, KIND_LABELS, type FormDef } from './forms';

export interface FormResult {
  form: FormDef['code'] | '0601';
  title: string;
  unit: string;
  unit_name: string;
  year: number;
  columns: { key: string; label: string; kind: string; kind_label: string }[];
  rows: { key: string; group: string; label: string; cells: (number | null)[] }[];
}

/** A form for a unit (with its subtree) and a year, from the same aggregates as every view. */
export async function buildForm(
  d1: D1Database,
  cost: ReadCost,
  geo: Geography,
  def: FormDef,
  unit: GeoUnit,
  year: number,
  lang: 'vi' | 'en',
  scope: ReadScope,
): Promise<FormResult> {
  const awards = [...new Set(def.columns.flatMap((c) => c.awards))].filter((a) => geo.awardCodes.has(a));
  const base = { unit, from: year, to: year, filters: { award: awards }, scope };
  const [byClass, byMethod] = await Promise.all([
    awardsSummary(d1, cost, geo, { ...base, groupBy: ['award', 'kind', 'class'] }),
    awardsSummary(d1, cost, geo, { ...base, groupBy: ['award', 'kind', 'method'] }),
  ]);
  const columns = def.columns.flatMap((c) => c.kinds.map((kind) => ({ column: c, kind })));
  const label = (x: { vi: string; en: string }) => x[lang];
  return {
    form: def.code,
    title: label(def),
    unit: unit.code,
    unit_name: unit.name,
    year,
    columns: columns.map(({ column, kind }) => ({ key: column.key, label: label(column), kind, kind_label: label(KIND_LABELS[kind]) })),
    rows: FORM_ROWS.map((row) => {
      const source = row.group === 'method' ? byMethod.rows : byClass.rows;
      return {
        key: row.key,
        group: row.group,
        label:
          row.group === 'total'
            ? lang === 'vi' ? 'Tổng số' : 'Total'
            : row.group === 'class'
              ? label(DIMENSION_REGISTRY.class.labels[row.filter.class!])
              : label(DIMENSION_REGISTRY.method.labels[row.filter.method!]),
        cells: columns.map(({ column, kind }) =>
          applies(row, kind)
            ? source
                .filter(
                  (r) =>
                    column.awards.includes(String(r.award)) &&
                    r.kind === kind &&
                    (!row.filter.class || r.class === row.filter.class) &&
                    (!row.filter.method || r.method === row.filter.method),
                )
                .reduce((s, r) => s + r.count, 0)
            : null,
        ),
      };
    }),
  };
}
