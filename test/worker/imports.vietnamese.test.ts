import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataset, load, resetDatabase, summary } from './helpers';
import { env } from 'cloudflare:test';
import { api } from './auth';
import { consistency, csv, rollback, snapshot, upload, XLSX_TYPE } from './importHelpers';

// Award lists as analysts have them: Vietnamese headers and values, unit names instead of
// codes, title rows above the header, STT and Chức vụ columns, a closing "Tổng cộng" line.
// A district TT (until 30/06/2025) with the communes Xã Thụy Hải and Xã Thụy Xuân; another
// district DH with its own Xã Thụy Hải (the same name: never guessed); from 01/07/2025 the new
// Xã Đông Thụy Anh. Every figure below is counted by hand.
const GEO = dataset([], {
  units: [
    { code: 'TB', name: 'Tỉnh Thái Bình', kind: 'province', valid_to: '2025-06-30' },
    { code: 'TT', name: 'Huyện Thái Thụy', kind: 'district', parent_code: 'TB', valid_to: '2025-06-30' },
    { code: 'TT-TH', name: 'Xã Thụy Hải', kind: 'commune', parent_code: 'TT', valid_to: '2025-06-30' },
    { code: 'TT-TX', name: 'Xã Thụy Xuân', kind: 'commune', parent_code: 'TT', valid_to: '2025-06-30' },
    { code: 'DH', name: 'Huyện Đông Hưng', kind: 'district', parent_code: 'TB', valid_to: '2025-06-30' },
    { code: 'DH-TH', name: 'Xã Thụy Hải', kind: 'commune', parent_code: 'DH', valid_to: '2025-06-30' },
    { code: 'HY', name: 'Tỉnh Hưng Yên', kind: 'province' },
    { code: 'HY-DTA', name: 'Xã Đông Thụy Anh', kind: 'commune', parent_code: 'HY', valid_from: '2025-07-01' },
  ],
});

function xlsx(rows: unknown[][]): ArrayBuffer {
  const wb = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  // the list's title spans the table, as in a decision's annex
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 5 } }];
  XLSX.utils.book_append_sheet(wb, sheet, 'Danh sách');
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
}

beforeAll(async () => {
  await resetDatabase();
  await load(GEO);
});

const byUnit = async (from: number, to: number) =>
  Object.fromEntries(
    (await summary(`from=${from}&to=${to}&group_by=unit,award,kind,gender&unit=TT`)).body.rows.map((r) => [
      JSON.stringify(r),
      r.count,
    ]),
  );

