import type { ReadCost } from '../db/run';
import { DIMENSION_REGISTRY } from '../domain/dimensions';
import { awardsSummary } from '../queries/awardsSummary';
import type { Geography, GeoUnit } from '../queries/geography';
import { resolveSummaryParams } from '../plan/resolveSummaryParams';
import type { ReadScope } from '../plan/scope';
import type { SummaryQuery } from '../validation/summaryQuery';
import { formHeader, type FormHeader } from './formHeader';
import { applies, FORM_ROWS, KIND_LABELS, type FormDef } from './forms';

export interface FormResult {
  form: FormDef['code'] | '0601';
  title: string;
  unit: string;
  unit_name: string;
  year: number;
  /** The boundaries the counts are mapped onto (a merged province's whole year), or null: as recorded. */
  as_of: string | null;
  /** The printed form's header and signature block. */
  header: FormHeader;
  /** `no`: the column's number on the printed form (1, 2, …; A and B are the label and code columns). */
  columns: { key: string; label: string; kind: string; kind_label: string; no: number }[];
  /** `code`: the row's code on the printed form (01, 02, …). */
  rows: { key: string; code: string; group: string; label: string; cells: (number | null)[] }[];
}

/** Numbers the rows (01, 02, …) and columns (1, 2, …) as the printed forms do. */
export function numbered<C, R>(columns: C[], rows: R[]) {
  return {
    columns: columns.map((c, i) => ({ ...c, no: i + 1 })),
    rows: rows.map((r, i) => ({ ...r, code: String(i + 1).padStart(2, '0') })),
  };
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
  asOf?: string,
): Promise<FormResult> {
  const awards = [...new Set(def.columns.flatMap((c) => c.awards))].filter((a) => geo.awardCodes.has(a));
  // the same resolution as the summary's: under as_of a unit that had ended shows its own awards
  // on the units of that date, a new one counts its predecessors' awards of the whole year
  const resolved = resolveSummaryParams(
    geo,
    { unit: unit.code, from: year, to: year, as_of: asOf } as SummaryQuery,
    scope,
  );
  const base = { ...resolved, filters: { award: awards } };
  const [byClass, byMethod] = await Promise.all([
    awardsSummary(d1, cost, geo, { ...base, groupBy: ['award', 'kind', 'class'] }),
    awardsSummary(d1, cost, geo, { ...base, groupBy: ['award', 'kind', 'method'] }),
  ]);
  const columns = def.columns.flatMap((c) => c.kinds.map((kind) => ({ column: c, kind })));
  const label = (x: { vi: string; en: string }) => x[lang];
  const body = numbered(
    columns.map(({ column, kind }) => ({
      key: column.key,
      label: label(column),
      kind,
      kind_label: label(KIND_LABELS[kind]),
    })),
    FORM_ROWS.map((row) => {
      const source = row.group === 'method' ? byMethod.rows : byClass.rows;
      return {
        key: row.key,
        group: row.group,
        label:
          row.group === 'total'
            ? lang === 'vi'
              ? 'Tổng số'
              : 'Total'
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
  );
  return {
    form: def.code,
    title: label(def),
    unit: unit.code,
    unit_name: unit.name,
    year,
    as_of: asOf ?? null,
    header: formHeader(geo, unit, def.code, label(def), year, asOf, lang),
    ...body,
  };
}
