import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { DIMENSION_REGISTRY } from '../domain/dimensions';
import type { AwardTier, RecipientKind } from '../domain/enums';
import { officialName, placeDate, placeName, vnToday } from './formHeader';
import type { YearEndStats } from './yearEnd';
import { peopleChart, tierChart } from './yearEndCharts';

// The year-end report as a Word document in the format of Decree 30/2020/NĐ-CP, Appendix I:
// A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; Quốc hiệu
// bold capitals 12.5 pt, Tiêu ngữ bold 13.5 pt with a rule under it; the issuing body; place and
// date italic 14 pt; "BÁO CÁO" bold 14 pt; body 14 pt; page numbers at the top centre from page 2.
// The statistics are written from the data; the narrative parts are headed placeholders.

const FONT = 'Times New Roman';
/** Millimetres to twips, rounded (A4 is 11906 × 16838). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const pt = (n: number) => n * 2; // docx sizes are half-points
const BODY = pt(14);
const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const pf = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const num = (n: number) => nf.format(n);
const pct = (part: number, whole: number) => (whole ? pf.format(part / whole) : '–');
const KINDS: RecipientKind[] = ['collective', 'individual', 'household'];
const total = (k: Record<RecipientKind, number>) => k.collective + k.individual + k.household;

function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  return new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics });
}

function para(
  text: string | TextRun[],
  o: Omit<IParagraphOptions, 'children' | 'text'> & { bold?: boolean; italics?: boolean; size?: number } = {},
) {
  const { bold, italics, size, ...rest } = o;
  return new Paragraph({
    spacing: { before: 0, after: 120, line: 288 },
    ...rest,
    children: typeof text === 'string' ? [run(text, { bold, italics, size })] : text,
  });
}

const body = (text: string) =>
  para(text, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: convertMillimetersToTwip(10) } });
const heading = (text: string) => para(text, { bold: true, spacing: { before: 120, after: 120 }, keepNext: true });
const placeholder = (text: string) =>
  para(`[${text}]`, {
    italics: true,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
  });

function cell(
  text: string,
  o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; span?: number } = {},
) {
  return new TableCell({
    columnSpan: o.span,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      para(text, {
        bold: o.bold,
        size: pt(12),
        alignment: o.align ?? AlignmentType.LEFT,
        spacing: { before: 0, after: 0 },
      }),
    ],
  });
}

/** A row of a table, or a group heading spanning the whole row (a level, a cluster). */
type Row = string[] | { group: string };

/** A Word chart with its caption above it, as the tables have theirs. */
function figure(caption: string, chart: Paragraph): Paragraph[] {
  return [
    para(caption, {
      italics: true,
      size: pt(13),
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60 },
    }),
    chart,
  ];
}

/** A real Word table: a header row repeated on every page, numbers right-aligned, group rows in bold. */
function table(head: string[], rows: Row[], widths: number[], caption: string): (Paragraph | Table)[] {
  const tw = widths.map((w) => convertMillimetersToTwip(w));
  return [
    para(caption, {
      italics: true,
      size: pt(13),
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60 },
    }),
    new Table({
      width: { size: tw.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: tw,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: head.map((h) => cell(h, { bold: true, align: AlignmentType.CENTER })),
        }),
        ...rows.map((r, i) =>
          'group' in r
            ? new TableRow({ cantSplit: true, children: [cell(r.group, { bold: true, span: head.length })] })
            : new TableRow({
                cantSplit: true,
                children: r.map((v, j) =>
                  cell(v, {
                    bold: i === rows.length - 1 && r[0] === 'Tổng số',
                    align: j > 0 && /^[\d.,%–\s]+$/.test(v) ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  }),
                ),
              }),
        ),
      ],
    }),
    para('', { spacing: { after: 60 } }),
  ];
}

/** Rows grouped under a heading row each time `key` changes (rows already sorted by it). */
function grouped<T>(items: T[], key: (x: T) => string, row: (x: T) => string[]): Row[] {
  const out: Row[] = [];
  let last: string | undefined;
  for (const x of items) {
    if (key(x) !== last) {
      last = key(x);
      out.push({ group: last });
    }
    out.push(row(x));
  }
  return out;
}

const ADMIN = /^(Tỉnh|Thành phố|Huyện|Thị xã|Quận|Xã|Phường|Thị trấn|Đặc khu)\s/;

