import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import type { z } from 'zod';
import { EMBED_CHARTS, type EmbedChart } from '../domain/embedCharts';
import { EmbedDenied, embedQuery, signEmbed, verifyEmbed } from '../embed/token';
import { embedSnippet } from '../embed/page';
import type { AppEnv } from '../env';
import { actorOf, madeBy, type Identity } from '../auth/identity';
import { AUTH_ERRORS, err, json } from './openapiHelpers';
import { callerScope, identityOf, need } from '../middleware/requireRole';
import { resolveScope } from '../plan/scope';
import { awardsSummary } from '../queries/awardsSummary';
import { findEmbedToken, findSnapshot, insertEmbedToken, insertSnapshot, listEmbedTokens, listSnapshots, revokeEmbedToken, withdrawSnapshot, type EmbedTokenRow, type SnapshotListRow, type SnapshotRow } from '../queries/embeds';
import { recordAudit } from '../queries/auth/audit';
import { currentVersion, loadGeography } from '../queries/geography';
import { resolveSummaryParams } from '../plan/resolveSummaryParams';
import { createdEmbed, createEmbedBody, createSnapshotBody, embedChartParam, embedDataQuery, embedIdParam, embedList, embedToken, listedSnapshot, snapshot, snapshotList } from '../validation/embeds';
import { badRequest } from '../validation/hook';
import { summaryResponse } from '../validation/responses';
import { summaryQuery } from '../validation/summaryQuery';


function view(row: EmbedTokenRow, now = new Date().toISOString()): z.infer<typeof embedToken> {
  const status = row.revoked_at ? 'revoked' : row.expires_at <= now ? 'expired' : 'active';
  return { ...row, chart: row.chart as z.infer<typeof embedToken>['chart'], params: JSON.parse(row.params), status };
}

/** Checks a query (locked + fixed params) the way the summary endpoint would: 400 naming the parameter. */
function parseSummary(query: Record<string, string>) {
  const parsed = summaryQuery.safeParse(query);
  if (parsed.success) return { ok: parsed.data } as const;
  return { issue: parsed.error.issues } as const;
}

/** The filters of a new token or snapshot, checked with the chart's fixed ones as the summary would. */
function newChartQuery(body: { chart: EmbedChart; params: Partial<Record<string, string>> }) {
  const params = Object.fromEntries(Object.entries(body.params).filter((e): e is [string, string] => e[1] !== undefined));
  return { params, parsed: parseSummary({ ...params, ...EMBED_CHARTS[body.chart].fixed }) };
}

/** Analysts manage the tokens and snapshots they made; admins manage all. */
const mine = (who: Identity, row: { created_by: string }) => who.role === 'admin' || madeBy(who, row.created_by);

