import { Hono } from 'hono';
import { validator } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { ancestorsOf, loadGeography } from '../queries/geography';
import { buildForm } from '../reports/buildForm';
import { buildForm0601 } from '../reports/form0601';
import { formToXlsx } from '../reports/formXlsx';
import { FORMS } from '../reports/forms';
import { badRequest } from '../validation/hook';
import { unknownCode } from '../validation/params';
import { reportParams, reportQuery } from '../validation/reportQuery';
import { describeRead } from './describe';
import { callerScope, need } from '../middleware/requireRole';
import { requireUnit } from '../plan/scope';

const formResponse = z.object({
  form: z.string(),
  title: z.string(),
  unit: z.string(),
  unit_name: z.string(),
  year: z.number().int(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.string(), kind_label: z.string() })),
  rows: z.array(z.object({ key: z.string(), group: z.string(), label: z.string(), cells: z.array(z.number().nullable()) })),
});

export const reportsRoutes = new Hono<AppEnv>().get(
  '/:form',
  describeRead(
    'Annual forms 0601, 0602 and 0603',
    'Circular 02/2023/TT-BNV for a unit and a year: 0601 counts emulation movements (launched in the year and running) by launching level, kind and duration; 0602 and 0603 count state-level and ministry/province-level awards for the unit and its subtree, columns by award form split collective / individual (/ household), rows by recipient class and by award method. format=xlsx lays it out like the form.',
    formResponse,
    'reports',
    true,
  ),
  need('analyst', { en: 'report forms', vi: 'biểu mẫu báo cáo' }),
  validator('param', reportParams, badRequest),
  validator('query', reportQuery, badRequest),
  async (c) => {
    const { form } = c.req.valid('param');
    const q = c.req.valid('query');
    const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
    const unit = geo.unitByCode.get(q.unit);
    if (!unit) throw unknownCode('unit', [q.unit]);
    const scope = callerScope(c, geo);
    requireUnit(geo, scope, unit.id);
    const lang = q.lang ?? 'vi';
    const result =
      form === '0601'
        ? await buildForm0601(c.env.DB, c.get('cost'), unit, ancestorsOf(geo, unit.id), q.year, lang)
        : await buildForm(c.env.DB, c.get('cost'), geo, FORMS[form], unit, q.year, lang, scope);
    if (q.format === 'xlsx') {
      return c.body(await formToXlsx(result), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="thidua-bieu-${form}-${q.unit}-${q.year}.xlsx"`,
      });
    }
    return c.json(result);
  },
);
