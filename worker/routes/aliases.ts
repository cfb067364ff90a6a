import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { actorOf, type Identity } from '../auth/identity';
import type { AppEnv } from '../env';
import { badParameter, conflict, notFound } from '../errors';
import { unitKey } from '../imports/names';
import { identityOf, need } from '../middleware/requireRole';
import { requireUnit, resolveScope, unitInScope } from '../plan/scope';
import { loadGeography, type Geography } from '../queries/geography';
import { deleteAlias, findAlias, insertAlias, listAliases, type AliasRow } from '../queries/imports/aliases';
import { aliasBody, aliasIdParam, aliasList, unitAlias } from '../validation/aliases';
import { badRequest } from '../validation/hook';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

const view = (a: AliasRow) => ({
  id: a.id,
  alias: a.alias_text,
  folded: a.alias,
  unit_code: a.unit_code,
  unit_name: a.unit_name,
  created_by: a.created_by,
  created_at: a.created_at,
});

/** A scoped editor names only units inside their scope (a cluster scope: its members and below). */
const checkScope = (geo: Geography, who: Identity, unitId: number) =>
  requireUnit(geo, resolveScope(geo, who.scope), unitId, 'unit_code');

// Unit names the Dữ liệu page has resolved once, for every later file (imports/names.ts reads
// them before matching names). Editors; each change is in the audit log.
export const aliasesRoutes = new Hono<AppEnv>()
  .use(need('editor', { en: 'unit aliases', vi: 'tên gọi khác của đơn vị' }))
  .get(
    '/',
    describeRoute({
      tags: ['imports'],
      summary: 'Remembered unit names',
      description:
        'Every alias, by its text: the unit it means, who saved it and when. Editors (a scoped editor: ' +
        'those of units in scope, as the catalog they see).',
      responses: { 200: { description: 'OK', content: json(aliasList) }, ...AUTH_ERRORS },
    }),
    async (c) => {
      const who = identityOf(c);
      let rows = await listAliases(c.env.DB, c.get('cost'));
      if (who.scope !== null) {
        const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
        const scope = resolveScope(geo, who.scope);
        rows = rows.filter((a) => unitInScope(geo, scope, a.unit_id));
      }
      return c.json({ aliases: rows.map(view) });
    },
  )
  .post(
    '/',
    describeRoute({
      tags: ['imports'],
      summary: 'Remember a unit name',
      description:
        'Later files that write `alias` (compared without case, diacritics or the UBND prefix) mean ' +
        '`unit_code`, before any name matching; a row of a year the unit did not exist in is still an ' +
        'error. Editors (a scoped editor: units in scope). Recorded in the audit log.',
      responses: {
        201: { description: 'Saved', content: json(unitAlias) },
        400: err('A bad field, or no such unit'),
        ...AUTH_ERRORS,
        409: err('The text is already an alias'),
      },
    }),
    validator('json', aliasBody, badRequest),
    async (c) => {
      const b = c.req.valid('json');
      const who = identityOf(c);
      const folded = unitKey(b.alias);
      if (!folded)
        throw badParameter('alias', {
          en: 'has no letters or digits once folded',
          vi: 'không còn chữ hay số nào sau khi bỏ dấu và ký hiệu',
        });
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const unit = geo.unitByCode.get(b.unit_code);
      if (!unit)
        throw badParameter('unit_code', { en: `no unit '${b.unit_code}'`, vi: `không có đơn vị mã '${b.unit_code}'` });
      checkScope(geo, who, unit.id);
      const id = await insertAlias(c.env.DB, c.get('cost'), {
        alias: folded,
        aliasText: b.alias,
        unitId: unit.id,
        createdBy: actorOf(who),
        createdAt: new Date().toISOString(),
        audit: JSON.stringify({ unit_code: unit.code, folded }),
      });
      if (id === null)
        throw conflict({
          en: `'${b.alias}' is already an alias (remove it first to point it elsewhere)`,
          vi: `'${b.alias}' đã được ghi nhớ là tên gọi của một đơn vị (hãy xoá trước nếu muốn đổi)`,
        });
      return c.json(view((await findAlias(c.env.DB, c.get('cost'), id))!), 201);
    },
  )
  .delete(
    '/:id',
    describeRoute({
      tags: ['imports'],
      summary: 'Forget a unit name',
      description: 'Later files match the text by name again. Editors (a scoped editor: units in scope). Audited.',
      responses: {
        200: { description: 'Removed', content: json(unitAlias) },
        ...AUTH_ERRORS,
        404: err('No such alias'),
      },
    }),
    validator('param', aliasIdParam, badRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const who = identityOf(c);
      const row = await findAlias(c.env.DB, c.get('cost'), id);
      const gone = notFound({ en: `no alias ${id}`, vi: `không có tên gọi số ${id}` });
      if (!row) throw gone;
      if (who.scope !== null)
        checkScope(await loadGeography(c.env.DB, c.get('cost'), c.get('dataState')), who, row.unit_id);
      if (!(await deleteAlias(c.env.DB, c.get('cost'), id, actorOf(who), new Date().toISOString()))) throw gone;
      return c.json(view(row));
    },
  );
