import { z } from 'zod';
import { EMBED_CHART_NAMES, EMBED_PARAMS } from '../domain/embedCharts';
import { chartAbout } from '../embed/about';
import { parseOrigin } from '../embed/origin';

export const embedChartParam = z.object({ chart: z.enum(EMBED_CHART_NAMES).describe('Which chart') });
export const embedIdParam = z.object({ id: z.string().min(1).max(64) });

export const createEmbedBody = z.strictObject({
  chart: z.enum(EMBED_CHART_NAMES).describe('Which chart'),
  params: z
    .partialRecord(z.enum(EMBED_PARAMS), z.string().min(1).max(500))
    .default({})
    .describe('The filters to lock, as query strings (e.g. {"unit": "TB", "from": "2020"})'),
  origin: z
    .string()
    .max(300)
    .refine(
      (s) => parseOrigin(s) !== null,
      'expected exactly one origin such as https://example.org (scheme, host ' +
        'and port; no path, wildcard or other characters)',
    )
    .transform((s) => parseOrigin(s)!)
    .describe('The only origin allowed to frame the chart'),
  lifetime_days: z.number().int().min(1).max(366).default(30).describe('Days until the token expires (1–366)'),
  label: z.string().max(200).optional().describe('A note for the list, e.g. where the chart is embedded'),
});

const openParams = Object.fromEntries(EMBED_PARAMS.map((k) => [k, z.string().optional()])) as Record<
  (typeof EMBED_PARAMS)[number],
  z.ZodOptional<z.ZodString>
>;

/** The embed's data read: the token plus the filters the token leaves open. */
export const embedDataQuery = z.strictObject({
  token: z.string().max(4000).optional().describe('The embed token (without it: 401)'),
  group_by: z.string().optional().describe('Fixed by the chart: any other value is refused'),
  ...openParams,
});

export const embedToken = z.object({
  id: z.string(),
  chart: z.enum(EMBED_CHART_NAMES),
  params: z.record(z.string(), z.string()),
  origin: z.string(),
  label: z.string().nullable(),
  created_at: z.string(),
  expires_at: z.string(),
  revoked_at: z.string().nullable(),
  created_by: z.string(),
  status: z.enum(['active', 'expired', 'revoked']),
});

export const createdEmbed = embedToken.extend({
  token: z.string().describe('The signed token (HS256): shown once, not stored'),
  url: z.string().describe('The embed page'),
  snippet: z.string().describe('An iframe to paste into the page at `origin`, with the few lines that resize it'),
});

export const embedList = z.object({ tokens: z.array(embedToken) });

const chartData = z.object({
  rows: z
    .array(z.record(z.string(), z.unknown()))
    .describe(
      "The rows of the chart's endpoint: /awards/summary, /awards/indicators (shares), /movements/results (ranks)",
    ),
  total: z.number().optional().describe('Awards counted (the summary charts only)'),
});

/** The data behind an embedded chart: its endpoint's rows, plus the area and years in words. */
export const embedAnswer = chartData.extend({ about: chartAbout });

export const createSnapshotBody = createEmbedBody.omit({ origin: true, lifetime_days: true });

export const snapshot = z.object({
  id: z.string(),
  chart: z.enum(EMBED_CHART_NAMES),
  params: z.record(z.string(), z.string()),
  label: z.string().nullable(),
  data_version: z.number().int().describe('The data version the answer was computed on'),
  created_at: z.string(),
  url: z.string().describe('The permanent read-only page'),
  data: chartData.describe('The answer, frozen when published'),
  about: chartAbout
    .nullable()
    .describe('The area and years in words, frozen when published (null before they were kept)'),
});

export const listedSnapshot = snapshot.omit({ data: true, about: true }).extend({
  created_by: z.string(),
  withdrawn_at: z.string().nullable(),
  withdrawn_by: z.string().nullable(),
  status: z.enum(['published', 'withdrawn']),
});

export const snapshotList = z.object({ snapshots: z.array(listedSnapshot) });
