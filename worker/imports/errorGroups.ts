import type { ErrorGroup } from '../validation/imports';
import type { RowError } from './rowError';

// A list where one column says 'Cá nhân' in 30 rows has one problem, not 30: errors are
// grouped by column, value and message, over every error of the file (not only the listed
// ones), so the counts are true. The first rows of each group say where to look.

export const FIRST_ROWS = 5;
/** Distinct groups kept; past them errors still count in `total` and `groups_truncated` says so. */
export const MAX_GROUPS = 1000;

export type { ErrorGroup };

export function errorGrouper() {
  const groups = new Map<string, ErrorGroup>();
  let truncated = false;
  return {
    add(e: RowError, candidates?: ErrorGroup['candidates']) {
      const key = `${e.column}\u0000${e.value}\u0000${e.message_vi}`;
      let g = groups.get(key);
      if (!g) {
        if (groups.size >= MAX_GROUPS) {
          truncated = true;
          return;
        }
        g = {
          column: e.column,
          header: e.header ?? null,
          value: e.value,
          message: e.message,
          message_vi: e.message_vi,
          count: 0,
          rows: [],
          sheet_rows: [],
          ...(candidates ? { candidates } : {}),
        };
        groups.set(key, g);
      }
      g.count++;
      if (g.rows.length < FIRST_ROWS) {
        g.rows.push(e.row);
        g.sheet_rows.push(e.sheet_row ?? null);
      }
    },
    /** Largest first; equal counts in the order they were met. */
    list: () => ({ groups: [...groups.values()].sort((a, b) => b.count - a.count), truncated }),
  };
}
