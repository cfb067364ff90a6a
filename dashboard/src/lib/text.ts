// Vietnamese text helpers: sorting by Vietnamese collation and a search that ignores diacritics.

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts by Vietnamese collation ("Đông Hưng" after "Dương", not at the end). */
export const compareVi = (a: string, b: string) => collator.compare(a, b);

/**
 * Lower-case text without diacritics, so "thai thuy" finds "Thái Thụy": NFD splits letters from
 * their combining marks, which are dropped; đ is its own letter and has to be mapped by hand.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Cuts a long name for an axis label (the table and tooltip keep the whole name). */
export function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/** How many characters an axis label may have: narrower on a phone so the bars keep their room. */
export const isPhone = () => window.innerWidth < 768;
export const axisLabelLength = () => (isPhone() ? 22 : 50);
/** Legend entries may be longer than axis labels (they wrap onto their own lines). */
export const legendLabelLength = () => (isPhone() ? 34 : 100);
