import { api } from './auth';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { award, dataset, load, resetDatabase } from './helpers';

const a = award;

// Province P (district D, commune C) and another province Q; form 0602 for P in 2024 is worked
// out by hand below.
beforeAll(async () => {
  await resetDatabase();
  await load(
    dataset(
      [
        a(2024, 'HC_LD_3', 'P', 'individual', 2, { recipient_class: 'LD_VU_SO' }),
        a(2024, 'HC_LD_3', 'D', 'collective', 1, { recipient_class: 'DOANH_NGHIEP' }),
        a(2024, 'HC_BVTQ_3', 'C', 'collective', 1),
        a(2024, 'BK_TTG', 'C', 'individual', 2, { recipient_class: 'TRUC_TIEP' }),
        a(2024, 'BK_TTG', 'D', 'individual', 1, { recipient_class: 'LD_KHAC', method: 'DOT_XUAT' }),
        a(2024, 'CO_CP', 'D', 'collective', 1),
        a(2024, 'CSTD_TQ', 'P', 'individual', 1, { recipient_class: 'LD_KHAC' }),
        a(2024, 'HCH_CSVV_3', 'C', 'individual', 4, { recipient_class: 'TRUC_TIEP', method: 'NIEN_HAN' }),
        a(2024, 'NGUT', 'D', 'individual', 2, { recipient_class: 'LD_KHAC', method: 'CONG_HIEN' }),
        a(2024, 'LDTT', 'C', 'individual', 10, { recipient_class: 'TRUC_TIEP' }),
        a(2024, 'HC_LD_3', 'Q', 'individual', 5),
        a(2023, 'BK_TTG', 'C', 'individual', 7, { recipient_class: 'TRUC_TIEP' }),
      ],
      {
        units: [
          { code: 'P', name: 'Tỉnh P', kind: 'province' },
          { code: 'D', name: 'Huyện D', kind: 'district', parent_code: 'P' },
          { code: 'C', name: 'Xã C', kind: 'commune', parent_code: 'D' },
          { code: 'Q', name: 'Tỉnh Q', kind: 'province' },
        ],
        movements: [
          {
            code: 'M_C1',
            name: 'Trung ương, chuyên đề',
            level: 'central',
            kind: 'thematic',
            start_date: '2021-09-01',
            end_date: '2025-12-31',
          },
          {
            code: 'M_C2',
            name: 'Trung ương, theo đợt',
            level: 'central',
            kind: 'campaign',
            start_date: '2024-09-01',
            end_date: '2026-01-31',
          },
          {
            code: 'M_P',
            name: 'Tỉnh P, thường xuyên',
            level: 'province',
            kind: 'regular',
            owner_code: 'P',
            start_date: '2024-01-01',
          },
          {
            code: 'M_D',
            name: 'Huyện D, chuyên đề',
            level: 'district',
            kind: 'thematic',
            owner_code: 'D',
            start_date: '2024-03-01',
            end_date: '2024-10-31',
          },
          {
            code: 'M_Q',
            name: 'Tỉnh Q, chuyên đề',
            level: 'province',
            kind: 'thematic',
            owner_code: 'Q',
            start_date: '2024-01-01',
            end_date: '2024-12-31',
          },
          {
            code: 'M_OLD',
            name: 'Đã kết thúc',
            level: 'central',
            kind: 'regular',
            start_date: '2015-01-01',
            end_date: '2019-12-31',
          },
        ],
      },
    ),
  );
});

type Form = {
  columns: { key: string; kind: string }[];
  rows: { key: string; cells: (number | null)[] }[];
  title: string;
};

