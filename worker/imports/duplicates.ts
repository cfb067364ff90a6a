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

export type DuplicateWarn = (row: number, column: string | null, value: string | null, message: Msg) => void;

export function duplicateFinder(warn: DuplicateWarn) {
  const seen = new Map<string, number>();
  let full = false;
  return (identity: Identity | undefined, row: number) => {
    if (!identity) return;
    const first = seen.get(identity.key);
    if (first !== undefined)
      return warn(
        row,
        identity.column,
        identity.value,
        msg(
          `the same recipient, award and year as row ${first}: imported twice; remove one if it is a copy`,
          `trùng người/tập thể, danh hiệu và năm với dòng ${first}: được nhập hai lần; xóa một dòng nếu là bản sao`,
        ),
      );
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

/** A name compared without case or spacing differences (diacritics matter: Ân is not An). */
export const sameName = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
