import { valuesOf } from '../../../worker/domain/dimensions';
import type { AwardTier } from '../../../worker/domain/enums';

// Okabe–Ito: distinguishable with the common colour-vision deficiencies. A tier without a
// colour is a compile error.
export const TIER_COLORS: Record<AwardTier, string> = {
  state: '#D55E00',
  government: '#E69F00',
  ministry_province: '#0072B2',
  grassroots: '#009E73',
};
export const TIERS = valuesOf('tier');

/** The eight Okabe–Ito colours for series without a fixed colour (grey instead of black, for the dark theme). */
export const SERIES = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#8C8C8C'] as const;
export const seriesColor = (i: number) => SERIES[i % SERIES.length];

/** The colour of series pushed into the background (a bump chart's other members). */
export const MUTED = 'rgba(140, 140, 140, 0.55)';

/**
 * A unit's colour among `units`, by the order of their codes: the same in every language
 * (an order by name would change with the language's labels) and whatever is highlighted.
 */
export const unitColor = (code: string, units: readonly string[]) =>
  EMPHASIS[Math.max(0, [...units].sort().indexOf(code)) % EMPHASIS.length];
/** The Okabe–Ito colours dark enough for a line's name written in them on white. */
const EMPHASIS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] as const;

/** WCAG relative luminance of an sRGB colour given as 0..255 channels. */
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Sequential scale for the heatmap, light to Okabe–Ito blue; the cell text is black or white,
 * whichever contrasts more with the cell (WCAG ratio), so every number stays readable.
 */
export function heatColor(ratio: number): { background: string; color: string } {
  const r = Math.max(0, Math.min(1, ratio));
  const rgb = [235, 244, 250].map((from, i) => Math.round(from + ([0, 84, 147][i] - from) * r));
  const l = luminance(rgb);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return { background: `rgb(${rgb.join(', ')})`, color: onWhite > onBlack ? '#fff' : '#000' };
}