describe('award lists in Vietnamese', () => {
  it('counts a list with Vietnamese headers, values and unit names exactly as the same list in codes', async () => {
    const named = csv([
      'Năm,Danh hiệu,Đơn vị công tác,Đối tượng,Giới tính,Thành phần,Số lượng',
      '2024,Lao động tiên tiến,UBND xã Thụy Xuân,Cá nhân,Nữ,Công nhân nông dân người lao động trực tiếp,1',
      '2024,lao dong tien tien,xã thụy xuân,CÁ NHÂN,nam,Lãnh đạo khác,1',
      '2024,Chiến sĩ thi đua cơ sở,Ủy ban nhân dân xã Thụy Xuân,Cá nhân,Nữ,,2',
      '2024,Tập thể lao động tiên tiến,Huyện Thái Thụy,Tập thể,,,1',
    ]);
    const coded = csv([
      'year,award_code,unit_code,recipient_kind,gender,recipient_class,quantity',
      '2024,LDTT,TT-TX,individual,F,TRUC_TIEP,1',
      '2024,LDTT,TT-TX,individual,M,LD_KHAC,1',
      '2024,CSTD_CS,TT-TX,individual,F,,2',
      '2024,TTLDTT,TT,collective,,,1',
    ]);
    const a = await upload('awards', named);
    expect(a.status).toBe(201);
    expect(a.body.batch?.rows).toBe(4);
    const fromNames = await byUnit(2024, 2024);
    expect((await rollback(a.body.batch!.id!)).status).toBe(200);
    const b = await upload('awards', coded);
    expect(b.status).toBe(201);
    expect(await byUnit(2024, 2024)).toEqual(fromNames);
    expect((await summary('from=2024&to=2024&unit=TT')).body.total).toBe(5);
    expect((await summary('from=2024&to=2024&unit=TT&class=TRUC_TIEP')).body.total).toBe(1);
    expect((await rollback(b.body.batch!.id!)).status).toBe(200);
    expect((await consistency()).ok).toBe(true);
  });

  it('imports an XLSX list from a decision: title rows, STT, Chức vụ, a closing Tổng cộng line', async () => {
    const file = xlsx([
      ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2023'],
      ['(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/12/2023 của Chủ tịch UBND huyện Thái Thụy)'],
      [],
      ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Giới tính', 'Năm', 'Hình thức khen thưởng', 'Đối tượng'],
      [1, 'Nguyễn Thị Hoa', 'Công chức', 'Xã Thụy Xuân', 'Nữ', 2023, 'Lao động tiên tiến', 'Cá nhân'],
      [2, 'Trần Văn Nam', 'Chủ tịch UBND xã', 'UBND xã Thụy Xuân', 'Nam', 2023, 'Lao động tiên tiến', 'Cá nhân'],
      [3, 'Phạm Thị Lan', 'Nông dân', 'xa thuy xuan', 'Nữ', 2023, 'Lao động tiên tiến', 'Cá nhân'],
      ['Tổng cộng: 3 người'],
    ]);
    const res = await upload('awards', file, XLSX_TYPE);
    expect(res.status).toBe(201);
    expect(res.body.batch?.rows).toBe(3);
    expect((await summary('from=2023&to=2023&unit=TT-TX&group_by=gender')).body.rows).toEqual([
      { gender: 'F', count: 2 },
      { gender: 'M', count: 1 },
    ]);
    expect((await rollback(res.body.batch!.id!)).status).toBe(200);
  });

  it('imports a list that states its year, award and decision once (in its title): ?year=&award_code=…', async () => {
    // "Danh sách cá nhân đạt danh hiệu Lao động tiên tiến năm 2024": the rows carry only people
    const names = ['Nguyễn Thị Hoa', 'Trần Văn Nam', 'Phạm Thị Lan', 'Lê Văn Bình'];
    const file = xlsx([
      ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2024'],
      ['(Kèm theo Quyết định số 456/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND huyện Thái Thụy)'],
      ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Giới tính'],
      ...names.map((n, i) => [
        i + 1,
        n,
        i === 1 ? 'Chủ tịch UBND xã' : 'Công chức',
        i === 3 ? 'UBND xã Thụy Xuân' : 'Xã Thụy Xuân',
        i % 2 ? 'Nam' : 'Nữ',
      ]),
      ['Tổng cộng: 4 người'],
    ]);
    const query = new URLSearchParams({
      year: '2024',
      award_code: 'Lao động tiên tiến',
      recipient_kind: 'Cá nhân',
      decision_no: '456/QĐ-UBND',
      decision_date: '20/12/2024',
    });
    const res = await upload('awards', file, XLSX_TYPE, `?${query}`);
    expect(res.status).toBe(201);
    expect(res.body.batch?.rows).toBe(4);
    expect((await summary('from=2024&to=2024&unit=TT-TX&group_by=award,gender')).body.rows).toEqual([
      { award: 'LDTT', gender: 'F', count: 2 },
      { award: 'LDTT', gender: 'M', count: 2 },
    ]);
    expect((await rollback(res.body.batch!.id!)).status).toBe(200);
  });

  it('refuses a list field that is wrong, or that the dataset does not have, writing nothing', async () => {
    const before = await snapshot();
    const bad = await upload(
      'awards',
      csv(['Đơn vị,Họ và tên', 'TT-TX,Nguyễn Thị Hoa']),
      'text/csv',
      `?year=2024&recipient_kind=${encodeURIComponent('Cá nhân')}&award_code=${encodeURIComponent('Lao động giỏi')}`,
    );
    expect(bad.status).toBe(422);
    // a name no catalog has is found where it is used: on the rows it applies to
    expect(bad.body.errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'award_code',
        message_vi: expect.stringMatching(/không có danh hiệu/),
      }),
    ]);
    // a list field that cannot be a value at all is refused before the file is read
    const badDate = await upload(
      'awards',
      csv(['Đơn vị', 'TT-TX']),
      'text/csv',
      '?year=2024&award_code=LDTT&recipient_kind=individual&decision_date=31/02/2024',
    );
    expect(badDate.status).toBe(422);
    expect(badDate.body.errors).toEqual([
      expect.objectContaining({ row: 0, column: 'decision_date', value: '31/02/2024' }),
    ]);
    const foreign = await upload('units', csv(['code,name,kind', 'N9,Xã N9,commune']), 'text/csv', '?year=2024');
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ parameter: 'year', error_vi: expect.stringMatching(/không có cột này/) });
    expect(await snapshot()).toEqual(before);
  });

  it('ignores a column it does not keep, and says so', async () => {
    const res = await upload('awards', csv(['Năm,Danh hiệu,Đơn vị,Đối tượng,Màu áo', '2024,LDTT,TT-TX,Cá nhân,đỏ']));
    expect(res.status).toBe(201);
    expect((res.body as { warnings?: { column: string; message_vi: string }[] }).warnings).toEqual([
      expect.objectContaining({ column: 'Màu áo', message_vi: expect.stringContaining('không được nhập') }),
    ]);
    expect((await rollback(res.body.batch!.id!)).status).toBe(200);
  });
});

