import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwardRecord } from '../../scripts/demo/types';
import { api } from './auth';
import { load, resetDatabase, summary } from './helpers';
import { as, person, resetAccess, type Person } from './people';
import { REORG } from './reorg-fixture';

// The year-end report on the reorganisation fixture (reorg-fixture.ts: PA and PB merge into PN
// on 1 Jul 2025) with two ad-hoc awards added. Expected figures are worked out by hand below and
// checked against the summary API.

const extra: AwardRecord[] = [
  {
    year: 2024,
    award_code: 'BK_TINH',
    unit_code: 'X2',
    recipient_kind: 'individual',
    quantity: 3,
    method: 'DOT_XUAT',
    recipient_class: 'TRUC_TIEP',
    gender: 'F',
  },
  { year: 2023, award_code: 'BK_TINH', unit_code: 'DA', recipient_kind: 'collective', quantity: 1, method: 'DOT_XUAT' },
  // PA's first half of 2025, before the merger
  {
    year: 2025,
    award_code: 'BK_TINH',
    unit_code: 'X1',
    recipient_kind: 'individual',
    quantity: 2,
    recipient_class: 'TRUC_TIEP',
  },
];

let pbAnalyst: Person;
let viewer: Person;

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  const awards = new Map(REORG.awards);
  for (const a of extra) awards.set(a.year, [...(awards.get(a.year) ?? []), a]);
  // a movement old province A launched in 2024 and still runs: under as_of it is the new province's too
  const movements = [
    {
      code: 'M_PA',
      name: 'Phong trào của tỉnh A',
      level: 'province' as const,
      kind: 'regular' as const,
      owner_code: 'PA',
      start_date: '2024-03-01',
    },
  ];
  await load({ ...REORG, awards, movements });
  pbAnalyst = await person('analyst', { unit: 'PB' });
  viewer = await person('viewer');
});

type Kinds = { collective: number; individual: number; household: number };
interface Stats {
  totals: { current: number; previous: number; change: number | null; current_kinds: Kinds; previous_kinds: Kinds };
  by_tier: { tier: string; current: Kinds; previous: Kinds }[];
  by_award: { award: string; current: Kinds; previous: number }[];
  people: { year: number; individual: number; direct: number; leaders: number; non_leaders: number; women: number }[];
  ad_hoc: { current: Kinds; previous: Kinds };
  clusters: { cluster: string; unit: string; rank: number; score: number; proposed_award: string | null }[];
}

