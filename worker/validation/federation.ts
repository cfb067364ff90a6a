import { z } from 'zod';
import {
  AWARD_CATEGORIES,
  AWARD_SCOPES,
  AWARD_TIERS,
  CLUSTER_KINDS,
  CLUSTER_LEVELS,
  MOVEMENT_KINDS,
  MOVEMENT_LEVELS,
  RESYNC_PHASES,
  UNIT_KINDS,
} from '../domain/enums';
import { ID_COLUMNS, INTEGER_COLUMNS, KEY_COLUMNS, wireName } from '../federation/cubeColumns';

/** A cube row on the wire: award_cube's columns by name, ids as codes, and `n`. */
export type CubeWireRow = Record<string, string | number>;

const code = z.string().trim().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const version = z.number().int().min(0);

export const createFederationToken = z.strictObject({ province: code.describe("the province's top unit code") });
export const federationToken = z.object({
  token: z.string().describe('FEDERATION_TOKEN for the province instance; shown this once'),
  id: z.string(),
  province: z.string(),
});

const unit = z.strictObject({
  code,
  name: z.string().min(1).max(300),
  kind: z.enum(UNIT_KINDS),
  parent: code.nullable(),
  valid_from: day.nullable(),
  valid_to: day.nullable(),
});
const lineage = z.strictObject({ from: code, to: code, effective_date: day, share: z.number().gt(0).max(1) });
const movement = z.strictObject({
  code,
  name: z.string().min(1).max(300),
  level: z.enum(MOVEMENT_LEVELS),
  kind: z.enum(MOVEMENT_KINDS),
  owner: code.nullable(),
  start_date: day,
  end_date: day.nullable(),
});

// the province's clusters (its own, and the central ones its units belong to), their members
// among its units, and its units' year-end results in them: the cluster pages over all provinces
const cluster = z.strictObject({
  code,
  name: z.string().min(1).max(300),
  kind: z.enum(CLUSTER_KINDS),
  level: z.enum(CLUSTER_LEVELS),
  owner: code.nullable(),
});
const year = z.number().int().min(1900).max(2200);
const clusterMember = z.strictObject({ cluster: code, unit: code, year_from: year, year_to: year.nullable() });
const movementResult = z.strictObject({
  cluster: code,
  unit: code,
  year,
  score: z.number().nullable(),
  rank: z.number().int().min(1),
  proposed_award: code.nullable(),
});

// award types the province added to the built-in catalog (the cube names them by code)
const awardType = z.strictObject({
  code,
  name_vi: z.string().min(1).max(300),
  name_en: z.string().max(300).nullable(),
  category: z.enum(AWARD_CATEGORIES),
  tier: z.enum(AWARD_TIERS),
  scope: z.enum(AWARD_SCOPES),
  household_allowed: z.number().int().min(0).max(1),
  valid_to: day.nullable(),
});

// One award_cube row by column name (cubeColumns.ts); strict, so a field the cube does not have
// (a person's name, say) is refused rather than stored.
const cubeRow = z.strictObject({
  ...Object.fromEntries(
    KEY_COLUMNS.map((c) => [
      wireName(c),
      c in ID_COLUMNS ? z.string().max(64) : INTEGER_COLUMNS.has(c) ? z.number().int() : z.string().max(64),
    ]),
  ),
  n: z
    .number()
    .int()
    .refine((n) => n !== 0, 'a change of 0'),
}) as unknown as z.ZodType<CubeWireRow>;

export const pushBody = z.strictObject({
  province: code,
  version: version.describe("the province's data version this push brings the national copy to"),
  base_version: version.describe(
    'the version the rows are a change from (what the national acknowledged): the batches merged since',
  ),
  full: z.boolean().describe("true: the rows are the whole cube and replace the province's national copy"),
  signed_at: z.iso.datetime().describe('when the province signed it; refused when older than 5 minutes'),
  units: z.array(unit).max(200_000),
  lineage: z.array(lineage).max(200_000),
  movements: z.array(movement).max(100_000),
  award_types: z.array(awardType).max(10_000),
  clusters: z.array(cluster).max(10_000),
  cluster_members: z.array(clusterMember).max(200_000),
  movement_results: z.array(movementResult).max(500_000),
  rows: z.array(cubeRow),
  totals: z.array(z.strictObject({ year: z.number().int(), n: z.number().int() })).max(1000),
  resync: z
    .strictObject({
      id: z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 hex digits'),
      slice: z.number().int().min(0).describe('this slice, from 0, in the cube key order; the next one to send'),
      last: z.boolean().describe('no cube rows after this slice'),
      finish: z.boolean().describe('no rows: carry on after the last slice (remove, flip, merge) until done'),
    })
    .optional()
    .describe('with full: which slice of which whole-cube resync this request is'),
});
export type PushBody = z.infer<typeof pushBody>;

export const pushAnswer = z.object({
  province: z.string(),
  version: z.number().int(),
  applied_rows: z.number().int(),
  heartbeat: z.boolean(),
  resync: z
    .object({
      id: z.string(),
      phase: z
        .enum(RESYNC_PHASES)
        .describe('receiving slices; removing the old rows; ready to flip; merging (new figures shown); done'),
      next_slice: z.number().int(),
      rows: z.number().int().describe('cube rows received so far'),
      longest_batch_ms: z.number().int().describe("this request's longest D1 batch"),
    })
    .optional(),
});

const provinceState = z.object({
  province: z.string(),
  name: z.string().nullable(),
  version: z.number().int().describe('the data version of the province the national copy equals'),
  pushed_at: z.string().nullable().describe('when the last change was applied'),
  seen_at: z.string().nullable().describe('the last push or heartbeat'),
  stale: z.boolean().describe('no push or heartbeat for stale_after_seconds: figures are as of pushed_at'),
  last_rows: z.number().int().describe('cube rows in the last push that changed something (its cost)'),
  units: z.number().int(),
  resync: z
    .object({
      phase: z.enum(RESYNC_PHASES),
      rows: z.number().int().describe('cube rows of the whole-cube push received (so far)'),
      requests: z.number().int().describe('signed requests it took (slices and the finishing ones)'),
      longest_batch_ms: z.number().int().describe('its longest D1 batch here'),
      started_at: z.string(),
      updated_at: z.string(),
    })
    .nullable()
    .describe(
      "the province's last whole-cube push; while not done, the figures are the previous ones until it is complete",
    ),
});
export const federationStatus = z.object({
  stale_after_seconds: z.number().int(),
  provinces: z.array(provinceState),
});

export const reconciliation = z.object({
  provinces: z.array(
    provinceState.extend({
      years: z.array(
        z.object({
          year: z.number().int(),
          reported: z.number().int().describe("the province's own total, as it reported it"),
          national: z.number().int().describe("the national copy's total"),
          difference: z.number().int().describe('national − reported'),
        }),
      ),
    }),
  ),
});

export const outboxState = z.object({
  national_url: z.string(),
  version: z.number().int(),
  acked_version: z.number().int(),
  acked_at: z.string().nullable(),
  attempted_at: z.string().nullable(),
  last_error: z.string().nullable(),
});
