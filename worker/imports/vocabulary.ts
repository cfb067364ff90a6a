import { DIMENSION_REGISTRY, type ClosedDimensionName, type ValueLabel } from '../domain/dimensions';
import { type Cell, type Parser, withChoices } from './cells';
import { msg } from './messages';

// What people type in the lists they import, matched to our values: the same words the
// dashboard and the files show (the dimension registry), plus common synonyms, compared without
// case, diacritics or extra spaces, so "CÁ NHÂN", "ca nhan" and "Cá nhân" are one value.

/** Folds text for comparison: NFC-independent, no diacritics (đ is d), lower case, punctuation as spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[.,;:/()–-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const indexes = new Map<ClosedDimensionName, Map<string, string>>();

/** Every way of writing a closed dimension's values (code, vi, en, synonyms), folded, to its value. */
export function closedIndex(dim: ClosedDimensionName): Map<string, string> {
  let index = indexes.get(dim);
  if (index) return index;
  index = new Map();
  const d = DIMENSION_REGISTRY[dim];
  for (const value of d.values) {
    const label = (d.labels as Record<string, ValueLabel>)[value];
    for (const word of [value, label.vi, label.en, ...(label.synonyms ?? [])]) index.set(fold(word), value);
  }
  indexes.set(dim, index);
  return index;
}

/** The Vietnamese names of a closed dimension's values, for messages and template lists. */
export function closedNames(dim: ClosedDimensionName): string[] {
  const d = DIMENSION_REGISTRY[dim];
  return d.values.map((v) => (d.labels as Record<string, ValueLabel>)[v].vi);
}

/** A cell of a closed dimension: its code or any of its names (see closedIndex). */
export function closedValue(dim: ClosedDimensionName): Parser<string> {
  // cells repeat a few spellings ("Cá nhân", "Nam"): each is folded once (bounded)
  const folded = new Map<string, string | undefined>();
  const parser = (raw: string): Cell<string> => {
    let value = folded.get(raw);
    if (value === undefined && !folded.has(raw)) {
      if (folded.size >= 10_000) folded.clear();
      value = closedIndex(dim).get(fold(raw));
      folded.set(raw, value);
    }
    if (value !== undefined) return { ok: true, value };
    const d = DIMENSION_REGISTRY[dim];
    return {
      ok: false,
      message: msg(
        `is not a ${d.name.en.toLowerCase()}: use one of ` +
          `${closedNames(dim).join(', ')} (or the codes ${d.values.join(', ')})`,
        `không phải ${d.name.vi.toLowerCase()} hợp lệ; hãy dùng một trong: ${closedNames(dim).join(', ')}`,
      ),
    };
  };
  return withChoices(parser, closedNames(dim));
}

const ethnicCell = closedValue('ethnic');
/** The ethnic minority flag: 1 or 0, or the words for them ("Dân tộc thiểu số", "x", "Có", "Không"). */
export const ethnicFlag: Parser<number> = withChoices((raw) => {
  const cell = ethnicCell(raw);
  return cell.ok ? { ok: true, value: Number(cell.value) } : cell;
}, closedNames('ethnic'));