describe('checks real award lists need', () => {
  let baseline: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    baseline = await snapshot();
  });

  const HEAD = 'Năm,Danh hiệu,Đơn vị,Đối tượng,Giới tính,Thành phần';
  it.each([
    [
      'a unit that existed only from 01/07/2025, in 2024',
      '2024,LDTT,Xã Đông Thụy Anh,Cá nhân,,',
      'unit_code',
      /không tồn tại vào năm 2024.*từ 01\/07\/2025/,
    ],
    [
      'a unit abolished on 30/06/2025, in 2026',
      '2026,LDTT,TT-TX,Cá nhân,,',
      'unit_code',
      /không tồn tại vào năm 2026.*đến 30\/06\/2025/,
    ],
    [
      'GK_HUYEN after 30/06/2025',
      '2026,GK_HUYEN,HY-DTA,Cá nhân,,',
      'award_code',
      /chỉ được khen đến ngày 30\/06\/2025/,
    ],
    ['a year that has not begun', '2099,LDTT,HY-DTA,Cá nhân,,', 'year', /năm 2099 chưa đến/],
    ['a gender on a collective', '2024,TTLDTT,TT,Tập thể,Nữ,', 'gender', /tập thể không có giới tính/],
    [
      'an individual class on a collective',
      '2024,TTLDTT,TT,Tập thể,,Lao động trực tiếp',
      'recipient_class',
      /dành cho cá nhân/,
    ],
    [
      'a name two units share',
      '2024,LDTT,Xã Thụy Hải,Cá nhân,,',
      'unit_code',
      /trùng tên 2 đơn vị tồn tại năm 2024: (TT-TH|DH-TH) .*; (TT-TH|DH-TH) /,
    ],
    ['a name no unit has', '2024,LDTT,Xã Thụy Xuânn,Cá nhân,,', 'unit_code', /không có đơn vị nào.*có phải: TT-TX/],
    ['an award type no catalog has', '2024,Lao động xuất sắc,TT-TX,Cá nhân,,', 'award_code', /không có danh hiệu/],
    ['a recipient kind in other words', '2024,LDTT,TT-TX,Cán bộ,,', 'recipient_kind', /Cá nhân, Tập thể, Hộ gia đình/],
  ])('refuses %s, naming the row and the column, writing nothing', async (_name, line, column, message) => {
    const res = await upload('awards', csv([HEAD, '2024,LDTT,TT-TX,Cá nhân,,', line]));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 2, column, message_vi: expect.stringMatching(message) }),
    ]);
    expect(await snapshot()).toEqual(baseline);
  });

  it('finds every problem of a list in one pass', async () => {
    const res = await upload(
      'awards',
      csv([HEAD, '2099,Lao động xuất sắc,Xã Thụy Hải,Cá nhân,,', '2024,LDTT,TT,Tập thể,Nam,']),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => [e.row, e.column])).toEqual([
      [1, 'year'],
      [1, 'award_code'],
      [1, 'unit_code'],
      [2, 'recipient_kind'],
    ]);
    expect(await snapshot()).toEqual(baseline);
  });
});

