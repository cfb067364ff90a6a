import type { Lang } from './i18n.svelte';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** 12.345 in Vietnamese, 12,345 in English. */
export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/** A signed percentage change, or null where there is nothing to compare with. */
export function formatChange(current: number, previous: number, lang: Lang): string | null {
  if (!previous) return null;
  const pct = ((current - previous) / previous) * 100;
  const s = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' }).format(pct);
  return `${s}%`;
}

/** 24/11/2026 14:05 (vi) or 24/11/2026, 14:05 (en-GB). */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}
