import type { z } from 'zod';
import { actorOf, type Identity } from '../auth/identity';
import type { ReadCost } from '../db/run';
import type { ReadScope } from '../plan/scope';
import { recordAudit } from '../queries/auth/audit';
import { chartAnswer } from '../embed/answer';
import type { ChartQuery } from '../embed/chartQuery';
import { insertSnapshot, type SnapshotRow } from '../queries/embeds';
import { currentVersion, type Geography } from '../queries/geography';
import type { createSnapshotBody } from '../validation/embeds';

/** Computes the chart now, within the publisher's scope, and keeps the answer for good. */
export async function publishSnapshot(
  db: D1Database,
  cost: ReadCost,
  geo: Geography,
  who: Identity,
  scope: ReadScope,
  body: z.infer<typeof createSnapshotBody>,
  params: Record<string, string>,
  query: ChartQuery,
): Promise<SnapshotRow> {
  const state = await currentVersion(db, cost);
  // the area and years in words are frozen with the figures
  const answer = await chartAnswer(db, cost, geo, body.chart, query, scope);
  const row: SnapshotRow = {
    id: crypto.randomUUID(),
    chart: body.chart,
    params: JSON.stringify(params),
    label: body.label ?? null,
    data: JSON.stringify(answer),
    data_version: state.version,
    created_at: new Date().toISOString(),
    created_by: actorOf(who),
    withdrawn_at: null,
    withdrawn_by: null,
  };
  await insertSnapshot(db, cost, row);
  await recordAudit(db, {
    actor: row.created_by,
    action: 'snapshot_publish',
    target: row.id,
    detail: { chart: row.chart, params, label: row.label },
  });
  return row;
}
