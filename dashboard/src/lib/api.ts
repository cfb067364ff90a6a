// The dashboard's typed client. Its types are generated from the API's OpenAPI document
// (`npm run api:generate`), which is generated from the same schemas that validate requests:
// a change in the worker that the dashboard does not follow fails `npm run check`.
import createClient from 'openapi-fetch';
import type { paths } from './api-schema';
import type { EmbedChart } from '../../../worker/domain/embedCharts';

type Ok<P extends keyof paths> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export type Meta = Ok<'/meta'>;
export type Me = Ok<'/auth/me'>;
export type Role = Me['role'];
export type Scope = Me['scope'];
export type SummaryResult = Ok<'/awards/summary'>;
export type IndicatorsResult = Ok<'/awards/indicators'>;
export type ResultsResult = Ok<'/movements/results'>;
export type LeadersResult = Ok<'/movements/leaders'>;
export type SummaryQuery = Query<'/awards/summary'>;
export type FilterQuery = Query<'/awards/indicators'>;

/** Query values as the dashboard holds them: lists become the API's comma lists. */
type Loose<Q> = { [K in keyof Q]?: Q[K] | string[] | number };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The typed client; the session cookie (HttpOnly, same origin) authenticates every call. */
export const client = createClient<paths>({ baseUrl: '/api/v1' });

// A 401 on any call means the session has ended (expired, signed out elsewhere, user
// disabled): the session store registers here to show the sign-in screen again.
let unauthorized: (message: string) => void = () => {};
export function onUnauthorized(handler: (message: string) => void) {
  unauthorized = handler;
}

/** An error answer of the API as an ApiError (its `error` text), telling the session about a 401. */
export function apiError(status: number, body: unknown, fallback: string): ApiError {
  const message = (body as { error?: string } | null | undefined)?.error ?? fallback;
  if (status === 401) unauthorized(message);
  return new ApiError(status, message);
}

function toQuery(q: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    out[k] = Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}

// The reads also answer format=csv|xlsx, so the generated response type is a union with the
// file types; the dashboard asks for JSON and takes the JSON type.
export async function call<T>(request: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof request>;
  try {
    result = await request;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network');
  }
  if (result.data === undefined) throw apiError(result.response.status, result.error, result.response.statusText);
  return result.data as T;
}

export const getMe = (signal?: AbortSignal) => call<Me>(client.GET('/auth/me', { signal }));

export const signOut = () => call<unknown>(client.POST('/auth/sign-out'));

export const getMeta = (signal?: AbortSignal) => call<Meta>(client.GET('/meta', { signal }));

export const getSummary = (q: Loose<SummaryQuery>, signal?: AbortSignal) =>
  call<SummaryResult>(client.GET('/awards/summary', { params: { query: toQuery(q) as SummaryQuery }, signal }));

export const getIndicators = (q: Loose<FilterQuery>, signal?: AbortSignal) =>
  call<IndicatorsResult>(client.GET('/awards/indicators', { params: { query: toQuery(q) as FilterQuery }, signal }));

export const getResults = (q: { cluster: string; from?: number; to?: number }, signal?: AbortSignal) =>
  call<ResultsResult>(
    client.GET('/movements/results', { params: { query: toQuery(q) as Query<'/movements/results'> }, signal }),
  );

export const getLeaders = (q: { year: number; level?: 'central' | 'province' | 'district' }, signal?: AbortSignal) =>
  call<LeadersResult>(
    client.GET('/movements/leaders', { params: { query: toQuery(q) as Query<'/movements/leaders'> }, signal }),
  );

// Imports: uploads need progress (XMLHttpRequest), so they are written by hand; their types
// still come from the OpenAPI document.
type ImportAnswers = paths['/imports/{dataset}']['post']['responses'];
type Answer<S extends keyof ImportAnswers> = ImportAnswers[S] extends { content: { 'application/json': infer T } }
  ? T
  : never;
export type ImportBatch = Ok<'/imports'>['batches'][number];
export type Dataset = ImportBatch['dataset'];
export type RowError = Answer<422>['errors'][number];
export type ErrorGroup = Answer<422>['error_groups'][number];
export type Warning = NonNullable<Answer<201>['warnings']>[number];
export type ClassSuggestion = NonNullable<Answer<422>['class_suggestions']>[number];

/** What POST /api/v1/imports/{dataset} answers (see docs/api.md, "Imports"). */
export type ImportResult =
  | ({ status: 201 } & Answer<201>)
  | ({ status: 200 } & Answer<200>)
  | ({ status: 202 } & Answer<202>)
  | ({ status: 422 } & Answer<422>)
  | { status: number; error: string; error_vi?: string };

const FILE_TYPES: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** The content type the API expects, from the file name (browsers disagree about .csv). */
export function fileType(name: string): string | undefined {
  return FILE_TYPES[name.split('.').pop()?.toLowerCase() ?? ''];
}

export function templateUrl(dataset: Dataset, ext: 'csv' | 'xlsx'): string {
  return `/api/v1/imports/templates/${dataset}.${ext}`;
}

