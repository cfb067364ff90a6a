import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { actorOf, type Identity } from '../auth/identity';
import type { AppEnv } from '../env';
import { badParameter, conflict, forbidden, notFound } from '../errors';
import { identityOf, need } from '../middleware/requireRole';
import { requireUnit, resolveScope, unitInScope } from '../plan/scope';
import { addAnnotation } from '../queries/annotations/add';
import { findAnnotation, listAnnotations, type AnnotationRow } from '../queries/annotations/list';
import { removeAnnotation } from '../queries/annotations/remove';
import { updateAnnotation } from '../queries/annotations/update';
import { ancestorsOf, loadGeography, type Geography } from '../queries/geography';
import {
  annotation,
  annotationBody,
  annotationIdParam,
  annotationList,
  annotationsQuery,
} from '../validation/annotations';
import { badRequest } from '../validation/hook';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

const view = ({ unit_id: _, ...a }: AnnotationRow) => a;

/** The note's unit (null: every chart), checked to exist and to be inside the editor's scope. */
function noteUnit(geo: Geography, who: Identity, code: string | null | undefined) {
  const unit = code ? geo.unitByCode.get(code) : null;
  if (unit === undefined)
    throw badParameter('unit_code', { en: `no unit '${code}'`, vi: `không có đơn vị mã '${code}'` });
  checkScope(geo, who, unit?.id ?? null);
  return unit;
}

const already = (text: string, date: string | undefined, year: number) =>
  conflict({
    en: `the note '${text}' is already on ${date ?? year}`,
    vi: `ghi chú '${text}' đã có cho ${date ? date.split('-').reverse().join('/') : `năm ${year}`}`,
  });
const EDIT = { en: 'chart notes', vi: 'ghi chú trên biểu đồ' };

/** A note for every chart is for unscoped editors; a scoped one names a unit in scope. */
function checkScope(geo: Geography, who: Identity, unitId: number | null) {
  if (unitId !== null) return requireUnit(geo, resolveScope(geo, who.scope), unitId, 'unit_code');
  if (who.scope !== null)
    throw forbidden(
      {
        en: 'a note for every chart needs an editor without a scope',
        vi: 'ghi chú cho mọi biểu đồ cần biên tập viên không giới hạn phạm vi',
      },
      { parameter: 'unit_code' },
    );
}

