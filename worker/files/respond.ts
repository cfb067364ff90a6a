import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { toCsv } from './csv';
import type { Table } from './table';
import { toXlsx } from './xlsx';
import { ApiError } from '../errors';

/** More rows than a person can use in a spreadsheet: refuse with a reason, never cut silently. */
export const MAX_FILE_ROWS = 100_000;

const vnTime = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

/** The same rows as the JSON answer, as a CSV or XLSX download. */
export async function fileResponse(c: Context<AppEnv>, format: 'csv' | 'xlsx', name: string, table: Table) {
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
  const filters: [string, string][] = [
    ...[...url.searchParams].filter(([k]) => k !== 'format' && k !== 'lang'),
    ['Số dòng / rows', String(table.rows.length)],
    ['Phiên bản dữ liệu / data version', String(state?.version ?? '')],
    ['Dữ liệu cập nhật lúc / data updated at', state?.updated_at ? vnTime(state.updated_at) : ''],
    ['Tạo lúc / generated at', vnTime(now)],
    ['Nguồn / source', `thidua ${url.pathname}${url.search}`],
  ];
  const body = await toXlsx(table, filters);
  return c.body(body, 200, {
    ...headers,
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
