import { api } from './auth';
import { unzipSync, strFromU8 } from 'fflate';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { toXlsx } from '../../worker/files/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_K, FIXTURE } from './fixture';
import { load, resetDatabase } from './helpers';

// The fixture with a commune whose name looks like a formula, as a hostile import could make it.
const FORMULA = '=HYPERLINK("http://evil.example","Xã C2")';

beforeAll(async () => {
  await resetDatabase();
  await load({
    ...FIXTURE,
    units: FIXTURE.units.map((u) => (u.code === 'C2' ? { ...u, name: FORMULA } : u)),
    ...CLUSTER_K,
  });
});

const get = (q: string) => api(`http://local/api/v1/${q}`);

describe('format=csv', () => {
  it('is UTF-8 with a BOM, CRLF, names beside codes, and neutralised formulas', async () => {
    const json = (await (await get('awards/summary?group_by=unit,award&unit=D1')).json()) as {
      rows: { unit: string; award: string; count: number }[];
    };
    const res = await get('awards/summary?group_by=unit,award&unit=D1&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="thidua-khen-thuong-\d{8}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.some((l) => l.includes('\n'))).toBe(false);
    expect(lines[0]).toBe('unit,unit_name,award,award_name,count');
    expect(lines).toHaveLength(json.rows.length + 1);
    expect(lines).toContain('C1,Xã C1,LDTT,Lao động tiên tiến,22');
    // the formula-looking name is prefixed with ' and quoted, so a spreadsheet shows it as text
    expect(lines.find((l) => l.startsWith('C2,'))).toBe(
      `C2,"'=HYPERLINK(""http://evil.example"",""Xã C2"")",BK_TINH,Bằng khen của Chủ tịch UBND tỉnh,2`,
    );
  });

  it('gives the total alone without group_by', async () => {
    const res = await get('awards/summary?format=csv');
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(3))).toBe('count\r\n41\r\n');
  });

  it("gives cluster results with the contract's columns and Vietnamese names without lang", async () => {
    const res = await get('movements/results?cluster=K&format=csv');
    const text = new TextDecoder().decode((await res.arrayBuffer()).slice(3));
    expect(text.split('\r\n')).toEqual([
      'year,unit,unit_name,score,rank,proposed_award,proposed_award_name,rank_change',
      '2023,P,Tỉnh P,95.5,1,CO_CP,Cờ thi đua của Chính phủ,',
      '2023,Q,Tỉnh Q,90,2,,,',
      '2024,Q,Tỉnh Q,96,1,CO_CP,Cờ thi đua của Chính phủ,1',
      '2024,P,Tỉnh P,94,2,BK_TTG,Bằng khen của Thủ tướng Chính phủ,-1',
      '',
    ]);
  });

  it('gives cluster results with English headers and names with lang=en&layout=long', async () => {
    const res = await get('movements/results?cluster=K&format=csv&lang=en&layout=long');
    const text = new TextDecoder().decode((await res.arrayBuffer()).slice(3));
    expect(text.split('\r\n')).toEqual([
      'Year,Unit code,Unit,Score,Rank,Proposed award code,Proposed award,Change of rank',
      "2023,P,Tỉnh P,95.5,1,CO_CP,Government's Emulation Flag,",
      '2023,Q,Tỉnh Q,90,2,,,',
      "2024,Q,Tỉnh Q,96,1,CO_CP,Government's Emulation Flag,1",
      "2024,P,Tỉnh P,94,2,BK_TTG,Prime Minister's Certificate of Merit,-1",
      '',
    ]);
  });

  it("with lang=vi gives cluster results as the ranks card's table: a row per member, each year's rank", async () => {
    const res = await get('movements/results?cluster=K&format=csv&lang=vi');
    const text = new TextDecoder().decode((await res.arrayBuffer()).slice(3));
    expect(text.split('\r\n')).toEqual([
      'Mã đơn vị,Đơn vị,Xếp hạng 2023,Điểm 2023,Danh hiệu đề nghị 2023,Xếp hạng 2024,Điểm 2024,Danh hiệu đề nghị 2024',
      'P,Tỉnh P,1,95.5,Cờ thi đua của Chính phủ,2,94,Bằng khen của Thủ tướng Chính phủ',
      'Q,Tỉnh Q,2,90,,1,96,Cờ thi đua của Chính phủ',
      '',
    ]);
  });

  it("with lang=vi gives the indicators as the shares card's table, the contract's columns without", async () => {
    const json = (await (await get('awards/indicators')).json()) as { rows: Record<string, number | null>[] };
    expect(json.rows.length).toBeGreaterThan(0);
    const csv = async (q: string) =>
      new TextDecoder()
        .decode((await (await get(`awards/indicators?format=csv${q}`)).arrayBuffer()).slice(3))
        .split('\r\n');
    const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
    const fields = ['individual', 'direct_share', 'leader_share', 'women_share', 'ethnic_minority_share'];
    expect(await csv('&lang=vi')).toEqual([
      'Năm,Cá nhân,Tỷ lệ lao động trực tiếp,Tỷ lệ lãnh đạo, quản lý,Tỷ lệ nữ,Tỷ lệ dân tộc thiểu số'.replace(
        'Tỷ lệ lãnh đạo, quản lý',
        '"Tỷ lệ lãnh đạo, quản lý"',
      ),
      ...json.rows.map((r) => [r.year, ...fields.map((f) => r[f])].map(cell).join(',')),
      '',
    ]);
    const keys = ['year', 'total', 'individual', 'direct', 'leaders', 'women', 'ethnic_minority', 'change'];
    const shares = ['direct_share', 'leader_share', 'women_share', 'ethnic_minority_share'];
    expect((await csv(''))[0]).toBe([...keys, ...shares].join(','));
    expect((await csv('&lang=vi&layout=long'))[0].split(',')[0]).toBe('Năm');
    expect((await csv('&lang=vi&layout=long'))[0]).toContain('Tăng, giảm so với năm trước');
  });

  it("with lang=vi is the card's table: a row per year, a column per level in words, the total", async () => {
    const json = (await (await get('awards/summary?group_by=year,tier')).json()) as {
      rows: { year: number; tier: string; count: number }[];
    };
    const res = await get('awards/summary?group_by=year,tier&format=csv&lang=vi');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    const levels = ['state', 'government', 'ministry_province', 'grassroots'].filter((t) =>
      json.rows.some((r) => r.tier === t),
    );
    const names = {
      state: 'Cấp Nhà nước',
      government: 'Thủ tướng Chính phủ',
      ministry_province: 'Cấp bộ, ngành, tỉnh',
      grassroots: 'Cấp cơ sở',
    };
    const parsed = Papa.parse<string[]>(lines.join('\r\n'), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['Năm', ...levels.map((t) => names[t as keyof typeof names]), 'Tổng cộng']);
    const count = (y: number, t: string) => json.rows.find((r) => r.year === y && r.tier === t)?.count ?? 0;
    expect(parsed.slice(1)).toEqual(
      [2023, 2024].map((y) => [y, ...levels.map((t) => count(y, t)), y === 2023 ? 24 : 17].map(String)),
    );
    expect(lines.slice(3)).toEqual(['']);
  });

  it('with lang=vi&layout=long keeps a row per group, headers in words', async () => {
    const res = await get('awards/summary?group_by=year,tier&format=csv&lang=vi&layout=long');
    const lines = new TextDecoder().decode((await res.arrayBuffer()).slice(3)).split('\r\n');
    expect(lines[0]).toBe('Năm,Mã cấp khen,Cấp khen,Số lượng');
    expect(lines).toContain('2024,state,Cấp Nhà nước,1');
  });

  it('with lang=vi neutralises a formula-looking name that becomes a cell', async () => {
    const res = await get('awards/summary?group_by=unit&unit=D1&format=csv&lang=vi');
    const lines = new TextDecoder().decode((await res.arrayBuffer()).slice(3)).split('\r\n');
    expect(lines[0]).toBe('Đơn vị,Số lượng,Tỷ lệ');
    const rows = Papa.parse<string[]>(lines.join('\r\n'), { skipEmptyLines: true }).data;
    // C1 22, C2 11, D1 3 of 36: largest first, the share a fraction of the total
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['Xã C1', '22'],
      ['\'=HYPERLINK("http://evil.example","Xã C2")', '11'],
      ['Huyện D1', '3'],
    ]);
    expect(Number(rows[2][2])).toBeCloseTo(11 / 36, 12);
  });
});

