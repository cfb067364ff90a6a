import { z } from 'zod';

/** YYYY-MM-DD or DD/MM/YYYY (both used in Vietnamese documents) to YYYY-MM-DD; null if not a real date. */
export function parseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [+iso[1], +iso[2], +iso[3]] : vn ? [+vn[3], +vn[2], +vn[1]] : [NaN, NaN, NaN];
  if (!Number.isInteger(y)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 31/02 over into March; a real date survives the round trip.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const dateParam = z.string().transform((s, ctx) => {
  const date = parseDate(s.trim());
  if (!date) {
    ctx.addIssue({ code: 'custom', message: `'${s}' is not a date (YYYY-MM-DD or DD/MM/YYYY)` });
    return z.NEVER;
  }
  return date;
});
