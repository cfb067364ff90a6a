import type { z } from 'zod';
import type { SnapshotListRow, SnapshotRow } from '../queries/embeds';
import type { listedSnapshot, snapshot } from '../validation/embeds';

const snapshotUrl = (id: string, origin: string) => `${origin}/snapshot/${id}`;

export function snapshotView(row: SnapshotRow, origin: string): z.infer<typeof snapshot> {
  // snapshots published before `about` existed have none: the page then names their filters
  const { about, ...data } = JSON.parse(row.data);
  return {
    id: row.id,
    chart: row.chart as z.infer<typeof snapshot>['chart'],
    params: JSON.parse(row.params),
    label: row.label,
    data_version: row.data_version,
    created_at: row.created_at,
    url: snapshotUrl(row.id, origin),
    data,
    about: about ?? null,
  };
}

export const listedView = (row: SnapshotListRow, origin: string): z.infer<typeof listedSnapshot> => ({
  ...row,
  chart: row.chart as z.infer<typeof snapshot>['chart'],
  params: JSON.parse(row.params),
  url: snapshotUrl(row.id, origin),
  status: row.withdrawn_at ? 'withdrawn' : 'published',
});
