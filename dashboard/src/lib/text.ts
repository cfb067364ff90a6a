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