// Embed tokens: made, listed and revoked by analysts (their own) and admins (all). A token
// carries its creator's scope, so an embedded chart never shows more than its creator could see.
export const embedsRoutes = new Hono<AppEnv>()
  .use(need('analyst', { en: 'embeds', vi: 'nhúng biểu đồ' }))
  .post(
    '/',
    describeRoute({
      summary: 'Create an embed token',
      description: 'Signs an HS256 token naming the chart, the locked filters, the allowed parent origin and an expiry; answers it with the iframe snippet. Analysts and admins.',
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
      const secret = c.env.EMBED_SECRET;
      if (!secret) return c.json({ error: 'Embeds are disabled: the server has no EMBED_SECRET configured' }, 503);
      const { params, parsed } = newChartQuery(body);
      if (parsed.issue) return badRequest({ success: false, error: parsed.issue.map((i) => ({ ...i, path: ['params', ...i.path] })) }, c);
      // unknown codes are refused now, not when the chart is first shown
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      resolveSummaryParams(geo, parsed.ok, callerScope(c, geo));
      const who = identityOf(c);

      const now = new Date();
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + body.lifetime_days * 86400;
      const row: EmbedTokenRow = {
        id: crypto.randomUUID(),
        chart: body.chart,
        params: JSON.stringify(params),
        origin: body.origin,
        label: body.label ?? null,
        created_at: now.toISOString(),
        expires_at: new Date(exp * 1000).toISOString(),
        revoked_at: null,
        created_by: actorOf(who),
      };
      const claims = { jti: row.id, chart: body.chart, params, origin: body.origin, iat, exp, ...(who.scope ? { scope: who.scope } : {}) };
      const token = await signEmbed(claims, secret);
      await insertEmbedToken(c.env.DB, c.get('cost'), row);
      await recordAudit(c.env.DB, { actor: row.created_by, action: 'embed_create', target: row.id, detail: { chart: row.chart, params, origin: row.origin, expires_at: row.expires_at } });
      const url = `${new URL(c.req.url).origin}/embed/${body.chart}?token=${token}`;
      return c.json({ ...view(row), token, url, snippet: embedSnippet(url, row.id) }, 201);
    },
  )
  .get(
    '/',
    describeRoute({
      summary: 'List embed tokens',
      description: 'Every embed token with its chart, locked filters, origin, expiry and status (the tokens themselves are not stored). Analysts and admins.',
      tags: ['embeds'],
      responses: { 200: { description: 'OK', content: json(embedList) }, ...AUTH_ERRORS },
    }),
    async (c) => {
      const who = identityOf(c);
      const rows = (await listEmbedTokens(c.env.DB, c.get('cost'))).filter((r) => mine(who, r));
      const now = new Date().toISOString();
      return c.json({ tokens: rows.map((r) => view(r, now)) });
    },
  )
  .delete(
    '/:id',
    describeRoute({
      summary: 'Revoke an embed token',
      description: 'From now on the token answers 401, both for its page and for its data. Analysts and admins.',
      tags: ['embeds'],
      responses: { 200: { description: 'Revoked', content: json(embedToken) }, ...AUTH_ERRORS, 404: err('No such token') },
    }),
    validator('param', embedIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await findEmbedToken(c.env.DB, c.get('cost'), id);
      if (!row || !mine(identityOf(c), row)) return c.json({ error: `No embed token '${id}'` }, 404);
      if (!row.revoked_at) {
        await revokeEmbedToken(c.env.DB, c.get('cost'), id, new Date().toISOString());
        await recordAudit(c.env.DB, { actor: actorOf(identityOf(c)), action: 'embed_revoke', target: id, detail: { chart: row.chart, origin: row.origin, created_by: row.created_by } });
      }
      return c.json(view((await findEmbedToken(c.env.DB, c.get('cost'), id))!));
    },
  );

// The data behind an embed: the same query path as /awards/summary, with the token's filters.
export const embedDataRoutes = new Hono<AppEnv>().get(
  '/:chart',
  describeRoute({
    summary: 'Data of an embedded chart',
    description:
      'Verifies the embed token (signature, expiry, chart, revocation, and that its creator may still share it) and answers like /awards/summary with the locked filters applied. A filter the token locks cannot be set to another value (400, naming it). Never cached.',
    tags: ['embeds'],
    responses: {
      200: { description: 'OK', content: json(summaryResponse) },
      400: err('A bad parameter or an attempt to change a locked one, named in `parameter`'),
      401: err('Tampered, expired, revoked or unknown token, a token for another chart, or one whose creator may no longer share it'),
    },
  }),
  validator('param', embedChartParam, badRequest),
  validator('query', embedDataQuery, badRequest),
  async (c) => {
    const { chart } = c.req.valid('param');
    const { token, ...requested } = c.req.valid('query');
    let claims;
    try {
      claims = await verifyEmbed(c.env.DB, c.get('cost'), c.env.EMBED_SECRET, token, chart);
    } catch (e) {
      if (e instanceof EmbedDenied) return c.json({ error: e.message }, 401);
      throw e;
    }
    const open = Object.fromEntries(Object.entries(requested).filter((e): e is [string, string] => e[1] !== undefined));
    const q = embedQuery(claims, open);
    if ('locked' in q) return c.json({ error: `${q.locked}: locked by the embed token, it cannot be changed`, parameter: q.locked }, 400);
    const parsed = parseSummary(q.query);
    if (parsed.issue) return badRequest({ success: false, error: parsed.issue }, c);
    const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
    const params = resolveSummaryParams(geo, parsed.ok, resolveScope(geo, claims.scope ?? null));
    const result = await awardsSummary(c.env.DB, c.get('cost'), geo, params);
    c.header('Cache-Control', 'no-store');
    return c.json(result);
  },
);

const snapshotUrl = (id: string, origin: string) => `${origin}/snapshot/${id}`;

const snapshotView = (row: SnapshotRow, origin: string): z.infer<typeof snapshot> => ({
  id: row.id,
  chart: row.chart as z.infer<typeof snapshot>['chart'],
  params: JSON.parse(row.params),
  label: row.label,
  data_version: row.data_version,
  created_at: row.created_at,
  url: snapshotUrl(row.id, origin),
  data: JSON.parse(row.data),
});

const listedView = (row: SnapshotListRow, origin: string): z.infer<typeof listedSnapshot> => ({
  ...row,
  chart: row.chart as z.infer<typeof snapshot>['chart'],
  params: JSON.parse(row.params),
  url: snapshotUrl(row.id, origin),
  status: row.withdrawn_at ? 'withdrawn' : 'published',
});

// Published snapshots: a chart with a fixed query, its answer frozen when published, behind a
// permanent unguessable URL (for reports). Publishing needs the analyst role and computes
// within the publisher's scope; reading needs only the URL. Unlike an embed, a snapshot does
// not follow its publisher's access (a report that cites it must keep working after they move
// on); a wrong or too-wide one is taken down by withdrawing it.
export const snapshotsRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describeRoute({
      summary: 'Publish a snapshot',
      description: 'Computes the chart for the given filters now (the same query as /awards/summary) and keeps the answer; /snapshot/{id} shows it for good. Analysts and admins.',
      tags: ['embeds'],
      responses: { 201: { description: 'Published', content: json(snapshot) }, 400: err('A bad field or filter, named in `parameter`'), ...AUTH_ERRORS },
    }),
    need('analyst', { en: 'publishing snapshots', vi: 'xuất bản ảnh chụp số liệu' }),
    validator('json', createSnapshotBody, badRequest),
    async (c) => {
      const body = c.req.valid('json');
      const { params, parsed } = newChartQuery(body);
      if (parsed.issue) return badRequest({ success: false, error: parsed.issue.map((i) => ({ ...i, path: ['params', ...i.path] })) }, c);
      const state = await currentVersion(c.env.DB, c.get('cost'));
      const geo = await loadGeography(c.env.DB, c.get('cost'), state);
      const result = await awardsSummary(c.env.DB, c.get('cost'), geo, resolveSummaryParams(geo, parsed.ok, callerScope(c, geo)));
      const row: SnapshotRow = {
        id: crypto.randomUUID(),
        chart: body.chart,
        params: JSON.stringify(params),
        label: body.label ?? null,
        data: JSON.stringify(result),
        data_version: state.version,
        created_at: new Date().toISOString(),
        created_by: actorOf(identityOf(c)),
        withdrawn_at: null,
        withdrawn_by: null,
      };
      await insertSnapshot(c.env.DB, c.get('cost'), row);
      await recordAudit(c.env.DB, { actor: row.created_by, action: 'snapshot_publish', target: row.id, detail: { chart: row.chart, params, label: row.label } });
      return c.json(snapshotView(row, new URL(c.req.url).origin), 201);
    },
  )
  .get(
    '/',
    describeRoute({
      summary: 'List published snapshots',
      description: 'Snapshots with their chart, filters, URL and status, without their figures. Analysts see the ones they published; admins see all.',
      tags: ['embeds'],
      responses: { 200: { description: 'OK', content: json(snapshotList) }, ...AUTH_ERRORS },
    }),
    need('analyst', { en: 'listing snapshots', vi: 'xem danh sách ảnh chụp số liệu' }),
    async (c) => {
      const who = identityOf(c);
      const origin = new URL(c.req.url).origin;
      const rows = (await listSnapshots(c.env.DB, c.get('cost'))).filter((r) => mine(who, r));
      c.header('Cache-Control', 'no-store');
      return c.json({ snapshots: rows.map((r) => listedView(r, origin)) });
    },
  )
  .delete(
    '/:id',
    describeRoute({
      summary: 'Withdraw a snapshot',
      description:
        'Takes a published snapshot down for good: its figures are deleted and its URL answers 410 saying when it was withdrawn. The publisher (analyst) or an admin.',
      tags: ['embeds'],
      responses: { 200: { description: 'Withdrawn', content: json(listedSnapshot) }, ...AUTH_ERRORS, 404: err('No such snapshot (or not yours)') },
    }),
    need('analyst', { en: 'withdrawing snapshots', vi: 'gỡ ảnh chụp số liệu' }),
    validator('param', embedIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const who = identityOf(c);
      const row = await findSnapshot(c.env.DB, c.get('cost'), id);
      if (!row || !mine(who, row)) return c.json({ error: `No snapshot '${id}'` }, 404);
      const { data: _figures, ...listed } = row;
      if (listed.withdrawn_at) return c.json(listedView(listed, new URL(c.req.url).origin));
      const withdrawn = { ...listed, withdrawn_at: new Date().toISOString(), withdrawn_by: actorOf(who) };
      await withdrawSnapshot(c.env.DB, c.get('cost'), id, withdrawn.withdrawn_at, withdrawn.withdrawn_by);
      await recordAudit(c.env.DB, { actor: withdrawn.withdrawn_by, action: 'snapshot_withdraw', target: id, detail: { chart: row.chart, label: row.label, published_by: row.created_by } });
      return c.json(listedView(withdrawn, new URL(c.req.url).origin));
    },
  )
  .get(
    '/:id',
    describeRoute({
      summary: 'A published snapshot',
      description: 'The chart, its filters and the answer as frozen when it was published.',
      tags: ['embeds'],
      responses: { 200: { description: 'OK', content: json(snapshot) }, 404: err('No such snapshot'), 410: err('The snapshot was withdrawn (when, in `withdrawn_at`)') },
    }),
    validator('param', embedIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await findSnapshot(c.env.DB, c.get('cost'), id);
      // never kept by a browser or proxy: a withdrawal must take effect at once
      c.header('Cache-Control', 'no-store');
      if (!row) return c.json({ error: `No snapshot '${id}'` }, 404);
      if (row.withdrawn_at) {
        return c.json({ error: `This snapshot was withdrawn on ${row.withdrawn_at.slice(0, 10)} by its publisher or an administrator`, withdrawn_at: row.withdrawn_at }, 410);
      }
      return c.json(snapshotView(row, new URL(c.req.url).origin));
    },
  );
