// The dashboard's typed client. Its types are generated from the API's OpenAPI document
// (`npm run api:generate`), which is generated from the same schemas that validate requests:
// a change in the worker that the dashboard does not follow fails `npm run check`.
import createClient from 'openapi-fetch';
import type { paths } from './api-schema';

type Ok<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Meta = Ok<'/meta'>;
export type SummaryResult = Ok<'/awards/summary'>;
export type IndicatorsResult = Ok<'/awards/indicators'>;
export type ResultsResult = Ok<'/movements/results'>;
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

const client = createClient<paths>({ baseUrl: '/api/v1' });

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
async function call<T>(request: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await request;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network');
  }
  if (result.data === undefined) {
    const message = (result.error as { error?: string } | undefined)?.error ?? result.response.statusText;
    throw new ApiError(result.response.status, message);
  }
  return result.data as T;
}

export const getMeta = (signal?: AbortSignal) => call<Meta>(client.GET('/meta', { signal }));

export const getSummary = (q: Loose<SummaryQuery>, signal?: AbortSignal) =>
  call<SummaryResult>(client.GET('/awards/summary', { params: { query: toQuery(q) as SummaryQuery }, signal }));

export const getIndicators = (q: Loose<FilterQuery>, signal?: AbortSignal) =>
  call<IndicatorsResult>(client.GET('/awards/indicators', { params: { query: toQuery(q) as FilterQuery }, signal }));

export const getResults = (q: { cluster: string; from?: number; to?: number }, signal?: AbortSignal) =>
  call<ResultsResult>(client.GET('/movements/results', { params: { query: toQuery(q) as Query<'/movements/results'> }, signal }));
