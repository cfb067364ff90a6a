import { z } from 'zod';
import { TARGET_COMPARISONS, TARGET_INDICATORS } from '../db/schema';
import { year } from './params';

export { TARGET_COMPARISONS, TARGET_INDICATORS };
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

/** At most this many targets in one PUT: a province's indicators for a few years and its units. */
export const MAX_TARGETS_PER_PUT = 500;

export const isShare = (i: TargetIndicator) => i !== 'total';

export const targetInput = z
  .object({
    indicator: z.enum(TARGET_INDICATORS).describe('What is measured: the field of /awards/indicators'),
    year: z.number().int().min(1945).max(2100),
    unit_code: z.string().trim().min(1).max(64).describe('The province, or a unit for its whole subtree'),
    value: z
      .number()
      .finite()
      .min(0)
      .describe('A count for total; a fraction for a share (0.3 = 30 %), as /awards/indicators answers it'),
    comparison: z
      .enum(TARGET_COMPARISONS)
      .default('at_least')
      .describe('at_least: met when the indicator is at or above the value; at_most: at or below'),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (isShare(t.indicator) && t.value > 1)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a share is a fraction from 0 to 1' });
    if (!isShare(t.indicator) && !Number.isInteger(t.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a count of awards is a whole number' });
  });
export type TargetInput = z.infer<typeof targetInput>;

export const targetsBody = z
  .object({ targets: z.array(z.unknown()).min(1).max(MAX_TARGETS_PER_PUT) })
  .strict()
  .describe('JSON: {targets: [...]}; or text/csv with the headers Chỉ tiêu, Năm, Đơn vị, Giá trị (So sánh optional)');

export const targetsQuery = z
  .object({
    unit: z.string().max(64).optional().describe('Only the targets of this unit (exactly; not its children)'),
    from: year.optional(),
    to: year.optional(),
    indicator: z.enum(TARGET_INDICATORS).optional(),
  })
  .strict();

export const targetIdParam = z.object({ id: z.coerce.number().int().positive() });

export const target = z.object({
  id: z.number().int(),
  indicator: z.enum(TARGET_INDICATORS),
  year: z.number().int(),
  unit_code: z.string(),
  unit_name: z.string(),
  value: z.number(),
  comparison: z.enum(TARGET_COMPARISONS),
  updated_by: z.string(),
  updated_at: z.string(),
});
export type Target = z.infer<typeof target>;

export const targetList = z.object({ targets: z.array(target) });
