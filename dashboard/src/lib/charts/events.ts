import { t } from '../i18n.svelte';

/** Something that changed a series, marked on charts by year. */
export interface ChartEvent {
  year: number;
  /** On 1 January (a line before the year) or within the year (a line through it). */
  at: 'start' | 'mid';
  label: string;
}

/**
 * The built-in events every time chart of award counts carries: the Law on Emulation and
 * Commendation 2022 (in force 1 Jan 2024) changed the award catalogue and criteria, and the
 * reorganisation of 1 Jul 2025 replaced units mid-year.
 */
export const builtInEvents = (): ChartEvent[] => [
  { year: 2024, at: 'start', label: t('eventLaw2022') },
  { year: 2025, at: 'mid', label: t('eventReorg2025') },
];
