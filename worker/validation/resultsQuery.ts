import { z } from 'zod';
import { fileParams, year } from './params';

export const resultsQuery = z
  .strictObject({
    cluster: z.string({ error: 'required: a cluster code' }).min(1).max(64).describe('Cluster code'),
    from: year.optional(),
    to: year.optional(),
    ...fileParams,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['from'],
    message: 'must not be after to',
  });

export type ResultsQuery = z.infer<typeof resultsQuery>;
