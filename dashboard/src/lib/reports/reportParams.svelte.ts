// The Báo cáo page's choices, kept in the URL like every filter: `form`, `unit`, `year`, and
// `bounds=recorded` to count as recorded instead of the whole year on the period's final
// boundaries (the default, so a merged province's year is whole).
import type { ReportForm, ReportQuery } from '../api';
import { today } from '../filters/query.svelte';
import { lang } from '../i18n.svelte';
import { meta, type Unit } from '../meta.svelte';
import { scopeUnit, unitAllowed } from '../scope';
import { unitTree } from '../unitTree';
import { urlState } from '../url.svelte';

export const REPORT_FORMS: ReportForm[] = ['0601', '0602', '0603'];

export function reportForm(): ReportForm {
  const f = urlState.params.form as ReportForm;
  return REPORT_FORMS.includes(f) ? f : '0602';
}

/** The years with data, newest first. */
export function reportYears(): number[] {
  const y = meta.data?.years;
  if (!y?.from || !y?.to) return [];
  return Array.from({ length: y.to - y.from + 1 }, (_, i) => y.to! - i);
}

export function reportYear(): number | undefined {
  const y = Number(urlState.params.year);
  return reportYears().includes(y) ? y : reportYears()[0];
}

const existsIn = (u: Unit, year: number) =>
  (!u.valid_from || u.valid_from <= `${year}-12-31`) && (!u.valid_to || u.valid_to >= `${year}-01-01`);

/** The unit in the URL; else the user's scope; else the first top-level unit of that year. */
export function reportUnit(year: number | undefined): string | undefined {
  if (urlState.params.unit) return urlState.params.unit;
  const own = scopeUnit();
  if (own) return own;
  const roots = unitTree(meta.data?.units ?? []).filter((n) => n.depth === 0 && unitAllowed(n.unit.code));
  return (roots.find((n) => year === undefined || existsIn(n.unit, year)) ?? roots[0])?.unit.code;
}

export const countedAsRecorded = () => urlState.params.bounds === 'recorded';

/** The last day of the year (today within the current year): the boundaries a whole year is counted on. */
export function yearEnd(year: number): string {
  const end = `${year}-12-31`;
  const now = today();
  return end < now ? end : now;
}

/** The API query of the current choices, or undefined while the catalog loads or is empty. */
export function reportQuery(): ReportQuery | undefined {
  const year = reportYear();
  const unit = reportUnit(year);
  if (year === undefined || !unit) return undefined;
  return { unit, year: String(year), ...(countedAsRecorded() ? {} : { as_of: yearEnd(year) }), lang: lang() };
}
