import type { Lang } from '../i18n.svelte';

// The periods of the half-year card, as the summary's `months` and in words.
export type Period = 'h1' | 'ytd';

/** `months` for the card: January to June, or January to the month of the latest decision (YYYY-MM). */
export function periodMonths(period: Period, latest: string | null): string {
  if (period === 'h1') return '1-6';
  const month = latest ? Number(latest.slice(5, 7)) : 12;
  return `1-${month}`;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "6 tháng đầu năm 2025", "Từ đầu năm đến hết tháng 9/2025", "Năm 2025" (all twelve months). */
export function periodName(months: string, lang: Lang, year: number): string {
  const last = Number(months.split('-')[1] ?? months);
  if (months === '1-6') return lang === 'vi' ? `6 tháng đầu năm ${year}` : `First half of ${year}`;
  if (last === 12) return lang === 'vi' ? `Cả năm ${year}` : `All of ${year}`;
  if (last === 1) return lang === 'vi' ? `Tháng 1/${year}` : `January ${year}`;
  return lang === 'vi' ? `Từ đầu năm đến hết tháng ${last}/${year}` : `January to ${EN_MONTHS[last - 1]} ${year}`;
}

export interface PeriodLine {
  /** A level, or null for all awards. */
  tier: string | null;
  before: number;
  now: number;
  /** In percent; 0 where last year had none (the label says so instead). */
  change: number;
}

/**
 * Each level's count in `year` and in the year before (the same months), then the total: what the
 * card and its embed both draw. Levels with none in either year are left out.
 */
export function periodLines(
  rows: { year: number; tier: string; count: number }[],
  year: number,
  tiers: readonly string[],
) {
  const sum = (y: number, tier: string | null) =>
    rows.filter((r) => r.year === y && (tier === null || r.tier === tier)).reduce((s, r) => s + r.count, 0);
  const line = (tier: string | null): PeriodLine => {
    const now = sum(year, tier);
    const before = sum(year - 1, tier);
    return { tier, before, now, change: before ? ((now - before) / before) * 100 : 0 };
  };
  return [...tiers.filter((x) => sum(year, x) || sum(year - 1, x)).map(line), line(null)];
}

/** A level that grew on the same months of last year, and one that fell (colour-blind safe). */
export const RISE_COLOR = '#009E73';
export const FALL_COLOR = '#D55E00';
