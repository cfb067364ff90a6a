// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
export const TIER_COLORS: Record<string, string> = {
  state: '#D55E00',
  government: '#E69F00',
  ministry_province: '#0072B2',
  grassroots: '#009E73',
};
export const TIERS = ['state', 'government', 'ministry_province', 'grassroots'] as const;
