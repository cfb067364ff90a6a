import { z } from 'zod';
import { DIMENSION_REGISTRY, LIST_FILTERS, SUMMARY_DIMENSIONS, type ListFilterDimension } from '../domain/dimensions';
import { dateParam } from './dates';
import { codeList, enumList, fileParams, year } from './params';

const code = z.string().min(1).max(64);

type ListFilterSchema = z.ZodOptional<ReturnType<typeof enumList> | typeof codeList>;

const DESCRIPTIONS: Partial<Record<ListFilterDimension, string>> = {
  award: 'Award type codes, comma separated',
  movement: 'Movement codes, comma separated',
  ethnic: 'Ethnic minority recipients (1) or not (0)',
};

// One list filter per dimension of the registry: closed values are checked here, catalog codes
// against the database when the query is resolved.
const listFilters = Object.fromEntries(
  LIST_FILTERS.map((dim) => {
    const d = DIMENSION_REGISTRY[dim];
    const schema = d.kind === 'closed' ? enumList(d.values as readonly [string, ...string[]]) : codeList;
    const description = DESCRIPTIONS[dim];
    return [dim, description ? schema.optional().describe(description) : schema.optional()];
  }),
) as Record<ListFilterDimension, ListFilterSchema>;

// The filters of GET /api/v1/awards/summary, named exactly as the contract fixes them; the
// indicator and export endpoints take the same ones.
const filters = {
  from: year.optional().describe('First year, inclusive'),
  to: year.optional().describe('Last year, inclusive'),
  unit: code.optional().describe('A unit code: that unit and all its descendants'),
  cluster: code.optional().describe('A cluster code: its members year by year, each with its subtree'),
  as_of: dateParam
    .optional()
    .describe('Map recorded units onto the units that existed on this date (YYYY-MM-DD or DD/MM/YYYY)'),
  ...listFilters,
};

const yearsInOrder = <T extends { from?: number; to?: number }>(q: T) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const yearsMessage = { path: ['from'], message: 'must not be after to' };

export const filterQuery = z.strictObject({ ...filters, ...fileParams }).refine(yearsInOrder, yearsMessage);

// Months of the decision year, as `1-6` (a half-year, or January to a month for year to date) or `9`.
const months = z
  .string()
  .regex(/^\d{1,2}(-\d{1,2})?$/, 'expected a month or a range of months such as 1-6')
  .refine((s) => monthRange(s).every((m) => m >= 1 && m <= 12), 'months are 1 to 12')
  .refine((s) => monthRange(s)[0] <= monthRange(s)[1], 'the first month must not be after the last');

/** `1-6` as [1, 6], `9` as [9, 9] (the query keeps the text, as files name the query in words). */
export function monthRange(s: string): [number, number] {
  const [first, last = first] = s.split('-').map(Number);
  return [first, last];
}

export const summaryQuery = z
  .strictObject({
    group_by: enumList(SUMMARY_DIMENSIONS)
      .refine((dims) => new Set(dims).size === dims.length, 'a dimension is listed twice')
      .optional()
      .describe(`Comma list of ${SUMMARY_DIMENSIONS.join(', ')}`),
    ...filters,
    months: months
      .optional()
      .describe(
        'Only awards whose decision is dated in these months (1-6 the first half, 1-9 to the end of ' +
          'September): `year`, `from` and `to` are then years of the decision date, and the answer ' +
          'adds `undated`, the awards without a usable decision date. Combines with group_by and filters ' +
          'of year, unit, cluster, tier, category and kind only',
      ),
    ...fileParams,
  })
  .refine(yearsInOrder, yearsMessage);

export type SummaryQuery = z.infer<typeof summaryQuery>;
export type FilterQuery = z.infer<typeof filterQuery>;
