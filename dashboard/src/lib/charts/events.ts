import { formatDate } from '../format';
import { lang, t } from '../i18n.svelte';

/** Something that changed a series, marked on charts by year. */
export interface ChartEvent {
  year: number;
  /** On 1 January (a line before the year) or within the year (a line through it). */
  at: 'start' | 'mid';
  label: string;
  /** A built-in legal or reorganisation event (dashed), or a note an editor added (dotted, ✎). */
  kind?: 'builtin' | 'note';
}

/**
 * The built-in events every time chart of award counts carries: the Law on Emulation and
 * Commendation 2022 (in force 1 Jan 2024) changed the award catalogue and criteria, and the
 * reorganisation of 1 Jul 2025 replaced units mid-year.
 */
export const builtInEvents = (): ChartEvent[] => [
  { year: 2024, at: 'start', label: t('eventLaw2022'), kind: 'builtin' },
  { year: 2025, at: 'mid', label: t('eventReorg2025'), kind: 'builtin' },
];

/** An editor's note as the chart marks it: on 1 January before its year, otherwise through it. */
export const noteEvent = (n: {
  year: number;
  date: string | null;
  text_vi: string;
  text_en: string | null;
}): ChartEvent => ({
  year: n.year,
  at: n.date?.endsWith('-01-01') ? 'start' : 'mid',
  label: `✎ ${(lang() === 'en' && n.text_en) || n.text_vi}${n.date ? ` (${formatDate(n.date)})` : ''}`,
  kind: 'note',
});
