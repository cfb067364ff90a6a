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
import { codeList, enumList, year } from './params';

// GET /api/v1/awards/summary, parameters named exactly as the contract fixes them.
export const summaryQuery = z
  .strictObject({
    group_by: enumList(SUMMARY_DIMENSIONS)
      .refine((dims) => new Set(dims).size === dims.length, 'a dimension is listed twice')
      .optional(),
    from: year.optional(),
    to: year.optional(),
    unit: z.string().min(1).max(64).optional(),
    award: codeList.optional(),
    tier: enumList(AWARD_TIERS).optional(),
    category: enumList(AWARD_CATEGORIES).optional(),
    kind: enumList(RECIPIENT_KINDS).optional(),
    gender: enumList(GENDERS).optional(),
    class: enumList(RECIPIENT_CLASSES).optional(),
    method: enumList(AWARD_METHODS).optional(),
    movement: codeList.optional(),
    ethnic: enumList(['0', '1'] as const).optional(),
    cluster: z.string().min(1).max(64).optional(),
    as_of: dateParam.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['from'],
    message: 'must not be after to',
  });

export type SummaryQuery = z.infer<typeof summaryQuery>;
