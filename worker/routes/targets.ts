import { Hono } from 'hono';
import { describeRoute, resolver, validator } from 'hono-openapi';
import { actorOf } from '../auth/identity';
import type { AppEnv } from '../env';
import { badParameter, notFound } from '../errors';
import { identityOf, need } from '../middleware/requireRole';
import { requireUnit, resolveScope, unitInScope } from '../plan/scope';
import { loadGeography } from '../queries/geography';
import { findTarget, listTargets, type TargetRow } from '../queries/targets/list';
import { putTargets } from '../queries/targets/put';
import { removeTarget } from '../queries/targets/remove';
import { readTargets } from '../targets/read';
import { resolveTargets } from '../targets/resolve';
import { badRequest } from '../validation/hook';
import { target, targetIdParam, targetInput, targetList, targetsQuery } from '../validation/targets';
import { AUTH_ERRORS, err, json } from './openapiHelpers';
import { z } from 'zod';

const view = ({ unit_id: _, ...t }: TargetRow) => t;
const EDIT = { en: 'setting targets', vi: 'đặt chỉ tiêu' };

// Targets per indicator, year and unit (the province's goals, e.g. the share of awards to direct
// laborers): everyone who sees the dashboard reads them; editors set them, a scoped editor only
// for units in scope. Every change is in the audit log.
export const targetsRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['targets'],
      summary: 'Targets',
      description:
        'Targets by unit (exactly that unit), years and indicator, compared on the dashboard with ' +
        '/awards/indicators of the same unit and year. A scoped user sees those of units in scope.',
      responses: {
        200: { description: 'OK', content: json(targetList) },
        400: err('A bad parameter, or no such unit'),
        ...AUTH_ERRORS,
      },
    }),
    validator('query', targetsQuery, badRequest),
    async (c) => {
      const q = c.req.valid('query');
      if (q.from !== undefined && q.to !== undefined && q.from > q.to)
        throw badParameter('from', { en: 'is after to', vi: 'lớn hơn năm kết thúc (to)' });
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const scope = resolveScope(geo, identityOf(c).scope);
      const unit = q.unit === undefined ? undefined : geo.unitByCode.get(q.unit);
      if (q.unit !== undefined && !unit)
        throw badParameter('unit', { en: `no unit '${q.unit}'`, vi: `không có đơn vị mã '${q.unit}'` });
      if (unit) requireUnit(geo, scope, unit.id);
      const rows = await listTargets(c.env.DB, c.get('cost'), { ...q, unitId: unit?.id });
      return c.json({ targets: rows.filter((t) => unitInScope(geo, scope, t.unit_id)).map(view) });
    },
  )
  .put(
    '/',
    need('editor', EDIT),
    describeRoute({
      tags: ['targets'],
      summary: 'Set targets',
      description:
        'Sets (or replaces) one or many targets at once: JSON `{"targets": [{indicator, year, unit_code, value, ' +
        'comparison}]}` with shares as fractions, or `text/csv` with the headers Chỉ tiêu, Năm, Đơn vị, Giá trị ' +
        '(So sánh optional: Tối thiểu / Tối đa) and shares in percent (30 or 30%), vi-VN numbers. All or nothing: ' +
        'any bad row is a 400 listing every bad row in `errors`. Editors (a scoped editor: units in scope). Each ' +
        'target set is a line in the audit log, with the value before.',
      requestBody: {
        content: {
          'application/json': { schema: resolver(z.object({ targets: z.array(targetInput) })) },
          'text/csv': { schema: { type: 'string' } },
        },
      },
      responses: {
        200: {
          description: "Saved: the targets as this request wrote them, in the request's order",
          content: json(targetList),
        },
        400: err('A bad row (errors lists each), no such unit, or the unit did not exist that year'),
        ...AUTH_ERRORS,
        415: err('Neither JSON nor CSV'),
      },
    }),
    async (c) => {
      const who = identityOf(c);
      const inputs = await readTargets(c.req.raw);
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const resolved = resolveTargets(geo, who, inputs);
      const saved = await putTargets(c.env.DB, c.get('cost'), resolved, actorOf(who), new Date().toISOString());
      const unitOf = (id: number) => geo.units.get(id)!;
      // RETURNING has no order of its own: answer in the request's
      const place = new Map(resolved.map((t, i) => [`${t.indicator}:${t.year}:${t.unitId}`, i]));
      const at = (t: (typeof saved)[number]) => place.get(`${t.indicator}:${t.year}:${t.unit_id}`)!;
      return c.json({
        targets: saved
          .sort((a, b) => at(a) - at(b))
          .map((t) => view({ ...t, unit_code: unitOf(t.unit_id).code, unit_name: unitOf(t.unit_id).name })),
      });
    },
  )
  .delete(
    '/:id',
    need('editor', EDIT),
    describeRoute({
      tags: ['targets'],
      summary: 'Remove a target',
      description: 'Editors (a scoped editor: units in scope). Audited.',
      responses: {
        200: { description: 'Removed', content: json(target) },
        ...AUTH_ERRORS,
        404: err('No such target'),
      },
    }),
    validator('param', targetIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const who = identityOf(c);
      const gone = notFound({ en: `no target ${id}`, vi: `không có chỉ tiêu số ${id}` });
      const row = await findTarget(c.env.DB, c.get('cost'), id);
      if (!row) throw gone;
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      requireUnit(geo, resolveScope(geo, who.scope), row.unit_id, 'unit_code');
      if (!(await removeTarget(c.env.DB, c.get('cost'), id, actorOf(who), new Date().toISOString()))) throw gone;
      return c.json(view(row));
    },
  );
