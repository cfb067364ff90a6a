import { formatCount, formatNumber, formatPercent } from '../format';
import type { Key, Lang } from '../i18n.svelte';
import type { Indicator, Target } from './api';

/** The indicators a target can be set for, in the order the editor and the cards show them. */
export const INDICATORS: { code: Indicator; label: Key }[] = [
  { code: 'total', label: 'kpiTotal' },
  { code: 'direct_share', label: 'goalDirectShare' },
  { code: 'women_share', label: 'goalWomenShare' },
  { code: 'ethnic_minority_share', label: 'goalEthnicShare' },
  { code: 'leader_share', label: 'goalLeaderShare' },
];

export const isShare = (i: Indicator) => i !== 'total';

export const formatGoal = (i: Indicator, v: number, lang: Lang) =>
  isShare(i) ? formatPercent(v, lang) : formatCount(v, lang);

export interface Verdict {
  met: boolean;
  /** How far past (met) or short of (not met) the target, always positive; shares in points. */
  gap: number;
}

export function verdict(t: Pick<Target, 'value' | 'comparison'>, actual: number): Verdict {
  // shares are compared as the API rounds them (6 decimals), so 30,0% against 30% is met
  const a = Math.round(actual * 1e6) / 1e6;
  const met = t.comparison === 'at_least' ? a >= t.value : a <= t.value;
  return { met, gap: Math.abs(a - t.value) };
}

/** The gap as a reader says it: "1.234 khen thưởng" or "2,5 điểm %". */
export const formatGap = (i: Indicator, gap: number, lang: Lang) =>
  isShare(i) ? `${formatNumber(gap * 100, lang, 1)} ${lang === 'vi' ? 'điểm %' : 'pp'}` : formatCount(gap, lang);
