// The dashboard's typed client: request and response types come from the worker's own
// query layer, so a change there breaks the build here instead of the page at run time.
import type { Meta } from '../../../worker/queries/meta';
import type { SummaryResult, SummaryDimension } from '../../../worker/queries/awardsSummary';

export type { Meta, SummaryResult, SummaryDimension };

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
