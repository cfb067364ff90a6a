import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { actorOf } from '../auth/identity';
import { createEmbed, embedView } from '../embed/create';
import { checkChartCodes } from '../embed/answer';
import { newChartQuery } from '../embed/chartQuery';
import { mine } from '../embed/owner';
import type { AppEnv } from '../env';
import { notFound } from '../errors';
import { callerScope, identityOf, need } from '../middleware/requireRole';
import { recordAudit } from '../queries/auth/audit';
import { findEmbedToken, listEmbedTokens, revokeEmbedToken } from '../queries/embeds';
import { loadGeography } from '../queries/geography';
import { createdEmbed, createEmbedBody, embedIdParam, embedList, embedToken } from '../validation/embeds';
import { badRequest } from '../validation/hook';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

// Embed tokens: made, listed and revoked by analysts (their own) and admins (all). A token
// carries its creator's scope, so an embedded chart never shows more than its creator could see.
export const embedsRoutes = new Hono<AppEnv>()
  .use(need('analyst', { en: 'embeds', vi: 'nhúng biểu đồ' }))
  .post(
    '/',
    describeRoute({
      summary: 'Create an embed token',
      description:
        'Signs an HS256 token naming the chart, the locked filters, the allowed ' +
        'parent origin and an expiry; answers it with the iframe snippet. ' +
        'Analysts and admins.',
      tags: ['embeds'],
      responses: {
        201: { description: 'Created', content: json(createdEmbed) },
        400: err('A bad field or filter, named in `parameter`'),
        ...AUTH_ERRORS,
        503: err('No EMBED_SECRET configured'),
      },
    }),
    validator('json', createEmbedBody, badRequest),
    async (c) => {
      const body = c.req.valid('json');
      const { params, parsed } = newChartQuery(body);
      if (parsed.issue)
        return badRequest(
          { success: false, error: parsed.issue.map((i) => ({ ...i, path: ['params', ...i.path] })) },
          c,
        );
      // unknown codes are refused now, not when the chart is first shown
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      checkChartCodes(geo, parsed.ok, callerScope(c, geo));
      const created = await createEmbed(
        c.env.DB,
        c.get('cost'),
        identityOf(c),
        body,
        params,
        c.env.EMBED_SECRET,
        new URL(c.req.url).origin,
      );
      return c.json(created, 201);
    },
  )
  .get(
    '/',
    describeRoute({
      summary: 'List embed tokens',
      description:
        'Every embed token with its chart, locked filters, origin, expiry and ' +
        'status (the tokens themselves are not stored). Analysts and admins.',
      tags: ['embeds'],
      responses: { 200: { description: 'OK', content: json(embedList) }, ...AUTH_ERRORS },
    }),
    async (c) => {
      const who = identityOf(c);
      const rows = (await listEmbedTokens(c.env.DB, c.get('cost'))).filter((r) => mine(who, r));
      const now = new Date().toISOString();
      return c.json({ tokens: rows.map((r) => embedView(r, now)) });
    },
  )
  .delete(
    '/:id',
    describeRoute({
      summary: 'Revoke an embed token',
      description: 'From now on the token answers 401, both for its page and for its data. Analysts and admins.',
      tags: ['embeds'],
      responses: {
        200: { description: 'Revoked', content: json(embedToken) },
        ...AUTH_ERRORS,
        404: err('No such token'),
      },
    }),
    validator('param', embedIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await findEmbedToken(c.env.DB, c.get('cost'), id);
      if (!row || !mine(identityOf(c), row))
        throw notFound({ en: `No embed token '${id}'`, vi: `Không có mã nhúng '${id}'` });
      if (!row.revoked_at) {
        await revokeEmbedToken(c.env.DB, c.get('cost'), id, new Date().toISOString());
        await recordAudit(c.env.DB, {
          actor: actorOf(identityOf(c)),
          action: 'embed_revoke',
          target: id,
          detail: { chart: row.chart, origin: row.origin, created_by: row.created_by },
        });
      }
      return c.json(embedView((await findEmbedToken(c.env.DB, c.get('cost'), id))!));
    },
  );