describe('text that looks like a formula', () => {
  const FORMULA = '=SUM(A1:A3)';
  const get = (q: string) => api(`http://local/api/v1/${q}`);

  it('imports it as given with a warning, and every spreadsheet export neutralises it', async () => {
    const unit = await upload(
      'units',
      csv(['Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên', `HY-F,${FORMULA},commune,HY`]),
    );
    expect(unit.status).toBe(201);
    expect(unit.body.warnings).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'name',
        value: FORMULA,
        message_vi: expect.stringMatching(/^bắt đầu/),
      }),
    ]);
    const list = await upload(
      'awards',
      csv([
        'Năm,Danh hiệu,Đơn vị,Đối tượng,Họ và tên,Số quyết định',
        `2024,Lao động tiên tiến,HY-F,Cá nhân,${FORMULA},+12/QĐ`,
        '2024,Lao động tiên tiến,HY-F,Cá nhân,@Nguyễn Văn A,',
        '2024,Lao động tiên tiến,HY-F,Cá nhân,-Trần Thị B,',
      ]),
    );
    expect(list.status).toBe(201);
    expect(list.body.warnings?.map((w) => [w.row, w.column, w.value])).toEqual([
      [1, 'recipient_name', FORMULA],
      [1, 'decision_no', '+12/QĐ'],
      [2, 'recipient_name', '@Nguyễn Văn A'],
      [3, 'recipient_name', '-Trần Thị B'],
    ]);
    const stored = await env.DB.prepare(
      'SELECT recipient_name AS name, decision_no AS no FROM awards WHERE batch_id = ? ORDER BY row_no',
    )
      .bind(list.body.batch!.id)
      .all<{ name: string; no: string | null }>();
    expect(stored.results).toEqual([
      { name: FORMULA, no: '+12/QĐ' },
      { name: '@Nguyễn Văn A', no: null },
      { name: '-Trần Thị B', no: null },
    ]);

    const csvOut = await get('awards/summary?group_by=unit&unit=HY&from=2024&to=2024&format=csv');
    expect(new TextDecoder().decode((await csvOut.arrayBuffer()).slice(3)).split('\r\n')).toEqual([
      'unit,unit_name,count',
      `HY-F,"'${FORMULA}",3`,
      '',
    ]);
    const xlsxOut = await get('awards/summary?group_by=unit&unit=HY&from=2024&to=2024&format=xlsx');
    const sheet = XLSX.read(new Uint8Array(await xlsxOut.arrayBuffer()), { type: 'array', cellFormula: true }).Sheets[
      'Số liệu'
    ];
    expect(sheet.B2).toMatchObject({ t: 's', v: `'${FORMULA}` });
    expect(sheet.B2.f).toBeUndefined();
    expect(await consistency()).toMatchObject({ ok: true });
  });
});

