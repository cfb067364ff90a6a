// The dashboard's typed client: request and response types come from the worker's own
// query layer, so a change there breaks the build here instead of the page at run time.
import type { Meta } from '../../../worker/queries/meta';
import type { SummaryResult, SummaryDimension } from '../../../worker/queries/awardsSummary';
import type { ImportBatch } from '../../../worker/queries/imports/batches';
import type { RowError } from '../../../worker/imports/run';
import type { Dataset } from '../../../worker/domain/enums';

export type { Meta, SummaryResult, SummaryDimension, ImportBatch, RowError, Dataset };

export interface SummaryRequest {
  group_by?: SummaryDimension[];
  from?: number;
  to?: number;
  unit?: string;
  award?: string[];
  tier?: string[];
  category?: string[];
  kind?: string[];
  gender?: string[];
  class?: string[];
  method?: string[];
  movement?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (body as { error?: string } | null)?.error ?? res.statusText);
  return body as T;
}

export function getMeta(signal?: AbortSignal): Promise<Meta> {
  return getJson<Meta>('/api/v1/meta', signal);
}

export function getSummary(req: SummaryRequest, signal?: AbortSignal): Promise<SummaryResult> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(req)) {
    if (v === undefined) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return getJson<SummaryResult>(`/api/v1/awards/summary?${q}`, signal);
}

/** What POST /api/v1/imports/{dataset} answers (see docs/api.md, "Imports"). */
export type ImportResult =
  | { status: 201; batch: ImportBatch }
  | { status: 200; batch: ImportBatch; duplicate_of: number }
  | { status: 200; dry_run: true; batch: { id: null; dataset: Dataset; rows: number } }
  | { status: 202; batch: ImportBatch; part: number }
  | { status: 422; error: string; error_vi: string; errors: RowError[]; total: number; errors_truncated: boolean; rows: number }
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

export function listImports(signal?: AbortSignal): Promise<{ batches: ImportBatch[] }> {
  return getJson('/api/v1/imports', signal);
}

export interface UploadOptions {
  dryRun: boolean;
  token: string;
  onProgress?: (sent: number, total: number) => void;
  /** One part of a file sent in parts (awards): see docs/api.md, "Awards files larger than one request". */
  part?: { number: number; firstRow: number; batch?: number };
}

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress. */
export function importFile(dataset: Dataset, file: Blob, name: string, opts: UploadOptions): Promise<ImportResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const q = new URLSearchParams({ filename: name.slice(0, 200) });
    if (opts.dryRun) q.set('dry_run', '1');
    if (opts.part) {
      q.set('part', String(opts.part.number));
      q.set('first_row', String(opts.part.firstRow));
      if (opts.part.batch && !opts.dryRun) q.set('batch', String(opts.part.batch));
    }
    xhr.open('POST', `/api/v1/imports/${dataset}?${q}`);
    xhr.setRequestHeader('authorization', `Bearer ${opts.token}`);
    xhr.setRequestHeader('content-type', fileType(name) ?? (file.type || 'application/octet-stream'));
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.loaded, e.total);
    xhr.onload = () => {
      let body: object;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: xhr.statusText || `HTTP ${xhr.status}` };
      }
      resolve({ status: xhr.status, ...body } as ImportResult);
    };
    xhr.onerror = () => resolve({ status: 0, error: 'network' });
    xhr.send(file);
  });
}

export async function commitImport(id: number, token: string): Promise<ImportResult> {
  const res = await fetch(`/api/v1/imports/${id}/commit`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json().catch(() => ({ error: res.statusText }))) as object;
  return { status: res.status, ...body } as ImportResult;
}

export async function rollbackImport(id: number, token: string): Promise<{ ok: boolean; error?: string; error_vi?: string }> {
  const res = await fetch(`/api/v1/imports/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => null)) as { error?: string; error_vi?: string } | null;
  return { ok: false, error: body?.error ?? res.statusText, error_vi: body?.error_vi };
}
