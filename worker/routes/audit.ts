import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import type { AppEnv } from '../env';
import { need } from '../middleware/requireRole';
import { listAudit } from '../queries/auth/audit';
import { auditList, auditQuery } from '../validation/access';
import { badRequest } from '../validation/hook';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

export const auditRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    summary: 'Audit log',
    description:
      'Who did what and when, newest first: imports, rollbacks, sign-ins, ' +
      'sign-in links, user and token changes. Page with `before` (the last id ' +
      'seen); filter with `action`. Admins only.',
    tags: ['users'],
    responses: { 200: { description: 'OK', content: json(auditList) }, 400: err('A bad parameter'), ...AUTH_ERRORS },
  }),
  need('admin', { en: 'the audit log', vi: 'xem nhật ký' }),
  validator('query', auditQuery, badRequest),
  async (c) => {
    const q = c.req.valid('query');
    const rows = await listAudit(c.env.DB, c.get('cost'), q.limit, q.before, q.action);
    return c.json({
      entries: rows.map((r) => ({
        ...r,
        detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
      })),
    });
  },
);
