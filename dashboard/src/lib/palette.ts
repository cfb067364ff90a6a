// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
export const TIER_COLORS: Record<string, string> = {
  state: '#D55E00',
  government: '#E69F00',
  ministry_province: '#0072B2',
  grassroots: '#009E73',
};
export const TIERS = ['state', 'government', 'ministry_province', 'grassroots'] as const;

/** The eight Okabe–Ito colours for series without a fixed colour (grey instead of black, for the dark theme). */
export const SERIES = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#8C8C8C'] as const;
export const seriesColor = (i: number) => SERIES[i % SERIES.length];

/** Sequential scale for the heatmap: light to Okabe–Ito blue; text turns white on dark cells. */
export function heatColor(ratio: number): { background: string; color: string } {
  const r = Math.max(0, Math.min(1, ratio));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * r);
  return { background: `rgb(${mix(235, 0)}, ${mix(244, 84)}, ${mix(250, 147)})`, color: r > 0.5 ? '#fff' : '#1b1f24' };
}
