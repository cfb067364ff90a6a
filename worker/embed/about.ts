import { z } from 'zod';
import type { ReadScope } from '../plan/scope';
import type { Geography } from '../queries/geography';
import { areaName, yearsText, type Query } from '../files/words';

// What an embedded chart or a snapshot is of, in words in both languages (the page picks one):
// "Tỉnh Thái Bình" and "2016–2024", never "unit=TB, from=2016". Frozen into a snapshot when it
// is published, so a later rename does not change a published report.

export const chartAbout = z
  .object({
    area: z.object({ vi: z.string(), en: z.string() }).describe('The area the figures cover'),
    years: z.object({ vi: z.string(), en: z.string() }).describe('The years, e.g. 2016–2024'),
  })
  .describe('The area and years of the chart, in words');
export type ChartAbout = z.infer<typeof chartAbout>;

export function describeChart(geo: Geography, query: Query, scope: ReadScope, rows: Record<string, unknown>[]) {
  const years = rows.map((r) => r.year).filter((y): y is number => typeof y === 'number');
  return {
    area: { vi: areaName(geo, query, scope, 'vi'), en: areaName(geo, query, scope, 'en') },
    years: { vi: yearsText(query, 'vi', years), en: yearsText(query, 'en', years) },
  } satisfies ChartAbout;
}
