import { api } from './auth';
import { env } from 'cloudflare:test';
import { demoToSql } from '../../scripts/demo/toSql';
import type { AwardRecord, DemoDataset } from '../../scripts/demo/types';

/** Loads a dataset through the same SQL path `npm start` uses for the demo. */
export async function load(dataset: DemoDataset) {
  const statements = demoToSql(dataset, '2026-01-01T00:00:00.000Z');
  for (let i = 0; i < statements.length; i += 50) {
    await env.DB.batch(statements.slice(i, i + 50).map((s) => env.DB.prepare(s)));
  }
}

export async function resetDatabase() {
  await env.DB.batch(
    [
      'DELETE FROM award_cube',
      'DELETE FROM cube_unit_years',
      'DELETE FROM awards',
      'DELETE FROM award_batch_sums',
      'DELETE FROM movement_results',
      'DELETE FROM cluster_members',
      'DELETE FROM clusters',
      'DELETE FROM unit_lineage',
      'DELETE FROM unit_closure',
      'DELETE FROM movements',
      'DELETE FROM award_types WHERE builtin = 0',
      'DELETE FROM units',
      'DELETE FROM import_batches',
      "UPDATE data_state SET version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    ].map((s) => env.DB.prepare(s)),
  );
}

export function dataset(awards: AwardRecord[], extra: Partial<DemoDataset> = {}): DemoDataset {
  const byYear = new Map<number, AwardRecord[]>();
  for (const a of awards) byYear.set(a.year, [...(byYear.get(a.year) ?? []), a]);
  return {
    units: [],
    unit_lineage: [],
    clusters: [],
    cluster_members: [],
    movements: [],
    award_types: [],
    movement_results: [],
    ...extra,
    awards: byYear,
  };
}

export interface Summary {
  rows: (Record<string, string | number | null> & { count: number })[];
  total: number;
  /** With `months` only. */
  undated?: { year: number; count: number }[];
  latest_decision?: string | null;
}

export async function summary(query: string): Promise<{
  status: number;
  body: Summary & { error?: string; error_vi?: string; parameter?: string };
  rowsRead: number;
}> {
  const res = await api(`http://local/api/v1/awards/summary${query ? `?${query}` : ''}`);
  return { status: res.status, body: await res.json(), rowsRead: Number(res.headers.get('X-Rows-Read')) };
}

/** Direct writes in a test must announce themselves like imports do, or caches stay stale. */
export async function bumpDataVersion() {
  await env.DB.prepare(
    "UPDATE data_state SET version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
  ).run();
}

/** One award record of a hand-computed fixture. */
export const award = (
  year: number,
  award_code: string,
  unit_code: string,
  recipient_kind: AwardRecord['recipient_kind'],
  quantity: number,
  more: Partial<AwardRecord> = {},
): AwardRecord => ({ year, award_code, unit_code, recipient_kind, quantity, ...more });
