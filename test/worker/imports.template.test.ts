import * as XLSX from '@e965/xlsx';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { closedNames } from '../../worker/imports/vocabulary';
import { vnToday } from '../../worker/reports/formHeader';
import { api } from './auth';
import { dataset, load, resetDatabase, summary } from './helpers';
import { rollback, upload, XLSX_TYPE } from './importHelpers';

// The XLSX template as a person fills it: dropdowns (data validation) of the Vietnamese words,
// the units and award types valid today, a sample row that imports as it is (of this year).
// A blank optional cell is "not given" (ethnic null), not a default.
const TODAY = vnToday();
const YEAR = Number(TODAY.slice(0, 4));
const GEO = dataset([], {
  units: [
    { code: 'TB', name: 'Tỉnh Thái Bình', kind: 'province', valid_to: '2025-06-30' },
    { code: 'TB-TH', name: 'Xã Thụy Hải', kind: 'commune', parent_code: 'TB', valid_to: '2025-06-30' },
    { code: 'HY', name: 'Tỉnh Hưng Yên', kind: 'province' },
    { code: 'HY-DTA', name: 'Xã Đông Thụy Anh', kind: 'commune', parent_code: 'HY', valid_from: '2025-07-01' },
    { code: 'HY-LATER', name: 'Xã Sau Này', kind: 'commune', parent_code: 'HY', valid_from: '2099-01-01' },
  ],
});

beforeAll(async () => {
  await resetDatabase();
  await load(GEO);
});

async function download() {
  const res = await api('http://local/api/v1/imports/templates/awards.xlsx');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
  return new Uint8Array(await res.arrayBuffer());
}

const rowsOf = (wb: XLSX.WorkBook, sheet: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, defval: '' });

const awardRows = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM awards').first<{ n: number }>())?.n;