/** The issuing body: the People's Committee's emulation council for an administrative unit. */
function issuingBody(unitName: string): [string, string] {
  const name = officialName(unitName);
  const superior = ADMIN.test(name) ? `Ủy ban nhân dân ${name}` : name;
  return [superior.toLocaleUpperCase('vi'), 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG'];
}

function changeWords(current: number, previous: number): string {
  if (!previous) return 'năm trước chưa có số liệu để so sánh';
  const d = (current - previous) / previous;
  if (Math.abs(d) < 0.0005) return 'bằng năm trước';
  return `${d > 0 ? 'tăng' : 'giảm'} ${pf.format(Math.abs(d))} so với năm trước`;
}

export async function yearEndDocx(s: YearEndStats, today = vnToday()): Promise<ArrayBuffer> {
  const y = s.year;
  const p = y - 1;
  const [superior, body1] = issuingBody(s.unit_name);
  const place = placeName(s.unit_name);
  const noBorders = TableBorders.NONE;

  const headerBlock = new Table({
    borders: noBorders,
    width: { size: convertMillimetersToTwip(165), type: WidthType.DXA },
    columnWidths: [convertMillimetersToTwip(65), convertMillimetersToTwip(100)],
    rows: [
      new TableRow({
        children: [
          new TableCell({
            borders: noBorders,
            children: [
              para(superior, { size: pt(13), alignment: AlignmentType.CENTER, spacing: { after: 0 } }),
              para(body1, { bold: true, size: pt(13), alignment: AlignmentType.CENTER, spacing: { after: 0 } }),
              para('', {
                alignment: AlignmentType.CENTER,
                border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
                indent: { left: convertMillimetersToTwip(20), right: convertMillimetersToTwip(20) },
                spacing: { after: 120 },
                size: pt(4),
              }),
              para(`Số:      /BC-HĐTĐKT`, { size: pt(13), alignment: AlignmentType.CENTER }),
            ],
          }),
          new TableCell({
            borders: noBorders,
            children: [
              para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
                bold: true,
                size: pt(12.5),
                alignment: AlignmentType.CENTER,
                spacing: { after: 0 },
              }),
              para('Độc lập - Tự do - Hạnh phúc', {
                bold: true,
                size: pt(13.5),
                alignment: AlignmentType.CENTER,
                spacing: { after: 0 },
              }),
              para('', {
                border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
                indent: { left: convertMillimetersToTwip(22), right: convertMillimetersToTwip(22) },
                spacing: { after: 120 },
                size: pt(4),
              }),
              para(placeDate(place, today, 'vi'), { italics: true, size: pt(14), alignment: AlignmentType.CENTER }),
            ],
          }),
        ],
      }),
    ],
  });

  const cur = s.totals.current_kinds;
  const _prev = s.totals.previous_kinds;
  const tierLabel = (t: string) => DIMENSION_REGISTRY.tier.labels[t as AwardTier].vi;
  const kindLabel = (k: RecipientKind) => DIMENSION_REGISTRY.kind.labels[k].vi;

  const tierRows: Row[] = s.by_tier.map((t) => [
    tierLabel(t.tier),
    ...KINDS.map((k) => num(t.current[k])),
    num(total(t.current)),
    num(total(t.previous)),
  ]);
  tierRows.push(['Tổng số', ...KINDS.map((k) => num(cur[k])), num(s.totals.current), num(s.totals.previous)]);
  const awardRows = grouped(
    s.by_award,
    (a) => tierLabel(a.tier),
    (a) => [a.name, ...KINDS.map((k) => num(a.current[k])), num(total(a.current)), num(a.previous)],
  );
  awardRows.push(['Tổng số', ...KINDS.map((k) => num(cur[k])), num(s.totals.current), num(s.totals.previous)]);
  const people = s.people;
  const [pp, pc] = people;
  const peopleRows = [
    ['Khen thưởng cá nhân', num(pc.individual), '100%', num(pp.individual), '100%'],
    [
      'Người lao động trực tiếp',
      num(pc.direct),
      pct(pc.direct, pc.individual),
      num(pp.direct),
      pct(pp.direct, pp.individual),
    ],
    [
      'Cán bộ lãnh đạo, quản lý',
      num(pc.leaders),
      pct(pc.leaders, pc.individual),
      num(pp.leaders),
      pct(pp.leaders, pp.individual),
    ],
    [
      'Không giữ chức vụ lãnh đạo',
      num(pc.non_leaders),
      pct(pc.non_leaders, pc.individual),
      num(pp.non_leaders),
      pct(pp.non_leaders, pp.individual),
    ],
    ['Nữ', num(pc.women), pct(pc.women, pc.individual), num(pp.women), pct(pp.women, pp.individual)],
  ];
  const ad = s.ad_hoc;
  const clusterRows = grouped(
    s.clusters,
    (c) => c.cluster_name,
    (c) => [c.unit_name, c.score === null ? '' : num(c.score), num(c.rank), c.proposed_award_name ?? ''],
  );
  const proposed = s.clusters.filter((c) => c.proposed_award);
  const kindWords = (k: Record<RecipientKind, number>) =>
    KINDS.filter((x) => k[x])
      .map((x) => `${num(k[x])} ${kindLabel(x).toLocaleLowerCase('vi')}`)
      .join(', ') || 'không có';

  const bounds = s.as_of
    ? ` (số liệu tính theo địa giới hành chính ngày ${s.as_of.split('-').reverse().join('/')})`
    : '';
  const children: (Paragraph | Table)[] = [
    headerBlock,
    para('BÁO CÁO', { bold: true, size: pt(14), alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0 } }),
    para(`Tổng kết công tác thi đua, khen thưởng năm ${y}`, {
      bold: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
    }),
    para(`và phương hướng, nhiệm vụ năm ${y + 1}`, {
      bold: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
    }),
    para('', {
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      indent: { left: convertMillimetersToTwip(65), right: convertMillimetersToTwip(65) },
      spacing: { after: 240 },
      size: pt(4),
    }),
    heading(`I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA NĂM ${y}`),
    heading('1. Công tác chỉ đạo, tổ chức các phong trào thi đua'),
    placeholder(
      'Phần do người soạn báo cáo viết: việc quán triệt, ban hành văn bản, tổ ' +
        'chức các phong trào thi đua thường xuyên và theo chuyên đề, kết quả ' +
        'nổi bật',
    ),
    heading('2. Kết quả các phong trào thi đua'),
    placeholder('Phần do người soạn báo cáo viết: kết quả các phong trào thi đua, điển hình tiên tiến, nhân tố mới'),
    heading(`II. CÔNG TÁC KHEN THƯỞNG NĂM ${y}`),
    heading('1. Kết quả khen thưởng'),
    body(
      `Năm ${y}, ${s.unit_name}${bounds} có ${num(s.totals.current)} lượt ` +
        `khen thưởng (năm ${p}: ${num(s.totals.previous)}), ` +
        `${changeWords(s.totals.current, s.totals.previous)}; trong đó ` +
        `${kindWords(cur)}.`,
    ),
    ...table(
      ['Cấp khen', 'Tập thể', 'Cá nhân', 'Hộ gia đình', `Năm ${y}`, `Năm ${p}`],
      tierRows,
      [55, 20, 20, 22, 24, 24],
      `Bảng 1. Số khen thưởng theo cấp khen, năm ${y} so với năm ${p}`,
    ),
    ...figure(`Biểu đồ 1. Số khen thưởng theo cấp khen, năm ${y} so với năm ${p}`, tierChart(s)),
    ...table(
      ['Danh hiệu, hình thức khen thưởng', 'Tập thể', 'Cá nhân', 'Hộ gia đình', `Năm ${y}`, `Năm ${p}`],
      awardRows,
      [65, 18, 18, 20, 22, 22],
      `Bảng 2. Số khen thưởng theo danh hiệu, hình thức, năm ${y} so với năm ${p}`,
    ),
    heading('2. Khen thưởng người lao động trực tiếp, người không giữ chức vụ lãnh đạo và phụ nữ'),
    body(
      `Trong ${num(pc.individual)} lượt khen thưởng cá nhân năm ${y}, người ` +
        `lao động trực tiếp (công nhân, nông dân, người lao động) được khen ` +
        `${num(pc.direct)} lượt (${pct(pc.direct, pc.individual)}; năm ${p}: ` +
        `${pct(pp.direct, pp.individual)}); người không giữ chức vụ lãnh đạo, ` +
        `quản lý ${num(pc.non_leaders)} lượt (${pct(pc.non_leaders, pc.individual)}; ` +
        `năm ${p}: ${pct(pp.non_leaders, pp.individual)}); nữ ${num(pc.women)} ` +
        `lượt (${pct(pc.women, pc.individual)}; năm ${p}: ` +
        `${pct(pp.women, pp.individual)}).`,
    ),
    ...table(
      ['Đối tượng', `Năm ${y}`, 'Tỷ lệ', `Năm ${p}`, 'Tỷ lệ'],
      peopleRows,
      [67, 25, 24, 25, 24],
      `Bảng 3. Khen thưởng cá nhân theo đối tượng, năm ${y} so với năm ${p}`,
    ),
    ...figure(`Biểu đồ 2. Tỷ lệ khen thưởng cá nhân theo đối tượng, năm ${y} so với năm ${p}`, peopleChart(s)),
    heading('3. Khen thưởng đột xuất'),
    body(
      `Năm ${y} có ${num(total(ad.current))} lượt khen thưởng đột xuất (năm ` +
        `${p}: ${num(total(ad.previous))}); trong đó ${kindWords(ad.current)}.`,
    ),
    heading('4. Kết quả thi đua của các cụm, khối thi đua'),
    ...(clusterRows.length
      ? [
          body(
            proposed.length
              ? `Năm ${y}, ${num(proposed.length)} đơn vị được cụm, khối thi đua suy ` +
                  `tôn, đề nghị khen thưởng: ` +
                  `${proposed.map((c) => `${c.unit_name} (${c.proposed_award_name}, ${c.cluster_name})`).join('; ')}.`
              : `Năm ${y}, các cụm, khối thi đua chưa có đơn vị được đề nghị khen thưởng.`,
          ),
          ...table(
            ['Cụm, khối thi đua và thành viên', 'Điểm', 'Xếp hạng', 'Đề nghị khen thưởng'],
            clusterRows,
            [75, 22, 22, 46],
            `Bảng 4. Kết quả chấm điểm, xếp hạng thi đua năm ${y}`,
          ),
        ]
      : [
          body(
            `Năm ${y} chưa có kết quả chấm điểm, xếp hạng thi đua của cụm, khối ` +
              `nào có thành viên thuộc ${s.unit_name}.`,
          ),
        ]),
    heading('III. ĐÁNH GIÁ CHUNG'),
    heading('1. Ưu điểm'),
    placeholder('Phần do người soạn báo cáo viết'),
    heading('2. Tồn tại, hạn chế và nguyên nhân'),
    placeholder('Phần do người soạn báo cáo viết'),
    heading(`IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${y + 1}`),
    placeholder('Phần do người soạn báo cáo viết'),
    heading('V. KIẾN NGHỊ, ĐỀ XUẤT'),
    placeholder('Phần do người soạn báo cáo viết'),
    new Table({
      borders: noBorders,
      width: { size: convertMillimetersToTwip(165), type: WidthType.DXA },
      columnWidths: [convertMillimetersToTwip(68), convertMillimetersToTwip(97)],
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              borders: noBorders,
              width: { size: convertMillimetersToTwip(68), type: WidthType.DXA },
              children: [
                para('Nơi nhận:', { bold: true, italics: true, size: pt(12), spacing: { before: 240, after: 0 } }),
                para('- Như trên;', { size: pt(11), spacing: { after: 0 } }),
                para('- Lưu: VT.', { size: pt(11), spacing: { after: 0 } }),
              ],
            }),
            new TableCell({
              borders: noBorders,
              width: { size: convertMillimetersToTwip(97), type: WidthType.DXA },
              children: [
                para('TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', {
                  bold: true,
                  size: pt(13),
                  alignment: AlignmentType.CENTER,
                  spacing: { before: 240, after: 0 },
                }),
                para('CHỦ TỊCH', {
                  bold: true,
                  size: pt(13),
                  alignment: AlignmentType.CENTER,
                  spacing: { after: 1200 },
                }),
                para('[Họ và tên]', { bold: true, size: pt(14), alignment: AlignmentType.CENTER }),
              ],
            }),
          ],
        }),
      ],
    }),
  ];

  const doc = new Document({
    creator: 'thidua',
    title: `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${y} – ${s.unit_name}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
              header: convertMillimetersToTwip(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toArrayBuffer(doc);
}
