import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { actorOf } from '../auth/identity';
import { newChartQuery } from '../embed/chartQuery';
import { mine } from '../embed/owner';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { callerScope, identityOf, need } from '../middleware/requireRole';
import { recordAudit } from '../queries/auth/audit';
import { findSnapshot, listSnapshots, withdrawSnapshot } from '../queries/embeds';
import { loadGeography } from '../queries/geography';
import { publishSnapshot } from '../snapshots/publish';
import { listedView, snapshotView } from '../snapshots/views';
import { createSnapshotBody, embedIdParam, listedSnapshot, snapshot, snapshotList } from '../validation/embeds';
import { badRequest } from '../validation/hook';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

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
      description:
        'Computes the chart for the given filters now (the same query as ' +
        '/awards/summary) and keeps the answer; /snapshot/{id} shows it for ' +
        'good. Analysts and admins.',
      tags: ['embeds'],
      responses: {
        201: { description: 'Published', content: json(snapshot) },
        400: err('A bad field or filter, named in `parameter`'),
        ...AUTH_ERRORS,
      },
    }),
    need('analyst', { en: 'publishing snapshots', vi: 'xuất bản ảnh chụp số liệu' }),
    validator('json', createSnapshotBody, badRequest),
    async (c) => {
      const body = c.req.valid('json');
      const { params, parsed } = newChartQuery(body);
      if (parsed.issue)
        return badRequest(
          { success: false, error: parsed.issue.map((i) => ({ ...i, path: ['params', ...i.path] })) },
          c,
        );
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const row = await publishSnapshot(
        c.env.DB,
        c.get('cost'),
        geo,
        identityOf(c),
        callerScope(c, geo),
        body,
        params,
        parsed.ok,
      );
      return c.json(snapshotView(row, new URL(c.req.url).origin), 201);
    },
  )
  .get(
    '/',
    describeRoute({
      summary: 'List published snapshots',
      description:
        'Snapshots with their chart, filters, URL and status, without their ' +
        'figures. Analysts see the ones they published; admins see all.',
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
        'Takes a published snapshot down for good: its figures are deleted and ' +
        'its URL answers 410 saying when it was withdrawn. The publisher ' +
        '(analyst) or an admin.',
      tags: ['embeds'],
      responses: {
        200: { description: 'Withdrawn', content: json(listedSnapshot) },
        ...AUTH_ERRORS,
        404: err('No such snapshot (or not yours)'),
      },
    }),
    need('analyst', { en: 'withdrawing snapshots', vi: 'gỡ ảnh chụp số liệu' }),
    validator('param', embedIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const who = identityOf(c);
      const row = await findSnapshot(c.env.DB, c.get('cost'), id);
      if (!row || !mine(who, row))
        throw notFound({ en: `No snapshot '${id}'`, vi: `Không có ảnh chụp số liệu '${id}'` });
      const { data: _figures, ...listed } = row;
      if (listed.withdrawn_at) return c.json(listedView(listed, new URL(c.req.url).origin));
      const withdrawn = { ...listed, withdrawn_at: new Date().toISOString(), withdrawn_by: actorOf(who) };
      await withdrawSnapshot(c.env.DB, c.get('cost'), id, withdrawn.withdrawn_at, withdrawn.withdrawn_by);
      await recordAudit(c.env.DB, {
        actor: withdrawn.withdrawn_by,
        action: 'snapshot_withdraw',
        target: id,
        detail: { chart: row.chart, label: row.label, published_by: row.created_by },
      });
      return c.json(listedView(withdrawn, new URL(c.req.url).origin));
    },
  )
  .get(
    '/:id',
    describeRoute({
      summary: 'A published snapshot',
      description: 'The chart, its filters and the answer as frozen when it was published.',
      tags: ['embeds'],
      responses: {
        200: { description: 'OK', content: json(snapshot) },
        404: err('No such snapshot'),
        410: err('The snapshot was withdrawn (when, in `withdrawn_at`)'),
      },
    }),
    validator('param', embedIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await findSnapshot(c.env.DB, c.get('cost'), id);
      // never kept by a browser or proxy: a withdrawal must take effect at once
      c.header('Cache-Control', 'no-store');
      if (!row) throw notFound({ en: `No snapshot '${id}'`, vi: `Không có ảnh chụp số liệu '${id}'` });
      if (row.withdrawn_at) {
        const day = row.withdrawn_at.slice(0, 10);
        throw new ApiError(410, {
          error: `This snapshot was withdrawn on ${day} by its publisher or an administrator`,
          error_vi:
            `Ảnh chụp số liệu này đã được người xuất bản hoặc quản trị viên gỡ ` +
            `xuống ngày ${day.split('-').reverse().join('/')}`,
          withdrawn_at: row.withdrawn_at,
        });
      }
      return c.json(snapshotView(row, new URL(c.req.url).origin));
    },
  );
