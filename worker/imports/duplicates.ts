import { msg, type Msg } from './messages';

// The same recipient twice in one file (same person, unit, award and year; or the same
// collective) is usually a copy-paste slip, sometimes real (two decisions): a warning, never an
// error. Keys are held in memory, so only the first MAX_KEYS recipients are compared; past them
// one warning says so rather than stopping quietly.

export const MAX_KEYS = 200_000;

export interface Identity {
  key: string;
  /** The column the warning points at: the name, or the unit for a collective without one. */
  column: string;
  value: string;
}

/** Adds a warning and returns it (undefined once the list is full), so it can be updated. */
export type DuplicateWarn = (
  row: number,
  column: string | null,
  value: string | null,
  message: Msg,
) => { message: string; message_vi: string } | undefined;

const FIRST_ROWS = 5;

// One warning per recipient met again, not per repeat: a file of 100 copies of a row makes one
// line ("also in rows 2, 3, 4, 5, 6 and 94 more"), and the answer stays small.
function say(first: number, rows: number[], count: number): Msg {
  const more = count - rows.length;
  const list = rows.join(', ');
  return msg(
    `the same recipient, award and year as row ${first}, again in row${count > 1 ? 's' : ''} ${list}` +
      `${more > 0 ? ` and ${more.toLocaleString('en')} more` : ''}: imported each time; remove the copies`,
    `trùng người/tập thể, danh hiệu và năm với dòng ${first}, lặp lại ở dòng ${list}` +
      `${more > 0 ? ` và ${more.toLocaleString('vi')} dòng khác` : ''}: mỗi dòng đều được nhập; hãy xóa bản sao`,
  );
}

export function duplicateFinder(warn: DuplicateWarn) {
  const seen = new Map<string, number>();
  const repeated = new Map<string, { first: number; rows: number[]; count: number; shown: boolean }>();
  let full = false;
  return (identity: Identity | undefined, row: number) => {
    if (!identity) return;
    const first = seen.get(identity.key);
    if (first !== undefined) {
      let r = repeated.get(identity.key);
      if (!r) {
        r = { first, rows: [row], count: 1, shown: false };
        const w = warn(row, identity.column, identity.value, say(first, r.rows, 1));
        // A file can repeat a recipient on most of its rows: the message is written when the answer
        // is (a getter), not again at every repeat (that was a third of a dry run's time).
        if (w) lazyMessage(w, r);
        repeated.set(identity.key, r);
        return;
      }
      r.count++;
      if (r.rows.length < FIRST_ROWS) r.rows.push(row);
      return;
    }
    if (seen.size < MAX_KEYS) return void seen.set(identity.key, row);
    if (full) return;
    full = true;
    warn(
      row,
      null,
      null,
      msg(
        `duplicates were looked for among the first ${MAX_KEYS.toLocaleString('en')} recipients only`,
        `chỉ kiểm tra trùng lặp trong ${MAX_KEYS.toLocaleString('vi')} người/tập thể đầu tiên`,
      ),
    );
  };
}

/** The warning's two messages, read from the repeats seen so far whenever they are read. */
function lazyMessage(w: { message: string; message_vi: string }, r: { first: number; rows: number[]; count: number }) {
  let at = -1;
  let m: Msg | undefined;
  const now = () => {
    if (at !== r.count) [m, at] = [say(r.first, r.rows, r.count), r.count];
    return m!;
  };
  Object.defineProperties(w, {
    message: { get: () => now().en, enumerable: true, configurable: true },
    message_vi: { get: () => now().vi, enumerable: true, configurable: true },
  });
}

/** A name compared without case or spacing differences (diacritics matter: Ân is not An). */
// toLowerCase: Vietnamese has no casing rules of its own (only Turkish, Azeri and Lithuanian do), and
// the locale-aware call costs several times as much on every row.
export const sameName = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