describe('format=xlsx', () => {
  async function workbook(q: string) {
    const res = await get(q);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const buf = new Uint8Array(await res.arrayBuffer());
    return { wb: XLSX.read(buf, { type: 'array', cellNF: true }), files: unzipSync(buf) };
  }

  it('has typed number cells, a frozen header and a "Bộ lọc" sheet', async () => {
    const json = (await (await get('awards/summary?group_by=year,tier')).json()) as {
      rows: { year: number; tier: string; count: number }[];
    };
    const { wb, files } = await workbook('awards/summary?group_by=year,tier&format=xlsx');
    expect(wb.SheetNames).toEqual(['Số liệu', 'Bộ lọc']);
    const sheet = wb.Sheets['Số liệu'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(rows[0]).toEqual(['year', 'tier', 'tier_name', 'count']);
    expect(rows.slice(1)).toEqual(
      json.rows.map((r) => [
        r.year,
        r.tier,
        {
          government: 'Thủ tướng Chính phủ',
          grassroots: 'Cấp cơ sở',
          ministry_province: 'Cấp bộ, ngành, tỉnh',
          state: 'Cấp Nhà nước',
        }[r.tier],
        r.count,
      ]),
    );
    expect(sheet.A2.t).toBe('n');
    expect(sheet.D2.t).toBe('n');
    expect(sheet.D2.z).toBe('#,##0');
    expect(sheet.C2.t).toBe('s');
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);

    const filters = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Bộ lọc'], { header: 1 });
    // the filters in words, not as the URL's parameters
    expect(filters).toContainEqual(['Nhóm theo / Grouped by', 'Năm, Cấp khen']);
    expect(filters).toContainEqual(['Địa bàn / Area', 'Tất cả địa bàn']);
    expect(filters).toContainEqual(['Năm / Years', '2023–2024']);
    expect(filters.map((r) => r[0])).not.toContain('group_by');
    expect(filters.map((r) => r[0])).toEqual(
      expect.arrayContaining([
        'Phiên bản dữ liệu / data version',
        'Tạo lúc / generated at',
        'Nguồn / source',
        'Số dòng / rows',
      ]),
    );
    expect(filters).toContainEqual(['Số dòng / rows', String(json.rows.length)]);
  });

  it("with lang=vi has the card's table, whole numbers #,##0 and the filters in words", async () => {
    const q = 'group_by=year,kind&unit=P&from=2023&to=2024&gender=F';
    const json = (await (await get(`awards/summary?${q}`)).json()) as {
      rows: { year: number; kind: string; count: number }[];
    };
    const { wb } = await workbook(`awards/summary?${q}&format=xlsx&lang=vi`);
    expect(wb.SheetNames).toEqual(['Số liệu', 'Bộ lọc']);
    const sheet = wb.Sheets['Số liệu'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    // women in P: individuals only (10 + 3 in 2023, 7 in 2024)
    expect(json.rows).toEqual([
      { year: 2023, kind: 'individual', count: 13 },
      { year: 2024, kind: 'individual', count: 7 },
    ]);
    expect(rows).toEqual([
      ['Năm', 'Cá nhân', 'Tổng cộng'],
      [2023, 13, 13],
      [2024, 7, 7],
    ]);
    for (const ref of ['B2', 'C2', 'B3', 'C3']) {
      expect(sheet[ref].t).toBe('n');
      expect(sheet[ref].z).toBe('#,##0');
    }
    expect(sheet.A2.z).toBe('0');
    const filters = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Bộ lọc'], { header: 1 });
    expect(filters[0]).toEqual(['Mục', 'Nội dung']);
    expect(filters).toContainEqual(['Địa bàn', 'Tỉnh P']);
    expect(filters).toContainEqual(['Năm', '2023–2024']);
    expect(filters).toContainEqual(['Giới tính', 'Nữ']);
    expect(filters).toContainEqual(['Nhóm theo', 'Năm, Đối tượng']);
    expect(filters).toContainEqual(['Số dòng', '2']);
    expect(filters.map((r) => r[0])).toEqual(expect.arrayContaining(['Dữ liệu cập nhật lúc', 'Tạo lúc']));
    for (const raw of ['unit', 'from', 'to', 'gender', 'group_by', 'lang'])
      expect(filters.map((r) => r[0])).not.toContain(raw);
  });

  it('with lang=en names the sheets, headers and filters in English', async () => {
    const { wb } = await workbook('awards/summary?group_by=tier&cluster=K&format=xlsx&lang=en');
    expect(wb.SheetNames).toEqual(['Data', 'Filters']);
    const sheet = wb.Sheets.Data;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(rows[0]).toEqual(['Level', 'Count', 'Share']);
    expect(sheet.B2.z).toBe('#,##0');
    expect(sheet.C2.z).toBe('0.0%');
    const filters = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Filters, { header: 1 });
    expect(filters).toContainEqual(['Area', 'Cụm K']);
    expect(filters).toContainEqual(['Years', 'Every year with data']);
  });

  it('gives fractional counts the decimals they need and whole ones none', async () => {
    const buf = await toXlsx(
      {
        lang: 'vi',
        header: ['Năm', 'Số lượng', 'Một nửa', 'Một phần ba'],
        columns: [
          { key: 'year', kind: 'year' },
          { key: 'a', kind: 'count' },
          { key: 'b', kind: 'count' },
          { key: 'c', kind: 'count' },
        ],
        rows: [
          [2025, 26839, 2.5, 1 / 3],
          [2024, 3, 1, 2],
        ],
      },
      [],
    );
    const sheet = XLSX.read(new Uint8Array(buf), { type: 'array', cellNF: true }).Sheets['Số liệu'];
    expect([sheet.B2.z, sheet.C2.z, sheet.D2.z, sheet.B3.z, sheet.C3.z]).toEqual([
      '#,##0',
      '#,##0.0',
      '#,##0.00',
      '#,##0',
      '#,##0.0',
    ]);
    expect(sheet.D2.v).toBeCloseTo(1 / 3, 12);
    expect(XLSX.utils.format_cell(sheet.B2)).toBe('26,839');
  });

  it('with lang=en gives the ranks table in xlsx: typed ranks and scores, a year per group of columns', async () => {
    const { wb } = await workbook('movements/results?cluster=K&from=2024&format=xlsx&lang=en');
    const sheet = wb.Sheets.Data;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(rows).toEqual([
      ['Unit code', 'Unit', 'Rank 2024', 'Score 2024', 'Proposed award 2024'],
      ['P', 'Tỉnh P', 2, 94, "Prime Minister's Certificate of Merit"],
      ['Q', 'Tỉnh Q', 1, 96, "Government's Emulation Flag"],
    ]);
    expect([sheet.C2.t, sheet.C2.z, sheet.D2.t]).toEqual(['n', '0', 'n']);
  });

  it('formats shares as percentages', async () => {
    const { wb } = await workbook('awards/indicators?format=xlsx&lang=en');
    expect(wb.SheetNames).toEqual(['Data', 'Filters']);
    const sheet = wb.Sheets.Data;
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0];
    const col = XLSX.utils.encode_col(header.indexOf('Share to women'));
    expect(sheet[`${col}2`].t).toBe('n');
    expect(sheet[`${col}2`].z).toBe('0.0%');
  });
});

describe('bad file parameters', () => {
  it.each([
    ['awards/summary?format=pdf', 'format', /unknown value 'pdf'/],
    ['awards/summary?format=csv&lang=fr', 'lang', /unknown value 'fr'/],
    ['movements/results?cluster=X&format=xls', 'format', /unknown value 'xls'/],
    ['awards/summary?format=csv&lang=vi&layout=wide', 'layout', /unknown value 'wide', expected table or long/],
  ])('%s', async (q, parameter, message) => {
    const res = await get(q);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; parameter: string };
    expect(body.parameter).toBe(parameter);
    expect(body.error).toMatch(message);
  });
});
