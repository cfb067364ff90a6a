// Cell parsers shared by every dataset. A cell arrives as trimmed text ('' = not given, which
// the contract defines as "blank optional cells mean not given"); a parser returns the typed
// value or a message a person can act on.

import { parseDate } from '../validation/dates';
import { msg, type Msg } from './messages';

export type Cell<T> = { ok: true; value: T } | { ok: false; message: Msg };
export type Parser<T> = (raw: string) => Cell<T>;

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const fail = (en: string, vi: string): Cell<never> => ({ ok: false, message: msg(en, vi) });

/** Text a spreadsheet would run as a formula if it reached one unchanged (exports neutralise it). */
export const looksLikeFormula = (s: string) => /^[=+\-@]/.test(s);

/**
 * Free text, stored as given. Text beginning with =, +, - or @ is kept (a name, a phone number, a
 * dash): the importer warns about it and every export neutralises it (contract, "Files out").
 */
export function text(max = 500): Parser<string> {
  const parser: Parser<string> = (raw) => {
    if (raw.length > max) return fail(`too long: at most ${max} characters`, `quá dài: tối đa ${max} ký tự`);
    return ok(raw.normalize('NFC'));
  };
  FREE_TEXT.add(parser);
  return parser;
}

const FREE_TEXT = new WeakSet<Parser<unknown>>();
/** Whether a column's cells are stored as typed (so a formula-looking one deserves a warning). */
export const isFreeText = (p: Parser<unknown>) => FREE_TEXT.has(p);

/** A code: letters, digits and - _ . / (as printed on decisions), at most 64 characters. */
export const code: Parser<string> = (raw) => {
  if (raw.length > 64) return fail('code too long: at most 64 characters', 'mã quá dài: tối đa 64 ký tự');
  if (!/^[\p{L}\p{N}][\p{L}\p{N}_./-]*$/u.test(raw))
    return fail(
      'not a valid code: use letters, digits and - _ . / only',
      'mã không hợp lệ: chỉ dùng chữ, số và - _ . /',
    );
  return ok(raw.normalize('NFC'));
};

const CHOICES = new WeakMap<Parser<unknown>, readonly string[]>();
/** Marks a parser of a closed list with the words a template offers in its dropdown. */
export function withChoices<P extends Parser<unknown>>(parser: P, choices: readonly string[]): P {
  CHOICES.set(parser, choices);
  return parser;
}
/** The words a template's dropdown offers for a column, if its values are a closed list. */
export const choicesOf = (p: Parser<unknown>) => CHOICES.get(p);

export function oneOf<const T extends readonly string[]>(values: T): Parser<T[number]> {
  const parser: Parser<T[number]> = (raw) =>
    values.includes(raw)
      ? ok(raw as T[number])
      : fail(`must be one of ${values.join(', ')}`, `phải là một trong: ${values.join(', ')}`);
  return withChoices(parser, values);
}

export function integer(min: number, max: number, what: Msg = msg('a whole number', 'số nguyên')): Parser<number> {
  return (raw) => {
    if (!/^[+-]?\d+$/.test(raw)) return fail(`must be ${what.en}`, `phải là ${what.vi}`);
    const n = Number(raw);
    if (n < min || n > max)
      return fail(`must be ${what.en} from ${min} to ${max}`, `phải là ${what.vi} từ ${min} đến ${max}`);
    return ok(n);
  };
}

export const year = integer(1945, 2100, msg('a four-digit year', 'năm (bốn chữ số)'));
export const positive = integer(1, 1_000_000, msg('a positive whole number', 'số nguyên dương'));

export const number: Parser<number> = (raw) => {
  const n = Number(raw.replace(',', '.'));
  return raw !== '' && Number.isFinite(n) ? ok(n) : fail('must be a number', 'phải là một số');
};

/** 0 < share <= 1: the part of an old unit that went to one successor. */
export const share: Parser<number> = (raw) => {
  const n = number(raw);
  if (!n.ok) return n;
  return n.value > 0 && n.value <= 1
    ? n
    : fail('must be greater than 0 and at most 1', 'phải lớn hơn 0 và không quá 1');
};

export const flag: Parser<0 | 1> = (raw) =>
  raw === '0' || raw === '1' ? ok(Number(raw) as 0 | 1) : fail('must be 0 or 1', 'phải là 0 hoặc 1');

/** YYYY-MM-DD or DD/MM/YYYY, stored as YYYY-MM-DD; an impossible day (31/02) is an error. */
// A list repeats a few decision dates over thousands of rows: each spelling is checked once (bounded).
const dates = new Map<string, Cell<string>>();
export const date: Parser<string> = (raw) => {
  let cell = dates.get(raw);
  if (!cell) {
    if (dates.size >= 10_000) dates.clear();
    cell = checkDate(raw);
    dates.set(raw, cell);
  }
  return cell;
};

function checkDate(raw: string): Cell<string> {
  if (!/^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})$/.test(raw))
    return fail('must be a date as YYYY-MM-DD or DD/MM/YYYY', 'phải là ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY');
  const iso = parseDate(raw);
  return iso ? ok(iso) : fail('is not a real calendar date', 'không phải ngày có thật trên lịch');
}
