import { api } from './auth';
import { unzipSync, strFromU8 } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixture';
import { load, resetDatabase } from './helpers';

// The fixture with a commune whose name looks like a formula, as a hostile import could make it.
const FORMULA = '=HYPERLINK("http://evil.example","Xã C2")';

beforeAll(async () => {
  await resetDatabase();
  await load({
    ...FIXTURE,
    units: FIXTURE.units.map((u) => (u.code === 'C2' ? { ...u, name: FORMULA } : u)),
    clusters: [{ code: 'K', name: 'Cụm K', kind: 'cum', level: 'central' }],
    cluster_members: [
      { cluster_code: 'K', unit_code: 'P', year_from: 2023 },
      { cluster_code: 'K', unit_code: 'Q', year_from: 2023 },
    ],
    movement_results: [
      { year: 2023, cluster_code: 'K', unit_code: 'P', score: 95.5, rank: 1, proposed_award_code: 'CO_CP' },
      { year: 2023, cluster_code: 'K', unit_code: 'Q', score: 90, rank: 2 },
      { year: 2024, cluster_code: 'K', unit_code: 'Q', score: 96, rank: 1, proposed_award_code: 'CO_CP' },
      { year: 2024, cluster_code: 'K', unit_code: 'P', score: 94, rank: 2, proposed_award_code: 'BK_TTG' },
    ],
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

  it('gives cluster results with names beside the codes, in English on request', async () => {
    const res = await get('movements/results?cluster=K&format=csv&lang=en');
    const text = new TextDecoder().decode((await res.arrayBuffer()).slice(3));
    expect(text.split('\r\n')).toEqual([
      'year,unit,unit_name,score,rank,proposed_award,proposed_award_name,rank_change',
      "2023,P,Tỉnh P,95.5,1,CO_CP,Government's Emulation Flag,",
      '2023,Q,Tỉnh Q,90,2,,,',
      "2024,Q,Tỉnh Q,96,1,CO_CP,Government's Emulation Flag,1",
      "2024,P,Tỉnh P,94,2,BK_TTG,Prime Minister's Certificate of Merit,-1",
      '',
    ]);
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
    expect(sheet.D2.z).toBe('#,##0.##');
    expect(sheet.C2.t).toBe('s');
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);

    const filters = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Bộ lọc'], { header: 1 });
    expect(filters).toContainEqual(['group_by', 'year,tier']);
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

  it('formats shares as percentages', async () => {
    const { wb } = await workbook('awards/indicators?format=xlsx&lang=en');
    const sheet = wb.Sheets['Số liệu'];
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0];
    const col = XLSX.utils.encode_col(header.indexOf('women_share'));
    expect(sheet[`${col}2`].t).toBe('n');
    expect(sheet[`${col}2`].z).toBe('0.0%');
  });
});

describe('bad file parameters', () => {
  it.each([
    ['awards/summary?format=pdf', 'format', /unknown value 'pdf'/],
    ['awards/summary?format=csv&lang=fr', 'lang', /unknown value 'fr'/],
    ['movements/results?cluster=X&format=xls', 'format', /unknown value 'xls'/],
  ])('%s', async (q, parameter, message) => {
    const res = await get(q);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; parameter: string };
    expect(body.parameter).toBe(parameter);
    expect(body.error).toMatch(message);
  });
});