// Notes editors put on the time charts ("why the line moves here"), drawn beside the built-in
// legal and reorganisation events. Read by everyone who sees the charts; audited.
export const annotationsRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['annotations'],
      summary: 'Chart notes',
      description:
        "With `on=<unit>`: the notes that unit's time charts show (for every chart, for the unit, for its " +
        'ancestors). A scoped user sees the notes for every chart and for units in scope.',
      responses: {
        200: { description: 'OK', content: json(annotationList) },
        400: err('A bad parameter, or no such unit'),
        ...AUTH_ERRORS,
      },
    }),
    validator('query', annotationsQuery, badRequest),
    async (c) => {
      const q = c.req.valid('query');
      if (q.from !== undefined && q.to !== undefined && q.from > q.to)
        throw badParameter('from', { en: 'is after to', vi: 'lớn hơn năm kết thúc (to)' });
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const scope = resolveScope(geo, identityOf(c).scope);
      let units: (number | null)[] | undefined;
      if (q.on === 'everywhere') units = [null];
      else if (q.on !== undefined) {
        const unit = geo.unitByCode.get(q.on);
        if (!unit) throw badParameter('on', { en: `no unit '${q.on}'`, vi: `không có đơn vị mã '${q.on}'` });
        requireUnit(geo, scope, unit.id, 'on');
        units = [null, unit.id, ...ancestorsOf(geo, unit.id)];
      }
      const rows = await listAnnotations(c.env.DB, c.get('cost'), { units, from: q.from, to: q.to });
      // a unit scope still sees the notes of its ancestors that its own charts show
      const visible = (a: AnnotationRow) =>
        a.unit_id === null || units !== undefined || unitInScope(geo, scope, a.unit_id);
      return c.json({ annotations: rows.filter(visible).map(view) });
    },
  )
  .post(
    '/',
    need('editor', EDIT),
    describeRoute({
      tags: ['annotations'],
      summary: 'Add a chart note',
      description:
        "A day (`date`) or a year, the text in Vietnamese (English optional), and a unit (its subtree's charts " +
        'too) or none (every chart: editors without a scope). Audited.',
      responses: {
        201: { description: 'Added', content: json(annotation) },
        400: err('A bad field, or no such unit'),
        ...AUTH_ERRORS,
        409: err('The same note is already there'),
      },
    }),
    validator('json', annotationBody, badRequest),
    async (c) => {
      const b = c.req.valid('json');
      const who = identityOf(c);
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const unit = noteUnit(geo, who, b.unit_code);
      const year = b.year ?? Number(b.date!.slice(0, 4));
      const id = await addAnnotation(c.env.DB, c.get('cost'), {
        year,
        date: b.date ?? null,
        textVi: b.text_vi,
        textEn: b.text_en ?? null,
        unitId: unit?.id ?? null,
        unitCode: unit?.code ?? null,
        createdBy: actorOf(who),
        createdAt: new Date().toISOString(),
      });
      if (id === null) throw already(b.text_vi, b.date, year);
      return c.json(view((await findAnnotation(c.env.DB, c.get('cost'), id))!), 201);
    },
  )
  .put(
    '/:id',
    need('editor', EDIT),
    describeRoute({
      tags: ['annotations'],
      summary: 'Change a chart note',
      description:
        "Replaces the note's day or year, texts and unit (the body of POST). Editors (a scoped editor: notes " +
        'of units in scope, moved to units in scope). Audited with the note before.',
      responses: {
        200: { description: 'Changed', content: json(annotation) },
        400: err('A bad field, or no such unit'),
        ...AUTH_ERRORS,
        404: err('No such note'),
        409: err('Another note already says the same'),
      },
    }),
    validator('param', annotationIdParam, badRequest),
    validator('json', annotationBody, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const who = identityOf(c);
      const gone = notFound({ en: `no note ${id}`, vi: `không có ghi chú số ${id}` });
      const row = await findAnnotation(c.env.DB, c.get('cost'), id);
      if (!row) throw gone;
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      checkScope(geo, who, row.unit_id);
      const unit = noteUnit(geo, who, b.unit_code);
      const year = b.year ?? Number(b.date!.slice(0, 4));
      const done = await updateAnnotation(c.env.DB, c.get('cost'), id, {
        year,
        date: b.date ?? null,
        textVi: b.text_vi,
        textEn: b.text_en ?? null,
        unitId: unit?.id ?? null,
        unitCode: unit?.code ?? null,
        actor: actorOf(who),
        at: new Date().toISOString(),
      });
      if (done === 'gone') throw gone;
      if (done === 'taken') throw already(b.text_vi, b.date, year);
      return c.json(view((await findAnnotation(c.env.DB, c.get('cost'), id))!));
    },
  )
  .delete(
    '/:id',
    need('editor', EDIT),
    describeRoute({
      tags: ['annotations'],
      summary: 'Remove a chart note',
      description: 'Editors (a scoped editor: notes of units in scope). Audited.',
      responses: {
        200: { description: 'Removed', content: json(annotation) },
        ...AUTH_ERRORS,
        404: err('No such note'),
      },
    }),
    validator('param', annotationIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const who = identityOf(c);
      const gone = notFound({ en: `no note ${id}`, vi: `không có ghi chú số ${id}` });
      const row = await findAnnotation(c.env.DB, c.get('cost'), id);
      if (!row) throw gone;
      checkScope(await loadGeography(c.env.DB, c.get('cost'), c.get('dataState')), who, row.unit_id);
      if (!(await removeAnnotation(c.env.DB, c.get('cost'), id, actorOf(who), new Date().toISOString()))) throw gone;
      return c.json(view(row));
    },
  );
