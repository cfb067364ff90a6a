import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { api } from './auth';

// Big files through R2 and the import Workflow: send, follow, cancel, and steer the Workflow's
// steps through the test-only markers of worker/workflows/faults.ts.

export const HEAD = 'year,award_code,unit_code,recipient_kind,quantity';
export const rows = (n: number, year = 2011, quantity = 1) =>
  Array.from({ length: n }, (_, i) => `${year},LDTT,${i % 2 ? 'C1' : 'C2'},individual,${quantity}`);
export const file = (lines: string[]) => `${lines.join('\n')}\n`;

export interface UploadView {
  id: string;
  stage: string;
  rows_read: number;
  rows_checked: number;
  errors: number;
  batch_id: number | null;
  batch_status: string | null;
  progress: number | null;
  can_cancel: boolean;
  result: Record<string, unknown> | null;
}

export async function send(body: string, type = 'text/csv', query = '') {
  const res = await api(`http://local/api/v1/uploads/awards${query}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
  return { status: res.status, body: (await res.json()) as { upload?: UploadView; error?: string; error_vi?: string } };
}

export async function view(id: string): Promise<UploadView> {
  const res = await api(`http://local/api/v1/uploads/${id}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { upload: UploadView }).upload;
}

export async function cancel(id: string) {
  const res = await api(`http://local/api/v1/uploads/${id}`, { method: 'DELETE' });
  return { status: res.status, body: (await res.json()) as { upload?: UploadView; error?: string } };
}

const FINAL = ['done', 'invalid', 'duplicate', 'cancelled', 'failed'];

/** Polls the upload until `until` holds (by default: it ended); fails after `ms`. */
export async function follow(id: string, until = (u: UploadView) => FINAL.includes(u.stage), ms = 60_000) {
  const started = Date.now();
  for (;;) {
    const u = await view(id);
    if (until(u)) return u;
    if (Date.now() - started > ms) throw new Error(`upload ${id} still at ${JSON.stringify(u)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The Workflow instance's own end (its clean-up step included). */
export async function settled(id: string) {
  const instance = await env.IMPORT_WORKFLOW.get(id);
  for (let i = 0; i < 1200; i++) {
    const s = await instance.status();
    if (['complete', 'errored', 'terminated'].includes(s.status)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`workflow ${id} did not end`);
}

export const failOnce = (step: 'read' | 'commit', at: number) =>
  env.UPLOADS.put(`test-faults/fail-${step}`, String(at));
export const hold = (step: 'read' | 'commit', at: number) => env.UPLOADS.put(`test-faults/hold-${step}`, String(at));
export const release = (step: 'read' | 'commit') => env.UPLOADS.delete(`test-faults/hold-${step}`);
export const marker = async (step: 'read' | 'commit') => (await env.UPLOADS.head(`test-faults/fail-${step}`)) !== null;

export const count = async (sql: string, ...bind: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...bind)
    .first<{ n: number }>())!.n;
export const rawRows = (batch: number) => count('SELECT COUNT(*) AS n FROM awards WHERE batch_id = ?', batch);
export const storedFiles = async () => (await env.UPLOADS.list({ prefix: 'uploads/' })).objects.length;
