import { z } from 'zod';
import type { ReadScope } from '../plan/scope';
import type { Geography } from '../queries/geography';
import { nameOf } from '../files/table';
import { areaName, yearsText, type Query } from '../files/words';

const label = z.object({ vi: z.string(), en: z.string() });

// What an embedded chart or a snapshot is of, in words in both languages (the page picks one):
// "Tỉnh Thái Bình" and "2016–2024", never "unit=TB, from=2016". Frozen into a snapshot when it
// is published, so a later rename does not change a published report.

export const chartAbout = z
  .object({
    area: label.describe('The area the figures cover'),
    years: label.describe('The years, e.g. 2016–2024'),
    names: z
      .record(z.string(), label)
      .optional()
      .describe(
        "Names of the codes in the rows, where the chart's dimension is a catalog (units, award types, movements)",
      ),
  })
  .describe('The area and years of the chart, in words');
export type ChartAbout = z.infer<typeof chartAbout>;

const CATALOGS = new Set(['unit', 'award', 'movement']);

export function describeChart(
  geo: Geography,
  query: Query,
  scope: ReadScope,
  rows: Record<string, unknown>[],
  dimension: string,
): ChartAbout {
  const years = rows.map((r) => r.year).filter((y): y is number => typeof y === 'number');
  const about: ChartAbout = {
    area: { vi: areaName(geo, query, scope, 'vi'), en: areaName(geo, query, scope, 'en') },
    years: { vi: yearsText(query, 'vi', years), en: yearsText(query, 'en', years) },
  };
  // an embed page has no catalog of its own (nobody is signed in): the names come with the figures
  if (CATALOGS.has(dimension)) {
    const codes = [...new Set(rows.map((r) => r[dimension]).filter((v): v is string => typeof v === 'string'))];
    about.names = Object.fromEntries(
      codes.map((code) => [
        code,
        { vi: nameOf(geo, dimension, code, 'vi') ?? code, en: nameOf(geo, dimension, code, 'en') ?? code },
      ]),
    );
  }
  return about;
}
