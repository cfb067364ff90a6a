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
