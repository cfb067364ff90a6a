import { z } from 'zod';

// Response shapes: the OpenAPI document is generated from them, and the query modules take
// their result types from them, so what is documented is what is returned.

export const errorResponse = z
  .object({ error: z.string(), parameter: z.string().optional() })
  .describe('What went wrong, in words a person can act on; `parameter` names the bad parameter');

export const summaryResponse = z.object({
  rows: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
    .describe('One property per group_by dimension (a code or the year; null where not given), then `count`'),
  total: z.number(),
  undated: z
    .array(z.object({ year: z.number().int(), count: z.number() }))
    .optional()
    .describe(
      'With `months` only: per award year in from..to, the awards counted nowhere above because their ' +
        'decision date is missing (or not within two years after the award year)',
    ),
  latest_decision: z
    .string()
    .nullable()
    .optional()
    .describe(
      'With `months` only: the latest decision month (YYYY-MM) in from..to, of any month, in the ' +
        'units asked: how far a year to date reaches',
    ),
});

export const indicatorsResponse = z.object({
  rows: z.array(
    z.object({
      year: z.number().int(),
      total: z.number(),
      change: z.number().nullable().describe('Change of total against the previous year, as a fraction'),
      individual: z.number(),
      direct: z.number().describe('Individual awards to direct laborers (TRUC_TIEP)'),
      leaders: z.number().describe('Individual awards to leaders and managers'),
      women: z.number(),
      ethnic_minority: z.number(),
      direct_share: z.number().nullable(),
      leader_share: z.number().nullable(),
      women_share: z.number().nullable(),
      ethnic_minority_share: z.number().nullable(),
    }),
  ),
});

export const resultsResponse = z.object({
  rows: z.array(
    z.object({
      year: z.number().int(),
      unit: z.string(),
      score: z.number().nullable(),
      rank: z.number().int(),
      proposed_award: z.string().nullable(),
      rank_change: z
        .number()
        .int()
        .nullable()
        .describe('Places gained since the previous year; null if not ranked then'),
    }),
  ),
});

const nullableString = z.string().nullable();
export const metaResponse = z.object({
  data_version: z.number().int(),
  updated_at: z.string(),
  years: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  award_types: z.array(
    z.object({
      code: z.string(),
      name_vi: z.string(),
      name_en: nullableString,
      category: z.string(),
      tier: z.string(),
      scope: z.string(),
      household_allowed: z.boolean(),
      valid_to: nullableString,
      builtin: z.boolean(),
    }),
  ),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      parent_code: nullableString,
      valid_from: nullableString,
      valid_to: nullableString,
    }),
  ),
  unit_lineage: z.array(
    z.object({ from_code: z.string(), to_code: z.string(), effective_date: z.string(), share: z.number() }),
  ),
  clusters: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      level: z.string(),
      owner_code: nullableString,
      members: z.array(
        z.object({ unit_code: z.string(), year_from: z.number().int(), year_to: z.number().int().nullable() }),
      ),
    }),
  ),
  movements: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.string(),
      kind: z.string(),
      owner_code: nullableString,
      start_date: z.string(),
      end_date: nullableString,
    }),
  ),
});

export type Meta = z.infer<typeof metaResponse>;
export type IndicatorRow = z.infer<typeof indicatorsResponse>['rows'][number];
export type ResultRow = z.infer<typeof resultsResponse>['rows'][number];