describe('GET /api/v1/reports/0602', () => {
  it('matches the hand-computed cells for P in 2024', async () => {
    const res = await api('http://local/api/v1/reports/0602?unit=P&year=2024');
    expect(res.status).toBe(200);
    const form = (await res.json()) as Form;
    expect(form.title).toBe('Biểu 0602: Số lượng khen thưởng cấp Nhà nước');
    expect(form.columns.map((c) => `${c.key}:${c.kind}`)).toEqual([
      'huan_chuong:collective',
      'huan_chuong:individual',
      'huy_chuong:individual',
      'danh_hieu_vinh_du:collective',
      'danh_hieu_vinh_du:individual',
      'giai_thuong:individual',
      'co_cp:collective',
      'bk_ttg:collective',
      'bk_ttg:individual',
      'cstd_tq:individual',
    ]);
    const n = null;
    expect(Object.fromEntries(form.rows.map((r) => [r.key, r.cells]))).toEqual({
      total: [2, 2, 4, 0, 2, 0, 1, 0, 3, 1],
      LD_BO_TINH: [n, 0, 0, n, 0, 0, n, n, 0, 0],
      LD_VU_SO: [n, 2, 0, n, 0, 0, n, n, 0, 0],
      LD_KHAC: [n, 0, 0, n, 2, 0, n, n, 1, 1],
      DOANH_NHAN: [n, 0, 0, n, 0, 0, n, n, 0, 0],
      TRUC_TIEP: [n, 0, 4, n, 0, 0, n, n, 2, 0],
      DOANH_NGHIEP: [1, n, n, 0, n, n, 0, 0, n, n],
      THUONG_XUYEN: [2, 2, 0, 0, 0, 0, 1, 0, 2, 1],
      CHUYEN_DE: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      DOT_XUAT: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0],
      DOI_NGOAI: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      CONG_HIEN: [0, 0, 0, 0, 2, 0, 0, 0, 0, 0],
      NIEN_HAN: [0, 0, 4, 0, 0, 0, 0, 0, 0, 0],
      KHANG_CHIEN: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
  });

  it(
    'is laid out like the printed form in XLSX: header block, numbered rows ' +
      'and columns, whole numbers, signatures',
    async () => {
      const res = await api('http://local/api/v1/reports/0602?unit=P&year=2024&format=xlsx');
      expect(res.status).toBe(200);
      const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array', cellNF: true });
      expect(wb.SheetNames).toEqual(['0602']);
      const sheet = wb.Sheets['0602'];
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, blankrows: true });
      expect(rows[0][0]).toBe('Biểu số 0602');
      expect(rows[0][2]).toBe('Đơn vị báo cáo: Tỉnh P');
      expect(rows[1][0]).toBe('Ban hành kèm theo Thông tư số 02/2023/TT-BNV của Bộ trưởng Bộ Nội vụ');
      expect(rows[1][2]).toBe('Đơn vị nhận báo cáo: Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)');
      expect(rows[3][0]).toBe('SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC');
      expect(rows[4][0]).toBe('Năm 2024');
      expect(rows[6].slice(0, 4)).toEqual(['Chỉ tiêu', 'Mã số', 'Huân chương', null]);
      expect(rows[7].slice(2, 4)).toEqual(['Tập thể', 'Cá nhân']);
      expect(rows[8]).toEqual(['A', 'B', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(rows[9]).toEqual(['Tổng số', '01', 2, 2, 4, 0, 2, 0, 1, 0, 3, 1]);
      expect(rows[10].slice(0, 2)).toEqual(['Lãnh đạo cấp bộ, tỉnh', '02']);
      // typed whole numbers with a thousands separator, never "3."
      expect(sheet.E10.t).toBe('n');
      expect(sheet.E10.z).toBe('#,##0');
      expect(sheet['!merges']?.length).toBeGreaterThan(0);
      const tail = rows.slice(9 + 14).map((r) => r.filter((v) => v !== null && v !== ''));
      expect(tail.find((r) => String(r[0]).startsWith('P, ngày'))?.[0]).toMatch(
        /^P, ngày \d{2} tháng \d{2} năm \d{4}$/,
      );
      expect(tail).toContainEqual(['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']);
      expect(tail).toContainEqual(['(Ký, ghi rõ họ tên)', '(Ký, đóng dấu, ghi rõ họ tên)']);
    },
  );

  it('carries the header block and the numbering in JSON, for the preview', async () => {
    const form = (await (await api('http://local/api/v1/reports/0602?unit=D&year=2024')).json()) as {
      header: Record<string, string>;
      columns: { no: number }[];
      rows: { code: string }[];
    };
    expect(form.header).toMatchObject({
      form_no: 'Biểu số 0602',
      reporting_unit: 'Huyện D',
      receiving_unit: 'Tỉnh P',
      period: 'Năm 2024',
    });
    expect(form.columns.map((c) => c.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(form.rows.map((r) => r.code).slice(0, 3)).toEqual(['01', '02', '03']);
  });
});

describe('GET /api/v1/reports/0601', () => {
  it('counts the movements launched and running in the year, by level, kind and duration', async () => {
    const res = await api('http://local/api/v1/reports/0601?unit=P&year=2024');
    expect(res.status).toBe(200);
    const form = (await res.json()) as Form;
    expect(form.columns.map((c) => c.kind)).toEqual(['launched', 'running']);
    // P: central M_C1 (running), M_C2 (launched), its own M_P (launched), D's M_D (launched); not Q's, not the ended
    // one
    expect(Object.fromEntries(form.rows.map((r) => [r.key, r.cells]))).toEqual({
      total: [3, 4],
      central: [1, 2],
      province: [1, 1],
      district: [1, 1],
      unit: [0, 0],
      regular: [1, 1],
      thematic: [1, 2],
      campaign: [1, 1],
      short: [1, 1],
      medium: [1, 2],
      long: [1, 1],
    });
    const q = (await (await api('http://local/api/v1/reports/0601?unit=Q&year=2024')).json()) as Form;
    expect(q.rows[0].cells).toEqual([2, 3]);
  });
});

describe('GET /api/v1/reports/0603', () => {
  it('splits certificates of merit into collective, individual and household', async () => {
    const form = (await (await api('http://local/api/v1/reports/0603?unit=P&year=2024&lang=en')).json()) as Form;
    expect(form.title).toBe('Form 0603: ministry/province-level awards');
    expect(form.columns.slice(0, 3).map((c) => c.kind)).toEqual(['collective', 'individual', 'household']);
    expect(form.rows[0].cells.every((c) => c === 0)).toBe(true);
  });
});

describe('bad report parameters', () => {
  it.each([
    ['0699?unit=P&year=2024', 'form', /unknown form '0699', expected 0601, 0602 or 0603/],
    ['0602?year=2024', 'unit', /required/],
    ['0602?unit=P', 'year', /./],
    ['0602?unit=NOPE&year=2024', 'unit', /unknown code 'NOPE'/],
    ['0602?unit=P&year=24', 'year', /four-digit year/],
    ['0602?unit=P&year=2024&format=csv', 'format', /./],
    ['0602?unit=P&year=2024&as_of=2025-13-01', 'as_of', /not a date/],
  ])('%s', async (q, parameter, message) => {
    const res = await api(`http://local/api/v1/reports/${q}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; parameter: string };
    expect(body.parameter).toBe(parameter);
    expect(body.error).toMatch(message);
  });
});