describe('duplicates inside a file', () => {
  it('says a row copied many times once, with its first rows and how many more', async () => {
    const row = '2022,Lao động tiên tiến,TT-TX,Cá nhân,Trần Thị Bình';
    const res = await upload('awards', csv(['Năm,Danh hiệu,Đơn vị,Đối tượng,Họ và tên', ...Array(8).fill(row)]));
    expect(res.status).toBe(201);
    expect(res.body.warnings?.map((w) => [w.row, w.message_vi])).toEqual([
      [
        2,
        'trùng người/tập thể, danh hiệu và năm với dòng 1, lặp lại ở dòng 2, 3, ' +
          '4, 5, 6 và 2 dòng khác: mỗi dòng đều được nhập; hãy xóa bản sao',
      ],
    ]);
    expect(await consistency()).toMatchObject({ ok: true });
  });

  it('warns about the same person or collective twice, and imports both rows', async () => {
    const before = (await summary('from=2023&to=2023&unit=TT')).body.total;
    const res = await upload(
      'awards',
      csv([
        'Năm,Danh hiệu,Đơn vị,Đối tượng,Họ và tên',
        '2023,Lao động tiên tiến,TT-TX,Cá nhân,Nguyễn Văn An',
        '2023,Lao động tiên tiến,TT-TX,Cá nhân,Nguyễn Văn Ân', // another person: diacritics matter
        '2023,Lao động tiên tiến,Xã Thụy Xuân,Cá nhân,nguyễn  văn an', // row 1 again, by the unit's name
        '2023,Lao động tiên tiến,TT-TH,Cá nhân,Nguyễn Văn An', // the same name in another commune
        '2023,Lao động tiên tiến,TT-TX,Cá nhân,', // no name: nobody to compare
        '2023,Lao động tiên tiến,TT-TX,Cá nhân,',
        '2023,Tập thể lao động tiên tiến,Huyện Thái Thụy,Tập thể,',
        '2023,Tập thể lao động tiên tiến,TT,Tập thể,',
        '2023,Chiến sĩ thi đua cơ sở,TT-TX,Cá nhân,Nguyễn Văn An', // another award
      ]),
    );
    expect(res.status).toBe(201);
    expect(res.body.warnings?.map((w) => [w.row, w.column, w.value, w.message_vi])).toEqual([
      [3, 'recipient_name', 'nguyễn  văn an', expect.stringMatching(/^trùng .* với dòng 1, lặp lại ở dòng 3:/)],
      [8, 'unit_code', 'TT', expect.stringMatching(/^trùng .* với dòng 7, lặp lại ở dòng 8:/)],
    ]);
    expect((await summary('from=2023&to=2023&unit=TT')).body.total).toBe(before + 9);
    // what the batch brought in, by unit and award type
    const came = await api(`http://local/api/v1/imports/${res.body.batch!.id}/breakdown`);
    expect(came.status).toBe(200);
    expect(((await came.json()) as { rows: unknown[] }).rows).toEqual([
      { unit: 'TT-TX', unit_name: 'Xã Thụy Xuân', award: 'LDTT', award_name: 'Lao động tiên tiến', count: 5 },
      { unit: 'TT', unit_name: 'Huyện Thái Thụy', award: 'TTLDTT', award_name: 'Tập thể lao động tiên tiến', count: 2 },
      { unit: 'TT-TH', unit_name: 'Xã Thụy Hải', award: 'LDTT', award_name: 'Lao động tiên tiến', count: 1 },
      { unit: 'TT-TX', unit_name: 'Xã Thụy Xuân', award: 'CSTD_CS', award_name: 'Chiến sĩ thi đua cơ sở', count: 1 },
    ]);
    const none = await api('http://local/api/v1/imports/999999/breakdown');
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error_vi: 'không có lô nhập số 999999' });
    expect(await consistency()).toMatchObject({ ok: true });
  });
});

describe('errors a person can act on', () => {
  it("groups every error by column and value, with the file's header and the spreadsheet's row", async () => {
    const baseline = await snapshot();
    const rows = [
      ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2024'],
      ['(Kèm theo Quyết định số 456/QĐ-UBND)'],
      [],
      ['STT', 'Họ và tên', 'Đơn vị công tác', 'Loại đối tượng', 'Năm xét khen', 'Danh hiệu'],
      ...Array.from({ length: 30 }, (_, i) => [i + 1, `Người ${i + 1}`, 'Xã Thụy Xuân', 'Cán bộ', 2024, 'LDTT']),
      [31, 'Người 31', 'Xã Thụy Xuânn', 'Cá nhân', 2024, 'LDTT'],
      [32, 'Người 32', 'Xã Thụy Xuânn', 'Cá nhân', 2024, 'LDTT'],
      [33, 'Người 33', 'Xã Đông Thụy Anh', 'Cá nhân', 2099, 'LDTT'],
      ['Tổng cộng: 33 người'],
    ];
    const wb = XLSX.utils.book_new();
    // the list begins on the sheet's third row: the spreadsheet's numbers count the two above
    const sheet = XLSX.utils.sheet_add_aoa({}, rows, { origin: 'A3' });
    sheet['!ref'] = 'A3:F40'; // as Excel writes a sheet whose first rows are empty
    XLSX.utils.book_append_sheet(wb, sheet, 'DS');
    const res = await upload('awards', XLSX.write(wb, { type: 'array', bookType: 'xlsx' }), XLSX_TYPE);
    expect(res.status).toBe(422);
    const body = res.body as typeof res.body & {
      error_groups: { header: string; count: number; sheet_rows: number[]; rows: number[] }[];
      error_groups_truncated: boolean;
    };
    // the contract's fields as they were: 1-based data rows, header excluded
    expect(body.total).toBe(33);
    expect(body.errors?.[0]).toMatchObject({ row: 1, column: 'recipient_kind', value: 'Cán bộ', sheet_row: 7 });
    expect(body.error_groups).toEqual([
      expect.objectContaining({
        column: 'recipient_kind',
        header: 'Loại đối tượng',
        value: 'Cán bộ',
        count: 30,
        rows: [1, 2, 3, 4, 5],
        sheet_rows: [7, 8, 9, 10, 11],
        message_vi: expect.stringMatching(/Cá nhân, Tập thể, Hộ gia đình/),
      }),
      expect.objectContaining({
        column: 'unit_code',
        header: 'Đơn vị công tác',
        value: 'Xã Thụy Xuânn',
        count: 2,
        sheet_rows: [37, 38],
      }),
      expect.objectContaining({ column: 'year', header: 'Năm xét khen', value: '2099', count: 1, sheet_rows: [39] }),
    ]);
    expect(body.error_groups_truncated).toBe(false);
    expect(await snapshot()).toEqual(baseline);
  });
});

