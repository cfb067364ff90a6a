import { filterQuery } from '../filters/query.svelte';
import { lang, t } from '../i18n.svelte';
import { resource } from '../resource.svelte';
import { urlState } from '../url.svelte';
import { type Indicator, type Target, unitTargetsOnce } from './api';
import { goalsChanged } from './changed.svelte';
import { formatGoal, verdict } from './indicators';

/** The targets of the unit in the URL (none without a unit); loaded again when one is saved. */
export function unitTargets(wanted: () => boolean = () => true) {
  return resource(
    () => ({ unit: wanted() ? (urlState.params.unit ?? '') : '', v: goalsChanged.count }),
    (q) => (q.unit ? unitTargetsOnce(q.unit, q.v) : Promise.resolve({ targets: [] as Target[] })),
  );
}

/** Targets count every award of the unit: under a tier, kind… filter a comparison would mislead. */
export function comparable(): boolean {
  return Object.keys(filterQuery()).every((k) => ['unit', 'from', 'to', 'as_of'].includes(k));
}

export const opWord = (t_: Pick<Target, 'comparison'>) =>
  t(t_.comparison === 'at_least' ? 'goalAtLeast' : 'goalAtMost');

/** "≥ 30,0% · Đạt" for a table cell; the target alone when there is no figure yet. */
export function goalCell(target: Target | undefined, actual: number | null | undefined): string {
  if (!target) return '–';
  const sign = target.comparison === 'at_least' ? '≥' : '≤';
  const goal = `${sign} ${formatGoal(target.indicator, target.value, lang())}`;
  if (actual === null || actual === undefined) return goal;
  return `${goal} · ${t(verdict(target, actual).met ? 'goalMet' : 'goalNotMet')}`;
}

/** year → target of one indicator. */
export function byYear(targets: Target[], indicator: Indicator): Map<number, Target> {
  return new Map(targets.filter((x) => x.indicator === indicator).map((x) => [x.year, x]));
}