export async function listImports(signal?: AbortSignal): Promise<{ batches: ImportBatch[] }> {
  let res: Response;
  try {
    res = await fetch('/api/v1/imports', { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw apiError(res.status, body, res.statusText);
  return body as { batches: ImportBatch[] };
}

export interface UploadOptions {
  dryRun: boolean;
  onProgress?: (sent: number, total: number) => void;
  /** One part of a file sent in parts (awards): see docs/api.md, "Awards files larger than one request". */
  part?: { number: number; firstRow: number; batch?: number };
  /** Further query parameters: a list's own fields (year, award_code, …), class_from_position. */
  params?: Record<string, string>;
}

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress. */
export function importFile(dataset: Dataset, file: Blob, name: string, opts: UploadOptions): Promise<ImportResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const q = new URLSearchParams({ filename: name.slice(0, 200) });
    if (opts.dryRun) q.set('dry_run', '1');
    for (const [k, v] of Object.entries(opts.params ?? {})) if (v.trim()) q.set(k, v.trim());
    if (opts.part) {
      q.set('part', String(opts.part.number));
      q.set('first_row', String(opts.part.firstRow));
      if (opts.part.batch && !opts.dryRun) q.set('batch', String(opts.part.batch));
    }
    xhr.open('POST', `/api/v1/imports/${dataset}?${q}`);
    xhr.setRequestHeader('content-type', fileType(name) ?? (file.type || 'application/octet-stream'));
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.loaded, e.total);
    xhr.onload = () => {
      let body: object;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: xhr.statusText || `HTTP ${xhr.status}` };
      }
      if (xhr.status === 401) apiError(401, body, xhr.statusText);
      resolve({ status: xhr.status, ...body } as ImportResult);
    };
    xhr.onerror = () => resolve({ status: 0, error: 'network' });
    xhr.send(file);
  });
}

export async function commitImport(id: number): Promise<ImportResult> {
  const res = await fetch(`/api/v1/imports/${id}/commit`, { method: 'POST' });
  const body = (await res.json().catch(() => ({ error: res.statusText }))) as object;
  if (res.status === 401) apiError(401, body, res.statusText);
  return { status: res.status, ...body } as ImportResult;
}

export async function rollbackImport(id: number): Promise<{ ok: boolean; error?: string; error_vi?: string }> {
  const res = await fetch(`/api/v1/imports/${id}`, { method: 'DELETE' });
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => null)) as { error?: string; error_vi?: string } | null;
  if (res.status === 401) apiError(401, body, res.statusText);
  return { ok: false, error: body?.error ?? res.statusText, error_vi: body?.error_vi };
}

// Embeds: the chart's data through its token, and an analyst's embed tokens.
export type EmbedToken = paths['/embeds/{id}']['delete']['responses'][200]['content']['application/json'];
export type CreatedEmbed = paths['/embeds']['post']['responses'][201]['content']['application/json'];
export type CreateEmbed = NonNullable<paths['/embeds']['post']['requestBody']>['content']['application/json'];

export type EmbedData = Ok<'/embed-data/{chart}'>;
export const getEmbedData = (chart: EmbedChart, query: Record<string, string>, signal?: AbortSignal) =>
  call<EmbedData>(
    client.GET('/embed-data/{chart}', {
      params: { path: { chart }, query: query as Query<'/embed-data/{chart}'> },
      signal,
    }),
  );

export const listEmbeds = () => call<{ tokens: EmbedToken[] }>(client.GET('/embeds'));

export const createEmbed = (body: CreateEmbed) => call<CreatedEmbed>(client.POST('/embeds', { body }));

export const revokeEmbed = (id: string) =>
  call<EmbedToken>(client.DELETE('/embeds/{id}', { params: { path: { id } } }));

export type Snapshot = paths['/snapshots/{id}']['get']['responses'][200]['content']['application/json'];

export const getSnapshot = (id: string, signal?: AbortSignal) =>
  call<Snapshot>(client.GET('/snapshots/{id}', { params: { path: { id } }, signal }));

export const publishSnapshot = (body: { chart: EmbedChart; params: Record<string, string>; label?: string }) =>
  call<Snapshot>(client.POST('/snapshots', { body }));

export type ListedSnapshot = paths['/snapshots/{id}']['delete']['responses'][200]['content']['application/json'];

export const listSnapshots = () => call<{ snapshots: ListedSnapshot[] }>(client.GET('/snapshots'));

export const withdrawSnapshot = (id: string) =>
  call<ListedSnapshot>(client.DELETE('/snapshots/{id}', { params: { path: { id } } }));

// Reports: the annual forms of Circular 02/2023/TT-BNV and the year-end report.
export type ReportForm = '0601' | '0602' | '0603';
export type FormResult = paths['/reports/{form}']['get']['responses'][200]['content']['application/json'];
export type YearEndStats = paths['/reports/year-end']['get']['responses'][200]['content']['application/json'];
export type ReportQuery = { unit: string; year: string; as_of?: string; lang?: 'vi' | 'en' };

export const getReportForm = (form: ReportForm, query: ReportQuery, signal?: AbortSignal) =>
  call<FormResult>(client.GET('/reports/{form}', { params: { path: { form }, query }, signal }));

export const getYearEnd = (query: Omit<ReportQuery, 'lang'>, signal?: AbortSignal) =>
  call<YearEndStats>(client.GET('/reports/year-end', { params: { query }, signal }));

/** A report as a file: the form's XLSX or the year-end DOCX, through the same query. */
export function reportFileUrl(
  path: `/reports/${ReportForm | 'year-end'}`,
  query: Record<string, string | undefined>,
  format: 'xlsx' | 'docx',
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  q.set('format', format);
  return `/api/v1${path}?${q}`;
}