const stats = async (q: string) => {
  const res = await api(`http://local/api/v1/reports/year-end?${q}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Stats;
};

async function documentXml(q: string): Promise<{ doc: string; files: Record<string, Uint8Array>; res: Response }> {
  const res = await api(`http://local/api/v1/reports/year-end?${q}&format=docx`);
  expect(res.status).toBe(200);
  const files = unzipSync(new Uint8Array(await res.clone().arrayBuffer()));
  return { doc: strFromU8(files['word/document.xml']), files, res };
}

/** The text of a document.xml, paragraph by paragraph. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );

describe('GET /api/v1/reports/year-end (JSON)', () => {
  it('counts the year against the year before, as the summary does', async () => {
    const s = await stats('unit=PA&year=2024');
    // 2024 in PA: X2 5 LDTT (F, LD_KHAC) + 3 BK_TINH ad hoc (F, TRUC_TIEP), PA 2 BK_TINH (M, LD_VU_SO)
    // 2023: X1 10 + X2 20 LDTT (TRUC_TIEP), DA 4 TTLDTT + 1 BK_TINH ad hoc (collective)
    expect(s.totals).toMatchObject({
      current: 10,
      previous: 35,
      current_kinds: { collective: 0, individual: 10, household: 0 },
      previous_kinds: { collective: 5, individual: 30, household: 0 },
    });
    expect(s.totals.change).toBeCloseTo((10 - 35) / 35, 6);
    const api2 = await summary('unit=PA&from=2023&to=2024&group_by=year');
    expect(Object.fromEntries(api2.body.rows.map((r) => [r.year, r.count]))).toEqual({
      2023: s.totals.previous,
      2024: s.totals.current,
    });
    expect(s.by_tier).toEqual([
      {
        tier: 'ministry_province',
        current: { collective: 0, individual: 5, household: 0 },
        previous: { collective: 1, individual: 0, household: 0 },
      },
      {
        tier: 'grassroots',
        current: { collective: 0, individual: 5, household: 0 },
        previous: { collective: 4, individual: 30, household: 0 },
      },
    ]);
    expect(s.by_award.map((a) => [a.award, a.current.individual + a.current.collective, a.previous])).toEqual([
      ['BK_TINH', 5, 1],
      ['LDTT', 5, 30],
      ['TTLDTT', 0, 4],
    ]);
    expect(s.people).toEqual([
      { year: 2023, individual: 30, direct: 30, leaders: 0, non_leaders: 30, women: 10 },
      { year: 2024, individual: 10, direct: 3, leaders: 7, non_leaders: 3, women: 8 },
    ]);
    expect(s.ad_hoc).toEqual({
      current: { collective: 0, individual: 3, household: 0 },
      previous: { collective: 1, individual: 0, household: 0 },
    });
    // cluster K in 2024: PB first (not inside PA), PA second, proposed for the PM's certificate
    expect(s.clusters).toEqual([
      expect.objectContaining({ cluster: 'K', unit: 'PA', rank: 2, score: 940, proposed_award: 'BK_TTG' }),
    ]);
  });

  it("with as_of counts a merged province's whole year: PN 2025 includes PA's first half", async () => {
    const recorded = await stats('unit=PN&year=2025');
    const whole = await stats('unit=PN&year=2025&as_of=2025-12-31');
    // as recorded: N1 30 + N2 8 + PN 3; with as_of also the first half's DA GK_HUYEN 1 and X1 BK_TINH 2
    expect(recorded.totals.current).toBe(41);
    expect(whole.totals.current).toBe(44);
    // last year on 2025's boundaries: PA and PB of 2024 (10 + 7)
    expect(whole.totals.previous).toBe(17);
    expect(recorded.totals.previous).toBe(0);
    const api2 = await summary('unit=PN&from=2024&to=2025&as_of=2025-12-31&group_by=year');
    expect(Object.fromEntries(api2.body.rows.map((r) => [r.year, r.count]))).toEqual({ 2024: 17, 2025: 44 });
  });
});

describe('GET /api/v1/reports/year-end?format=docx', () => {
  it('is a Word document in the Decree 30/2020 format whose figures are the summary API', async () => {
    const { doc, files, res } = await documentXml('unit=PA&year=2024');
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toContain('thidua-bao-cao-tong-ket-PA-2024.docx');
    const text = paragraphs(doc);
    // the heading block: issuing body, Quốc hiệu, Tiêu ngữ, place and date, the document type
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH A');
    expect(text).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text.some((p) => /^A, ngày \d{2} tháng \d{2} năm \d{4}$/.test(p))).toBe(true);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Tổng kết công tác thi đua, khen thưởng năm 2024');
    const ps = [...doc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const at = (t: string) => ps.findIndex((p) => p.includes(`>${t}<`));
    // Quốc hiệu bold 12.5 pt (25 half-points), Tiêu ngữ bold 13.5 with a rule under it, place and date italic 14
    expect(ps[at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')]).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="25"\/>/);
    expect(ps[at('Độc lập - Tự do - Hạnh phúc')]).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="27"\/>/);
    expect(ps[at('Độc lập - Tự do - Hạnh phúc') + 1]).toMatch(/<w:bottom w:val="single"/);
    const dateLine = ps.find((p) => /A, ngày \d{2} tháng \d{2} năm \d{4}/.test(p));
    expect(dateLine).toMatch(/<w:i\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(ps[at('BÁO CÁO')]).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    // Times New Roman everywhere, A4, margins top/bottom 20 mm, left 30, right 15 (twips)
    const fonts = new Set([...doc.matchAll(/w:ascii="([^"]*)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(strFromU8(files['word/styles.xml'])).toMatch(
      /<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/,
    );
    const sect = doc.slice(doc.indexOf('<w:sectPr'));
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(sect).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    // page numbers at the top centre, none on page 1
    expect(sect).toContain('<w:titlePg/>');
    const headers = Object.keys(files)
      .filter((f) => /^word\/header\d+\.xml$/.test(f))
      .map((f) => strFromU8(files[f]));
    expect(headers.some((h) => h.includes('PAGE') && h.includes('w:val="center"'))).toBe(true);
    expect(headers.some((h) => !h.includes('PAGE'))).toBe(true);
    // the statistics: this year's and last year's totals from the summary API, in vi-VN digits
    const api2 = await summary('unit=PA&from=2023&to=2024&group_by=year');
    const byYear = Object.fromEntries(api2.body.rows.map((r) => [r.year, r.count]));
    expect(
      text.some((p) => p.includes(`Năm 2024, Tỉnh A có ${byYear[2024]} lượt khen thưởng (năm 2023: ${byYear[2023]})`)),
    ).toBe(true);
    // real tables: table 1 by level, its last row the totals of both years
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const rowsOf = (tbl: string) => [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => paragraphs(r[0]));
    const tierTable = tables.map(rowsOf).find((rows) => rows[0]?.[0] === 'Cấp khen');
    expect(tierTable).toBeDefined();
    expect(tierTable![0]).toEqual(['Cấp khen', 'Tập thể', 'Cá nhân', 'Hộ gia đình', 'Năm 2024', 'Năm 2023']);
    expect(tierTable!.at(-1)).toEqual(['Tổng số', '0', '10', '0', String(byYear[2024]), String(byYear[2023])]);
    expect(tables.some((t) => t.includes('<w:tblHeader/>'))).toBe(true);
    const people = tables.map(rowsOf).find((rows) => rows[0]?.[0] === 'Đối tượng');
    expect(people!.find((r) => r[0] === 'Người lao động trực tiếp')).toEqual([
      'Người lao động trực tiếp',
      '3',
      '30%',
      '30',
      '100%',
    ]);
    // the charts: Word charts (a part each, their data in an embedded workbook) under a caption
    expect(text).toContain('Biểu đồ 1. Số khen thưởng theo cấp khen, năm 2024 so với năm 2023');
    expect(text).toContain('Biểu đồ 2. Tỷ lệ khen thưởng cá nhân theo đối tượng, năm 2024 so với năm 2023');
    expect(doc.match(/<c:chart [^>]*r:id="[^"]+"/g)).toHaveLength(2);
    const charts = Object.keys(files)
      .filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f))
      .sort();
    expect(charts).toHaveLength(2);
    expect(Object.keys(files).some((f) => /^word\/embeddings\/.*\.xlsx$/.test(f))).toBe(true);
    const tierXml = strFromU8(files[charts[0]]);
    const values = (ser: string) => [...ser.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    const series = [...tierXml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
    expect(series.map((x) => /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(x)![1])).toEqual(['Năm 2023', 'Năm 2024']);
    // categories are the levels of table 1, values its two year columns
    const levels = tierTable!.slice(1, -1);
    expect(values(/<c:cat>[\s\S]*?<\/c:cat>/.exec(series[0])![0])).toEqual(levels.map((r) => r[0]));
    expect(values(/<c:val>[\s\S]*?<\/c:val>/.exec(series[0])![0])).toEqual(levels.map((r) => r[5]));
    expect(values(/<c:val>[\s\S]*?<\/c:val>/.exec(series[1])![0])).toEqual(levels.map((r) => r[4]));
    expect(tierXml).toContain('Times New Roman');
    // the award forms under a heading row per level
    const awards = tables.map(rowsOf).find((rows) => rows[0]?.[0] === 'Danh hiệu, hình thức khen thưởng');
    expect(awards!.slice(1, -1)).toEqual([
      ['Cấp bộ, ngành, tỉnh'],
      ['Bằng khen của Chủ tịch UBND tỉnh', '0', '5', '0', '5', '1'],
      ['Cấp cơ sở'],
      ['Lao động tiên tiến', '0', '5', '0', '5', '30'],
      ['Tập thể lao động tiên tiến', '0', '0', '0', '0', '4'],
    ]);
    // the clusters' results under a heading row per cluster
    const clusters = tables.map(rowsOf).find((rows) => rows[0]?.[0] === 'Cụm, khối thi đua và thành viên');
    expect(clusters!.slice(1)).toEqual([['Cụm K'], ['Tỉnh A', '940', '2', 'Bằng khen của Thủ tướng Chính phủ']]);
    // ad-hoc awards and the narrative placeholders
    expect(text.some((p) => p.startsWith('Năm 2024 có 3 lượt khen thưởng đột xuất (năm 2023: 1)'))).toBe(true);
    expect(text).toContain('III. ĐÁNH GIÁ CHUNG');
    expect(text.filter((p) => p.startsWith('[Phần do người soạn báo cáo viết')).length).toBeGreaterThanOrEqual(4);
  });

  it('names the boundaries the figures are counted on under as_of', async () => {
    const { doc } = await documentXml('unit=PN&year=2025&as_of=2025-12-31');
    expect(
      paragraphs(doc).some((p) =>
        p.includes(
          'Tỉnh mới (số liệu tính theo địa giới hành chính ngày 31/12/2025) có 44 lượt khen thưởng (năm 2024: 17)',
        ),
      ),
    ).toBe(true);
  });
});

describe('forms with as_of', () => {
  it("form 0603 of the new province's whole year counts the old province's first half", async () => {
    type F = {
      as_of: string | null;
      header: { period: string };
      columns: { key: string; kind: string }[];
      rows: { key: string; cells: (number | null)[] }[];
    };
    const get = async (q: string) => (await (await api(`http://local/api/v1/reports/0603?${q}`)).json()) as F;
    const recorded = await get('unit=PN&year=2025');
    const whole = await get('unit=PN&year=2025&as_of=2025-12-31');
    const i = whole.columns.findIndex((c) => c.key === 'bang_khen' && c.kind === 'individual');
    expect(recorded.rows[0].cells[i]).toBe(3);
    expect(whole.rows[0].cells[i]).toBe(5);
    expect(whole.rows.find((r) => r.key === 'TRUC_TIEP')!.cells[i]).toBe(2);
    expect(whole.as_of).toBe('2025-12-31');
    expect(whole.header.period).toBe('Năm 2025 (theo địa giới hành chính ngày 31/12/2025)');
    const xlsx = await api('http://local/api/v1/reports/0603?unit=PN&year=2025&as_of=2025-12-31&format=xlsx');
    expect(xlsx.status).toBe(200);
  });
});

describe('form 0601 with as_of', () => {
  it('counts the movements of the units merged into the new province', async () => {
    type F = { rows: { key: string; cells: number[] }[] };
    const get = async (q: string) => (await (await api(`http://local/api/v1/reports/0601?${q}`)).json()) as F;
    expect((await get('unit=PN&year=2025')).rows[0].cells).toEqual([0, 0]);
    const whole = await get('unit=PN&year=2025&as_of=2025-12-31');
    expect(whole.rows[0].cells).toEqual([0, 1]);
    expect(whole.rows.find((r) => r.key === 'province')!.cells).toEqual([0, 1]);
    // and the old province itself, as recorded, launched it in 2024
    expect((await get('unit=PA&year=2024')).rows[0].cells).toEqual([1, 1]);
  });
});

describe('bad year-end parameters', () => {
  it.each([
    ['year=2024', 'unit', /required/],
    ['unit=PA', 'year', /./],
    ['unit=PA&year=24', 'year', /four-digit year/],
    ['unit=NOPE&year=2024', 'unit', /unknown code 'NOPE'/],
    ['unit=PA&year=2024&format=pdf', 'format', /expected json or docx/],
    ['unit=PA&year=2024&as_of=31/02/2025', 'as_of', /not a date/],
    ['unit=PA&year=2024&lang=en', 'lang', /unknown parameter/],
  ])('%s', async (q, parameter, message) => {
    const res = await api(`http://local/api/v1/reports/year-end?${q}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; parameter: string };
    expect(body.parameter).toBe(parameter);
    expect(body.error).toMatch(message);
  });
});

describe('year-end access', () => {
  it('refuses a unit outside the scope (403 naming unit) and a viewer (403 naming the role)', async () => {
    const out = await as(pbAnalyst, '/api/v1/reports/year-end?unit=PA&year=2024&format=docx');
    expect(out.status).toBe(403);
    expect(await out.json()).toMatchObject({ parameter: 'unit', error: expect.stringMatching(/outside your scope/) });
    const own = await as(pbAnalyst, '/api/v1/reports/year-end?unit=PB&year=2024');
    expect(own.status).toBe(200);
    expect(((await own.json()) as Stats).totals.current).toBe(7);
    const low = await as(viewer, '/api/v1/reports/year-end?unit=PA&year=2024');
    expect(low.status).toBe(403);
    expect(await low.json()).toMatchObject({ required_role: 'analyst' });
  });
});