describe('recipient class from Chức vụ', () => {
  const list = csv([
    'STT,Họ và tên,Chức vụ,Đơn vị công tác,Đối tượng',
    '1,Nguyễn Văn A,Chủ tịch UBND tỉnh,HY,Cá nhân',
    '2,Trần Thị B,Phó Giám đốc Sở Nội vụ,HY,Cá nhân',
    '3,Lê Văn C,Chủ tịch UBND xã,HY-DTA,Cá nhân',
    '4,Phạm Thị D,Giáo viên Trường THCS Đông Thụy Anh,HY-DTA,Cá nhân',
    '5,Hoàng Văn E,giáo viên trường THCS Đông Thụy Anh,HY-DTA,Cá nhân',
    '6,Đỗ Văn G,Giám đốc Công ty TNHH Xuân Hòa,HY-DTA,Cá nhân',
    '7,Vũ Thị H,Chuyên viên,HY-DTA,Cá nhân',
  ]);
  const q = '?year=2025&award_code=Lao%20%C4%91%E1%BB%99ng%20ti%C3%AAn%20ti%E1%BA%BFn';
  const byClass = async () =>
    Object.fromEntries(
      (await summary('from=2025&to=2025&unit=HY&group_by=class')).body.rows.map((r) => [r.class, r.count]),
    );

  it('suggests a class for each distinct Chức vụ, and applies them only when asked', async () => {
    const check = await upload('awards', list, 'text/csv', `${q}&dry_run=1`);
    expect(check.status).toBe(200);
    expect((check.body as { class_suggestions: unknown }).class_suggestions).toEqual([
      { position: 'Giáo viên Trường THCS Đông Thụy Anh', class: 'TRUC_TIEP', count: 2 },
      { position: 'Chủ tịch UBND tỉnh', class: 'LD_BO_TINH', count: 1 },
      { position: 'Phó Giám đốc Sở Nội vụ', class: 'LD_VU_SO', count: 1 },
      { position: 'Chủ tịch UBND xã', class: 'LD_KHAC', count: 1 },
      { position: 'Giám đốc Công ty TNHH Xuân Hòa', class: 'DOANH_NHAN', count: 1 },
      { position: 'Chuyên viên', class: null, count: 1 },
    ]);
    const before = await byClass();
    const applied = await upload('awards', list, 'text/csv', `${q}&class_from_position=1`);
    expect(applied.status).toBe(201);
    const after = await byClass();
    const added = (c: string) => (after[c] ?? 0) - (before[c] ?? 0);
    expect(['LD_BO_TINH', 'LD_VU_SO', 'LD_KHAC', 'TRUC_TIEP', 'DOANH_NHAN'].map(added)).toEqual([1, 1, 1, 2, 1]);
    expect(await consistency()).toMatchObject({ ok: true });
    expect((await rollback(applied.body.batch!.id!)).status).toBe(200);
    // without the parameter the same list imports with no class at all
    const plain = await upload('awards', list, 'text/csv', q);
    expect(plain.status).toBe(201);
    expect(await byClass()).toEqual({ ...before, null: (before.null ?? 0) + 7 });
  });
});
