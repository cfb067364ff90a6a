import { describe, expect, it } from 'vitest';
import { DIMENSIONS as CUBE } from '../../worker/queries/cube/dimensions';
import { fold } from '../../worker/imports/vocabulary';
import {
  CLOSED_DIMENSIONS,
  DIMENSION_REGISTRY,
  FILTER_PARAMS,
  LIST_FILTERS,
  SUMMARY_DIMENSIONS,
} from '../../worker/domain/dimensions';

describe('the dimension registry', () => {
  it("keeps the contract's group_by names and order, with ethnic last", () => {
    expect(SUMMARY_DIMENSIONS).toEqual([
      'year',
      'unit',
      'award',
      'tier',
      'category',
      'kind',
      'gender',
      'class',
      'method',
      'movement',
      'cluster',
      'ethnic',
    ]);
    expect(FILTER_PARAMS).toEqual([
      'from',
      'to',
      'unit',
      'cluster',
      'as_of',
      'award',
      'tier',
      'category',
      'kind',
      'gender',
      'class',
      'method',
      'movement',
      'ethnic',
    ]);
  });

  it('has a cube column for every list filter and the decision month, and no other', () => {
    expect(Object.keys(CUBE).sort()).toEqual([...LIST_FILTERS, 'month'].sort());
  });

  it('names every closed value in both languages, each name and synonym meaning one value only', () => {
    for (const dim of CLOSED_DIMENSIONS) {
      const d = DIMENSION_REGISTRY[dim];
      const seen = new Map<string, string>();
      for (const value of d.values) {
        const label = (d.labels as Record<string, { vi: string; en: string; synonyms?: readonly string[] }>)[value];
        expect(label.vi.trim(), `${dim} ${value}`).not.toBe('');
        expect(label.en.trim(), `${dim} ${value}`).not.toBe('');
        expect(label.vi, 'labels are stored composed (NFC)').toBe(label.vi.normalize('NFC'));
        for (const word of new Set([value, label.vi, label.en, ...(label.synonyms ?? [])].map(fold))) {
          expect(seen.get(word), `'${word}' in ${dim} means both ${seen.get(word)} and ${value}`).toBeUndefined();
          seen.set(word, value);
        }
      }
    }
  });
});