describe('the awards XLSX template', () => {
  it('has the data sheet first, the code sheets, the dropdown lists and the instructions', async () => {
    const wb = XLSX.read(await download(), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Dữ liệu', 'Danh mục chọn', 'Đơn vị', 'Hình thức', 'Hướng dẫn']);
    const [header, sample] = rowsOf(wb, 'Dữ liệu');
    expect(header.slice(0, 4)).toEqual(['Năm', 'Mã hình thức', 'Mã đơn vị', 'Đối tượng']);
    // a note on each header says whether it is required and what it takes
    expect(wb.Sheets['Dữ liệu'].A1.c?.[0]?.t).toBe('Bắt buộc. Năm khen thưởng');
    expect(wb.Sheets['Dữ liệu'].F1.c?.[0]?.t).toMatch(/^Không bắt buộc\. Nữ hoặc Nam/);
    expect(sample.slice(0, 6)).toEqual([YEAR, 'Lao động tiên tiến', 'Xã Đông Thụy Anh', 'Cá nhân', 1, 'Nữ']);

    // units valid today only: not those ended on 30/06/2025, not one that begins in 2099
    const units = rowsOf(wb, 'Đơn vị');
    expect(units[0]).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Mã đơn vị cấp trên', 'Tên đơn vị cấp trên']);
    expect(units.slice(1)).toEqual([
      ['HY', 'Tỉnh Hưng Yên', 'Tỉnh, thành phố', '', ''],
      ['HY-DTA', 'Xã Đông Thụy Anh', 'Xã, phường, đặc khu', 'HY', 'Tỉnh Hưng Yên'],
    ]);
    const types = rowsOf(wb, 'Hình thức');
    expect(types[0]).toEqual(['Mã hình thức', 'Tên danh hiệu, hình thức', 'Cấp khen', 'Đối tượng được khen']);
    const ldtt = types.find((t) => t[0] === 'LDTT');
    expect(ldtt).toEqual(['LDTT', 'Lao động tiên tiến', 'Cấp cơ sở', 'Cá nhân']);
    expect(types.find((t) => t[0] === 'GK_XA')?.[3]).toBe('Cá nhân, tập thể, hộ gia đình');
    // the district's certificate ended with the district level on 30/06/2025
    expect(types.some((t) => t[0] === 'GK_HUYEN')).toBe(false);
    const builtin = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM award_types WHERE valid_to IS NULL OR valid_to >= ?',
    )
      .bind(TODAY)
      .first<{ n: number }>();
    expect(types.length - 1).toBe(builtin?.n);

    const lists = rowsOf(wb, 'Danh mục chọn');
    const column = (title: string) => {
      const i = lists[0].indexOf(title);
      expect(i).toBeGreaterThanOrEqual(0);
      return lists
        .slice(1)
        .map((r) => r[i])
        .filter((v) => v !== '');
    };
    expect(column('Mã hình thức')).toEqual(types.slice(1).map((t) => t[1]));
    expect(column('Đối tượng')).toEqual(['Cá nhân', 'Tập thể', 'Hộ gia đình']);
    expect(column('Giới tính')).toEqual(['Nữ', 'Nam']);
    expect(column('Thành phần')).toEqual(closedNames('class'));
    expect(column('Phương thức khen')).toEqual(closedNames('method'));
    expect(column('Dân tộc thiểu số')).toEqual(closedNames('ethnic'));
  });

  it('carries list validations pointing at the lists sheet (a list over 255 characters cannot be inline)', async () => {
    const bytes = await download();
    const files = unzipSync(bytes);
    const workbook = strFromU8(files['xl/workbook.xml']);
    expect(workbook).toMatch(/<sheets><sheet sheetId="1" name="Dữ liệu"/);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const validations = [...sheet.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => ({
      sqref: /sqref="([^"]+)"/.exec(m[1])?.[1],
      type: /type="([^"]+)"/.exec(m[1])?.[1],
      style: /errorStyle="([^"]+)"/.exec(m[1])?.[1],
      formula: m[2].replaceAll('&apos;', "'"),
    }));
    const lists = XLSX.read(bytes, { type: 'array' });
    const n = (col: string) =>
      rowsOf(lists, 'Danh mục chọn')
        .slice(1)
        .filter((r) => r['ABCDEF'.indexOf(col)] !== '').length;
    // award type (B), recipient kind (D), gender (F), class (G), method (H), ethnic minority (I)
    expect(validations).toEqual(
      [
        ['B', 'A'],
        ['D', 'B'],
        ['F', 'C'],
        ['G', 'D'],
        ['H', 'E'],
        ['I', 'F'],
      ].map(([data, list]) => ({
        sqref: `${data}2:${data}10001`,
        type: 'list',
        style: 'warning',
        formula: `'Danh mục chọn'!$${list}$2:$${list}$${n(list) + 1}`,
      })),
    );
    // the award names together are far beyond what an inline list may hold
    expect(n('A')).toBeGreaterThan(40);
  });

  it('imports as downloaded (the sample row), and filled in with other words', async () => {
    const before = await awardRows();
    const bytes = await download();
    const up = await upload('awards', bytes, XLSX_TYPE);
    expect(up.status).toBe(201);
    expect(up.body.batch?.rows).toBe(1);
    const counted = await summary(`from=${YEAR}&to=${YEAR}&group_by=unit,award,kind,gender,class,method&unit=HY`);
    expect(counted.body.rows).toEqual([
      {
        unit: 'HY-DTA',
        award: 'LDTT',
        kind: 'individual',
        gender: 'F',
        class: 'TRUC_TIEP',
        method: 'THUONG_XUYEN',
        count: 1,
      },
    ]);
    expect((await rollback(up.body.batch!.id!)).status).toBe(200);

    const wb = XLSX.read(bytes, { type: 'array' });
    XLSX.utils.sheet_add_aoa(
      wb.Sheets['Dữ liệu'],
      [
        [
          YEAR - 1,
          'Giấy khen của Chủ tịch UBND xã',
          'HY-DTA',
          'Hộ gia đình',
          2,
          '',
          '',
          'Đột xuất',
          '',
          '',
          '',
          '',
          'Hộ A',
        ],
        [YEAR, 'CSTD_CS', 'Xã Đông Thụy Anh', 'Cá nhân', 1, 'Nam', '', '', 'Dân tộc thiểu số', '', '', '', 'B'],
      ],
      { origin: 'A2' },
    );
    const filled = await upload('awards', XLSX.write(wb, { type: 'array', bookType: 'xlsx' }), XLSX_TYPE);
    expect(filled.status).toBe(201);
    expect(filled.body.batch?.rows).toBe(2);
    const rows = (await summary(`from=${YEAR - 1}&to=${YEAR}&group_by=year,award,kind,method,ethnic`)).body.rows;
    expect(rows).toEqual([
      { year: YEAR - 1, award: 'GK_XA', kind: 'household', method: 'DOT_XUAT', ethnic: null, count: 2 },
      { year: YEAR, award: 'CSTD_CS', kind: 'individual', method: 'THUONG_XUYEN', ethnic: 1, count: 1 },
    ]);
    expect((await rollback(filled.body.batch!.id!)).status).toBe(200);
    expect(await awardRows()).toBe(before);
  });
});
