import { Paragraph, AlignmentType } from 'docx';
import { ChartRun } from 'docx/charts';
import { DIMENSION_REGISTRY } from '../domain/dimensions';
import type { YearEndStats } from './yearEnd';

// The statistics section's charts as Word charts (docx's ChartRun): Word and LibreOffice draw
// them from the data kept in the document, so they print sharp at any size and "Edit Data"
// opens their figures; no browser is needed in the Worker to make a picture.

// 16 cm wide at 96 px per inch fits the 16.5 cm between the margins (210 - 30 - 15 mm)
const SIZE = { width: 605, height: 300 };
const FONT = { name: 'Times New Roman' };
// the dashboard's colours for last year and this year
const PREVIOUS = 'A6BDDB';
const CURRENT = '0070B0';

// vi-VN digits (20.830) whatever the reader's locale: '#,##0' would follow Word's or LibreOffice's
// own settings, and the tables beside the chart are written in vi-VN
const VI_COUNT = '[>=1000000]#"."###"."##0;[>=1000]#"."##0;0';

const total = (k: { collective: number; individual: number; household: number }) =>
  k.collective + k.individual + k.household;

function chart(run: ChartRun): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run] });
}

/** Awards by level, last year beside this year (Biểu đồ 1). */
export function tierChart(s: YearEndStats): Paragraph {
  const y = s.year;
  return chart(
    new ChartRun({
      type: 'column',
      font: FONT,
      transformation: SIZE,
      categories: s.by_tier.map((t) => DIMENSION_REGISTRY.tier.labels[t.tier].vi),
      series: [
        { name: `Năm ${y - 1}`, values: s.by_tier.map((t) => total(t.previous)), color: PREVIOUS },
        { name: `Năm ${y}`, values: s.by_tier.map((t) => total(t.current)), color: CURRENT },
      ],
      valueAxis: { numberFormat: VI_COUNT },
      dataLabels: { value: true, numberFormat: VI_COUNT },
      altText: {
        name: `Biểu đồ 1`,
        description: `Số khen thưởng theo cấp khen, năm ${y} so với năm ${y - 1}`,
        title: `Biểu đồ 1`,
      },
    }),
  );
}

/** Shares of individual awards to direct laborers, non-leaders and women, last year beside this year (Biểu đồ 2). */
export function peopleChart(s: YearEndStats): Paragraph {
  const [prev, cur] = s.people;
  const share = (p: typeof cur, k: 'direct' | 'non_leaders' | 'women') => (p.individual ? p[k] / p.individual : null);
  const groups = ['direct', 'non_leaders', 'women'] as const;
  return chart(
    new ChartRun({
      type: 'column',
      font: FONT,
      transformation: SIZE,
      categories: ['Người lao động trực tiếp', 'Không giữ chức vụ lãnh đạo, quản lý', 'Nữ'],
      series: [
        { name: `Năm ${prev.year}`, values: groups.map((g) => share(prev, g)), color: PREVIOUS },
        { name: `Năm ${cur.year}`, values: groups.map((g) => share(cur, g)), color: CURRENT },
      ],
      valueAxis: { numberFormat: '0%', minimum: 0, maximum: 1 },
      dataLabels: { value: true, numberFormat: '0.0%' },
      altText: {
        name: 'Biểu đồ 2',
        description: `Tỷ lệ khen thưởng cá nhân theo đối tượng, năm ${cur.year} so với năm ${prev.year}`,
        title: 'Biểu đồ 2',
      },
    }),
  );
}
