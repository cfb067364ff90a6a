import { z } from 'zod';
import {
  AWARD_CATEGORIES,
  AWARD_METHODS,
  AWARD_TIERS,
  GENDERS,
  RECIPIENT_CLASSES,
  RECIPIENT_KINDS,
} from '../domain/enums';
import { SUMMARY_DIMENSIONS } from '../queries/awardsSummary';
import { dateParam } from './dates';
import { codeList, enumList, fileParams, year } from './params';

const code = z.string().min(1).max(64);

// The filters of GET /api/v1/awards/summary, named exactly as the contract fixes them; the
// indicator and export endpoints take the same ones.
const filters = {
  from: year.optional().describe('First year, inclusive'),
  to: year.optional().describe('Last year, inclusive'),
  unit: code.optional().describe('A unit code: that unit and all its descendants'),
  cluster: code.optional().describe('A cluster code: its members year by year, each with its subtree'),
  as_of: dateParam.optional().describe('Map recorded units onto the units that existed on this date (YYYY-MM-DD or DD/MM/YYYY)'),
  award: codeList.optional().describe('Award type codes, comma separated'),
  tier: enumList(AWARD_TIERS).optional(),
  category: enumList(AWARD_CATEGORIES).optional(),
  kind: enumList(RECIPIENT_KINDS).optional(),
  gender: enumList(GENDERS).optional(),
  class: enumList(RECIPIENT_CLASSES).optional(),
  method: enumList(AWARD_METHODS).optional(),
  movement: codeList.optional().describe('Movement codes, comma separated'),
  ethnic: enumList(['0', '1'] as const).optional().describe('Ethnic minority recipients (1) or not (0)'),
};

const yearsInOrder = <T extends { from?: number; to?: number }>(q: T) => q.from === undefined || q.to === undefined || q.from <= q.to;
const yearsMessage = { path: ['from'], message: 'must not be after to' };

export const filterQuery = z.strictObject({ ...filters, ...fileParams }).refine(yearsInOrder, yearsMessage);

export const summaryQuery = z
  .strictObject({
    group_by: enumList(SUMMARY_DIMENSIONS)
      .refine((dims) => new Set(dims).size === dims.length, 'a dimension is listed twice')
      .optional()
      .describe(`Comma list of ${SUMMARY_DIMENSIONS.join(', ')}`),
    ...filters,
    ...fileParams,
  })
  .refine(yearsInOrder, yearsMessage);

export type SummaryQuery = z.infer<typeof summaryQuery>;
export type FilterQuery = z.infer<typeof filterQuery>;
