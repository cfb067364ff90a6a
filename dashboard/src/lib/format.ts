import type { Lang } from './i18n.svelte';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** 12.345 in Vietnamese, 12,345 in English. */
export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    n,
  );
}

/** A signed percentage change, or null where there is nothing to compare with. */
export function formatChange(current: number, previous: number, lang: Lang): string | null {
  if (!previous) return null;
  const pct = ((current - previous) / previous) * 100;
  const s = new Intl.NumberFormat(locale(lang), {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(pct);
  return `${s}%`;
}

/** 24/11/2026 14:05, Vietnam time, in both languages. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  const zone = { timeZone: 'Asia/Ho_Chi_Minh' } as const;
  const date = new Intl.DateTimeFormat(locale(lang), {
    ...zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
  const time = new Intl.DateTimeFormat(locale(lang), {
    ...zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return `${date} ${time}`;
}

/** 2025-06-30 as 30/06/2025 (the same order in both languages, as Vietnamese documents write it). */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** A share (0..1) as a percentage: 62,3% in Vietnamese. */
export function formatPercent(share: number | null | undefined, lang: Lang, digits = 1): string {
  if (share === null || share === undefined) return '–';
  return `${formatNumber(share * 100, lang, digits)}%`;
}

/** Chart.js' locale option for the current language. */
export const chartLocale = (lang: Lang) => locale(lang);

/**
 * Award counts: whole where they are whole (the API rounds shares to 6 decimals, so a sum of
 * shares may miss by a millionth); where mapping onto today's units split a count, rounded and
 * marked "≈" ("≈1.482", one decimal under 10), as "1.481,6 awards" reads as a precision there is not.
 */
export function formatCount(n: number, lang: Lang): string {
  const whole = Math.round(n);
  if (Math.abs(n - whole) < 1e-4) return formatNumber(whole, lang);
  return `≈${formatNumber(n, lang, Math.abs(n) < 10 ? 1 : 0)}`;
}
