import { api } from './auth';
import { env } from 'cloudflare:test';

export const AUTH = { authorization: 'Bearer test-admin-token-7Qm2xWv9Lk4Rt8Zp3Hs6Jd1N' };
export const CSV = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportResponse {
  status: number;
  body: {
    error?: string;
    error_vi?: string;
    errors?: { row: number; column: string | null; value: string | null; message: string; message_vi: string }[];
    total?: number;
    errors_truncated?: boolean;
    batch?: { id: number | null; dataset: string; rows: number; status?: string; content_hash?: string };
    duplicate_of?: number;
    dry_run?: boolean;
    warnings?: { row: number; column: string | null; value: string | null; message: string; message_vi: string }[];
  };
}

export async function upload(dataset: string, body: BodyInit | null, type = CSV, query = ''): Promise<ImportResponse> {
  const res = await api(`http://local/api/v1/imports/${dataset}${query}`, {
    method: 'POST',
    headers: { ...AUTH, ...(type ? { 'content-type': type } : {}) },
    body,
  });
  return { status: res.status, body: await res.json() };
}

export async function rollback(id: number) {
  const res = await api(`http://local/api/v1/imports/${id}`, { method: 'DELETE', headers: AUTH });
  return { status: res.status, body: (await res.json()) as { error?: string; batch?: { status: string } } };
}

export async function consistency() {
  const res = await api('http://local/api/v1/imports/consistency');
  return (await res.json()) as { ok: boolean; committed_quantity: number };
}

const TABLES = [
  'import_batches',
  'units',
  'unit_lineage',
  'clusters',
  'cluster_members',
  'movements',
  'award_types',
  'awards',
  'award_batch_sums',
  'movement_results',
  'award_cube',
  'unit_closure',
];

/** Everything an import could change: table sizes, the cube total, the data version, the batch list. */
export async function snapshot() {
  const counts = await env.DB.batch(TABLES.map((t) => env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`)));
  const version = await env.DB.prepare('SELECT version FROM data_state').first<{ version: number }>();
  const summary = await (await api('http://local/api/v1/awards/summary?group_by=year')).json();
  const batches = await (await api('http://local/api/v1/imports')).json();
  return {
    tables: Object.fromEntries(TABLES.map((t, i) => [t, (counts[i].results[0] as { n: number }).n])),
    version: version?.version,
    summary,
    batches,
  };
}

export const csv = (lines: string[], eol = '\n') => lines.join(eol) + eol;
