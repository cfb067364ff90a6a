import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { chartAnswer } from '../embed/answer';
import { parseChart } from '../embed/chartQuery';
import { embedQuery, verifyEmbed } from '../embed/token';
import type { AppEnv } from '../env';
import { badParameter } from '../errors';
import { resolveScope } from '../plan/scope';
import { loadGeography } from '../queries/geography';
import { embedAnswer, embedChartParam, embedDataQuery } from '../validation/embeds';
import { badRequest } from '../validation/hook';
import { err, json } from './openapiHelpers';

// The data behind an embed: the same query path as /awards/summary, with the token's filters.
export const embedDataRoutes = new Hono<AppEnv>().get(
  '/:chart',
  describeRoute({
    summary: 'Data of an embedded chart',
    description:
      'Verifies the embed token (signature, expiry, chart, revocation, and ' +
      'that its creator may still share it) and answers like /awards/summary ' +
      'with the locked filters applied, plus `about`: the area and years in ' +
      'words. A filter the token locks cannot be set to another value (400, ' +
      'naming it). Never cached.',
    tags: ['embeds'],
    responses: {
      200: { description: 'OK', content: json(embedAnswer) },
      400: err('A bad parameter or an attempt to change a locked one, named in `parameter`'),
      401: err(
        'Tampered, expired, revoked or unknown token, a token for another ' +
          'chart, or one whose creator may no longer share it',
      ),
    },
  }),
  validator('param', embedChartParam, badRequest),
  validator('query', embedDataQuery, badRequest),
  async (c) => {
    const { chart } = c.req.valid('param');
    const { token, ...requested } = c.req.valid('query');
    const claims = await verifyEmbed(c.env.DB, c.get('cost'), c.env.EMBED_SECRET, token, chart);
    const open = Object.fromEntries(Object.entries(requested).filter((e): e is [string, string] => e[1] !== undefined));
    const q = embedQuery(claims, open);
    if ('locked' in q)
      throw badParameter(q.locked, {
        en: 'locked by the embed token, it cannot be changed',
        vi: 'đã được khóa trong mã nhúng, không thể đổi',
      });
    const parsed = parseChart(chart, q.query);
    if (parsed.issue) return badRequest({ success: false, error: parsed.issue }, c);
    const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
    const scope = resolveScope(geo, claims.scope ?? null);
    const answer = await chartAnswer(c.env.DB, c.get('cost'), geo, chart, parsed.ok, scope);
    c.header('Cache-Control', 'no-store');
    return c.json(answer);
  },
);
