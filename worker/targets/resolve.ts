import type { Identity } from '../auth/identity';
import { existedIn, lifetime } from '../imports/names';
import { requireUnit, resolveScope } from '../plan/scope';
import type { Geography } from '../queries/geography';
import type { TargetInput } from '../validation/targets';
import { rowProblems, type RowProblem } from './read';

export interface ResolvedTarget extends TargetInput {
  unitId: number;
}

/**
 * Units by code, each existing in the target's year, one target per (indicator, year, unit) in a
 * request (two would leave the result to chance); then the caller's scope (403 for the first unit
 * outside it). Throws before anything is written.
 */
export function resolveTargets(geo: Geography, who: Identity, inputs: TargetInput[]): ResolvedTarget[] {
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const out: ResolvedTarget[] = [];
  for (const [i, t] of inputs.entries()) {
    const row = i + 1;
    const bad = (en: string, vi: string) =>
      problems.push({ row, column: 'Đơn vị', value: t.unit_code, message: en, message_vi: vi });
    const unit = geo.unitByCode.get(t.unit_code);
    if (!unit) {
      bad(`no unit '${t.unit_code}'`, `không có đơn vị mã '${t.unit_code}'`);
      continue;
    }
    if (!existedIn(unit, t.year)) {
      const when = lifetime(unit);
      bad(
        `${unit.name} did not exist in ${t.year} (${when.en})`,
        `${unit.name} không tồn tại trong năm ${t.year} (${when.vi})`,
      );
      continue;
    }
    const key = `${t.indicator}:${t.year}:${unit.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      bad(`the same indicator, year and unit as row ${earlier}`, `trùng chỉ tiêu, năm và đơn vị với dòng ${earlier}`);
      continue;
    }
    seen.set(key, row);
    out.push({ ...t, unitId: unit.id });
  }
  if (problems.length) throw rowProblems(problems);
  const scope = resolveScope(geo, who.scope);
  for (const t of out) requireUnit(geo, scope, t.unitId, 'unit_code');
  return out;
}
