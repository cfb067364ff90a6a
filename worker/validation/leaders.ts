import { z } from 'zod';

// GET /movements/leaders: who ranked first in every cluster in one year (the "first in every
// cluster" overview a leader asks for before the year-end conference).
export const leadersQuery = z.strictObject({
  year: z
    .string({ error: 'required: a four-digit year' })
    .regex(/^\d{4}$/, 'expected a four-digit year')
    .transform(Number)
    .describe('The year of the results (four digits)'),
  level: z.enum(['central', 'province', 'district']).optional().describe('Only the clusters of this level'),
});

export const leadersResponse = z.object({
  rows: z.array(
    z.object({
      cluster: z.string(),
      unit: z.string(),
      score: z.number().nullable(),
      rank: z.number().int().describe('1; two rows where two members share the first place'),
      proposed_award: z.string().nullable(),
    }),
  ),
});

export type LeaderRow = z.infer<typeof leadersResponse>['rows'][number];
