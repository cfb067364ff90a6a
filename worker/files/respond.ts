import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { toCsv } from './csv';
import type { Table } from './table';
import { toXlsx } from './xlsx';
import { ApiError } from '../errors';
import type { ReadScope } from '../plan/scope';
import type { Geography } from '../queries/geography';
import { filterWords, type Query } from './words';

/** More rows than a person can use in a spreadsheet: refuse with a reason, never cut silently. */
export const MAX_FILE_ROWS = 100_000;

const vnTime = (iso: string, lang: 'vi' | 'en' = 'vi') =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

/** What the figures are of, for the "Bộ lọc" sheet: the query, the reader's scope, the catalog to name codes. */
export interface About {
  geo: Geography;
  query: Query;
  scope: ReadScope;
}

const META = {
  rows: { vi: 'Số dòng', en: 'rows' },
  version: { vi: 'Phiên bản dữ liệu', en: 'data version' },
  updated: { vi: 'Dữ liệu cập nhật lúc', en: 'data updated at' },
  generated: { vi: 'Tạo lúc', en: 'generated at' },
  source: { vi: 'Nguồn', en: 'source' },
};
type MetaKey = keyof typeof META;

/** The same rows as the JSON answer, as a CSV or XLSX download. */
export async function fileResponse(
  c: Context<AppEnv>,
  format: 'csv' | 'xlsx',
  name: string,
  table: Table,
  about: About,
) {
  if (table.rows.length > MAX_FILE_ROWS) {
    throw new ApiError(422, {
      error:
        `The result has ${table.rows.length.toLocaleString('en')} rows; a file ` +
        `carries at most ${MAX_FILE_ROWS.toLocaleString('en')}. Narrow the ` +
        `filters (years, unit) or group by fewer dimensions.`,
      error_vi:
        `Kết quả có ${table.rows.length.toLocaleString('vi')} dòng; một tệp ` +
        `chứa tối đa ${MAX_FILE_ROWS.toLocaleString('vi')} dòng. Hãy thu hẹp ` +
        `bộ lọc (năm, đơn vị) hoặc nhóm theo ít chiều hơn.`,
      parameter: 'format',
    });
  }
  const url = new URL(c.req.url);
  const now = new Date().toISOString();
  const stamp = now.slice(0, 10).replaceAll('-', '');
  const filename = `thidua-${name}-${stamp}.${format}`;
  const headers = { 'Content-Disposition': `attachment; filename="${filename}"` };
  if (format === 'csv') {
    return c.body(toCsv(table), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' });
  }
  const state = c.get('dataState');
  const lang = table.lang;
  // a file without a language names things in Vietnamese, its labels in both languages
  const word = (k: MetaKey) =>
    lang === 'en'
      ? META[k].en.replace(/^./, (ch) => ch.toUpperCase())
      : lang
        ? META[k].vi
        : `${META[k].vi} / ${META[k].en}`;
  const years = yearsOf(table);
  const inWords = filterWords(about.geo, about.query, about.scope, lang ?? 'vi', years);
  const filters: [string, string][] = [
    ...inWords.map(([k, v]): [string, string] => [lang ? k[lang] : `${k.vi} / ${k.en}`, v]),
    [word('rows'), String(table.rows.length)],
    [word('version'), String(state?.version ?? '')],
    [word('updated'), state?.updated_at ? vnTime(state.updated_at, lang) : ''],
    [word('generated'), vnTime(now, lang)],
    [word('source'), `thidua ${url.pathname}${url.search}`],
  ];
  const body = await toXlsx(table, filters);
  return c.body(body, 200, {
    ...headers,
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

function yearsOf(table: Table): number[] {
  const i = table.columns.findIndex((c) => c.key === 'year');
  return i < 0 ? [] : table.rows.map((r) => r[i]).filter((y): y is number => typeof y === 'number');
}
