import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { ancestorsOf, loadGeography } from '../queries/geography';
import { buildForm } from '../reports/buildForm';
import { buildForm0601 } from '../reports/form0601';
import { formToXlsx } from '../reports/formXlsx';
import { FORMS } from '../reports/forms';
import { badRequest } from '../validation/hook';
import { unknownCode } from '../validation/params';
import { reportParams, reportQuery, yearEndQuery } from '../validation/reportQuery';
import { describeRead } from './describe';
import { callerScope, need } from '../middleware/requireRole';
import { requireUnit } from '../plan/scope';
import { yearEndStats } from '../reports/yearEnd';
import { yearEndDocx } from '../reports/yearEndDocx';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

const formResponse = z.object({
  form: z.string(),
  title: z.string(),
  unit: z.string(),
  unit_name: z.string(),
  year: z.number().int(),
  as_of: z.string().nullable().describe('The boundaries the counts are mapped onto, or null (as recorded)'),
  header: z
    .object({
      form_no: z.string(),
      legal_basis: z.string(),
      heading: z.string(),
      period: z.string(),
      reporting_unit: z.string(),
      receiving_unit: z.string(),
      place_date: z.string(),
      signers: z.array(z.object({ title: z.string(), note: z.string() })),
    })
    .describe("The printed form's header block and signature block"),
  columns: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.string(),
      kind_label: z.string(),
      no: z.number().int().describe('Column number on the form (1, 2, …)'),
    }),
  ),
  rows: z.array(
    z.object({
      key: z.string(),
      code: z.string().describe('Row code on the form (01, 02, …)'),
      group: z.string(),
      label: z.string(),
      cells: z.array(z.number().nullable()),
    }),
  ),
});

const kinds = z.object({ collective: z.number(), individual: z.number(), household: z.number() });
const yearEndResponse = z.object({
  unit: z.string(),
  unit_name: z.string(),
  year: z.number().int(),
  as_of: z.string().nullable(),
  totals: z.object({
    current: z.number(),
    previous: z.number(),
    change: z.number().nullable(),
    current_kinds: kinds,
    previous_kinds: kinds,
  }),
  by_tier: z.array(z.object({ tier: z.string(), current: kinds, previous: kinds })),
  by_award: z.array(
    z.object({ award: z.string(), name: z.string(), tier: z.string(), current: kinds, previous: z.number() }),
  ),
  people: z.array(
    z.object({
      year: z.number().int(),
      individual: z.number(),
      direct: z.number(),
      leaders: z.number(),
      non_leaders: z.number(),
      women: z.number(),
    }),
  ),
  ad_hoc: z.object({ current: kinds, previous: kinds }),
  clusters: z.array(
    z.object({
      cluster: z.string(),
      cluster_name: z.string(),
      unit: z.string(),
      unit_name: z.string(),
      score: z.number().nullable(),
      rank: z.number().int(),
      proposed_award: z.string().nullable(),
      proposed_award_name: z.string().nullable(),
    }),
  ),
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const reportsRoutes = new Hono<AppEnv>()
  .get(
    '/year-end',
    describeRoute({
      summary: 'Year-end report on emulation and commendation',
      description:
        'The statistics of a year-end report (báo cáo tổng kết) for a unit with ' +
        'its subtree: awards by level and by form, collective / individual / ' +
        'household, this year against last year; individual awards to direct ' +
        "laborers, non-leaders and women; ad-hoc (DOT_XUAT) awards; the year's " +
        'cluster and block results with proposed awards. format=docx: a Word ' +
        'document in the format of Decree 30/2020/NĐ-CP (A4, Times New Roman, ' +
        'Quốc hiệu and Tiêu ngữ, page numbers from page 2), the statistics as ' +
        'tables and the narrative parts as headed placeholders; in Vietnamese. ' +
        "as_of counts on the units of that date (a merged province's whole " +
        'year).',
      tags: ['reports'],
      responses: {
        200: {
          description: 'OK. Headers: X-Rows-Read (D1 rows read), Server-Timing, ETag (data version).',
          content: {
            ...json(yearEndResponse),
            [DOCX]: { schema: { type: 'string' as const, format: 'binary', description: 'format=docx' } },
          },
        },
        304: { description: 'Not modified: the data version has not changed since the ETag sent in If-None-Match' },
        400: err('A bad parameter, named in `parameter`'),
        ...AUTH_ERRORS,
        403: err('Below the analyst role, or the unit is outside your scope (named in `parameter`)'),
      },
    }),
    need('analyst', { en: 'year-end reports', vi: 'báo cáo tổng kết năm' }),
    validator('query', yearEndQuery, badRequest),
    async (c) => {
      const q = c.req.valid('query');
      const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
      const unit = geo.unitByCode.get(q.unit);
      if (!unit) throw unknownCode('unit', [q.unit]);
      const scope = callerScope(c, geo);
      requireUnit(geo, scope, unit.id);
      const stats = await yearEndStats(c.env.DB, c.get('cost'), geo, unit, q.year, q.as_of, scope);
      if (q.format === 'docx') {
        return c.body(await yearEndDocx(stats), 200, {
          'Content-Type': DOCX,
          'Content-Disposition': `attachment; filename="thidua-bao-cao-tong-ket-${q.unit}-${q.year}.docx"`,
        });
      }
      return c.json(stats);
    },
  )
  .get(
    '/:form',
    describeRead(
      'Annual forms 0601, 0602 and 0603',
      'Circular 02/2023/TT-BNV for a unit and a year: 0601 counts emulation ' +
        'movements (launched in the year and running) by launching level, kind ' +
        'and duration; 0602 and 0603 count state-level and ' +
        'ministry/province-level awards for the unit and its subtree, columns ' +
        'by award form split collective / individual (/ household), rows by ' +
        'recipient class and by award method. format=xlsx lays it out like the ' +
        'form.',
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
          ? await buildForm0601(c.env.DB, c.get('cost'), geo, unit, ancestorsOf(geo, unit.id), q.year, lang, q.as_of)
          : await buildForm(c.env.DB, c.get('cost'), geo, FORMS[form], unit, q.year, lang, scope, q.as_of);
      if (q.format === 'xlsx') {
        return c.body(await formToXlsx(result, lang), 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="thidua-bieu-${form}-${q.unit}-${q.year}.xlsx"`,
        });
      }
      return c.json(result);
    },
  );
