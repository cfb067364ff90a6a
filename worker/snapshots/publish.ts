import type { z } from 'zod';
import { actorOf, type Identity } from '../auth/identity';
import type { ReadCost } from '../db/run';
import { resolveSummaryParams } from '../plan/resolveSummaryParams';
import type { ReadScope } from '../plan/scope';
import { recordAudit } from '../queries/auth/audit';
import { awardsSummary } from '../queries/awardsSummary';
import { EMBED_CHARTS } from '../domain/embedCharts';
import { describeChart } from '../embed/about';
import { insertSnapshot, type SnapshotRow } from '../queries/embeds';
import { currentVersion, type Geography } from '../queries/geography';
import type { createSnapshotBody } from '../validation/embeds';
import type { SummaryQuery } from '../validation/summaryQuery';

/** Computes the chart now, within the publisher's scope, and keeps the answer for good. */
export async function publishSnapshot(
  db: D1Database,
  cost: ReadCost,
  geo: Geography,
  who: Identity,
  scope: ReadScope,
  body: z.infer<typeof createSnapshotBody>,
  params: Record<string, string>,
  query: SummaryQuery,
): Promise<SnapshotRow> {
  const state = await currentVersion(db, cost);
  const result = await awardsSummary(db, cost, geo, resolveSummaryParams(geo, query, scope));
  const row: SnapshotRow = {
    id: crypto.randomUUID(),
    chart: body.chart,
    params: JSON.stringify(params),
    label: body.label ?? null,
    // the area and years in words are frozen with the figures
    data: JSON.stringify({
      ...result,
      about: describeChart(geo, query, scope, result.rows, EMBED_CHARTS[body.chart].dimension),
    }),
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
