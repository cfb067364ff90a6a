import { api } from './auth';
import * as XLSX from '@e965/xlsx';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixture';
import { load, resetDatabase, summary } from './helpers';
import { consistency, csv, rollback, snapshot, upload, XLSX_TYPE } from './importHelpers';

function xlsx(rows: unknown[][]): ArrayBuffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Dữ liệu');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['ignored']]), 'Ghi chú');
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
}

const meta = async () =>
  (await (await api('http://local/api/v1/meta')).json()) as {
    data_version: number;
    units: { code: string; name: string; parent_code: string | null; valid_to: string | null }[];
    clusters: {
      code: string;
      name: string;
      members: { unit_code: string; year_from: number; year_to: number | null }[];
    }[];
    movements: { code: string; owner_code: string | null }[];
    award_types: { code: string; name_vi: string }[];
    unit_lineage: { from_code: string; to_code: string; share: number }[];
  };

beforeAll(async () => {
  await resetDatabase();
  await load(FIXTURE);
});

describe('every dataset imports, in every format', () => {
  it('units: CSV with BOM, ";", CRLF, quoted fields, Vietnamese headers, a parent earlier in the file', async () => {
    const body = `\uFEFF${csv(
      [
        'Mã đơn vị;Tên đơn vị;Loại đơn vị;Mã đơn vị cấp trên;Ngày bắt đầu;Ngày kết thúc',
        'HY;"Tỉnh Hưng Yên; mới";province;;01/07/2025;',
        'HY-X1;"Xã Thái Thụy, ""mới""";commune;HY;2025-07-01;',
        'HY-X2;"Xã Đông\nHưng";commune;HY;;',
        'D1-X;Xã mới của D1;commune;D1;;',
      ],
      '\r\n',
    )}`;
    const res = await upload('units', body, 'text/csv', '?filename=don-vi.csv');
    expect(res.status).toBe(201);
    expect(res.body.batch).toMatchObject({ dataset: 'units', rows: 4, status: 'committed', format: 'csv' });
    const units = (await meta()).units;
    expect(units.find((u) => u.code === 'HY')).toMatchObject({ name: 'Tỉnh Hưng Yên; mới', parent_code: null });
    expect(units.find((u) => u.code === 'HY-X1')).toMatchObject({ name: 'Xã Thái Thụy, "mới"', parent_code: 'HY' });
    expect(units.find((u) => u.code === 'HY-X2')?.name).toBe('Xã Đông\nHưng');
    // the unit tree (closure) knows the new units: an award on HY-X1 counts under HY
    const a = await upload('awards', csv(['year,award_code,unit_code,recipient_kind', '2025,LDTT,HY-X1,individual']));
    expect(a.status).toBe(201);
    expect((await summary('unit=HY')).body.total).toBe(1);
    expect((await summary('unit=D1')).body.total).toBe(36);
    expect((await consistency()).ok).toBe(true);
  });

  it('unit_lineage: JSON', async () => {
    const res = await upload(
      'unit_lineage',
      JSON.stringify([
        { from_code: 'C1', to_code: 'HY-X1', effective_date: '01/07/2025', share: 0.6 },
        { from_code: 'C1', to_code: 'HY-X2', effective_date: '2025-07-01', share: '0.4' },
        { from_code: 'C2', to_code: 'HY-X2', effective_date: '2025-07-01' },
      ]),
      'application/json',
    );
    expect(res.status).toBe(201);
    expect((await meta()).unit_lineage).toEqual(
      expect.arrayContaining([{ from_code: 'C1', to_code: 'HY-X1', effective_date: '2025-07-01', share: 0.6 }]),
    );
  });

  it('clusters: XLSX (first sheet) with Vietnamese headers', async () => {
    const res = await upload(
      'clusters',
      xlsx([
        ['Mã cụm, khối', 'Tên cụm, khối', 'Loại', 'Cấp', 'Mã đơn vị tổ chức'],
        ['K1', 'Khối các sở, ngành', 'khoi', 'province', 'P'],
        ['CUM-HY', 'Cụm thi đua các xã', 'cum', 'province', ''],
      ]),
      XLSX_TYPE,
    );
    expect(res.status).toBe(201);
    expect(res.body.batch).toMatchObject({ rows: 2, format: 'xlsx' });
  });

  it('cluster_members: CSV, blank year_to = still a member', async () => {
    const res = await upload(
      'cluster_members',
      csv(['cluster_code,unit_code,year_from,year_to', 'K1,A,2020,', 'CUM-HY,HY-X1,2025,2026']),
    );
    expect(res.status).toBe(201);
    const k1 = (await meta()).clusters.find((c) => c.code === 'K1');
    expect(k1?.members).toEqual([{ unit_code: 'A', year_from: 2020, year_to: null }]);
  });

  it('movements and award_types: CSV and JSON', async () => {
    const m = await upload(
      'movements',
      csv([
        'Mã phong trào,Tên phong trào,Cấp phát động,Loại phong trào,Mã đơn vị phát động,Ngày bắt đầu',
        'PT-CDS,"Chuyển đổi số, 2025",province,campaign,HY,15/03/2025',
      ]),
    );
    expect(m.status).toBe(201);
    expect((await meta()).movements.find((x) => x.code === 'PT-CDS')).toMatchObject({ owner_code: 'HY' });
    const t = await upload(
      'award_types',
      JSON.stringify([
        {
          code: 'KT_HY',
          name_vi: 'Giấy khen Chủ tịch UBND xã',
          name_en: null,
          category: 'commendation',
          tier: 'grassroots',
          scope: 'both',
        },
      ]),
      'application/json',
    );
    expect(t.status).toBe(201);
    expect((await meta()).award_types.find((x) => x.code === 'KT_HY')?.name_vi).toBe('Giấy khen Chủ tịch UBND xã');
  });

  it('awards: XLSX with dates, numbers and text exactly as typed; new codes from earlier imports', async () => {
    const res = await upload(
      'awards',
      xlsx([
        [
          'Năm',
          'Mã hình thức',
          'Mã đơn vị',
          'Đối tượng',
          'Số lượng',
          'Giới tính',
          'Phương thức khen',
          'Mã phong trào',
          'Số quyết định',
          'Ngày quyết định',
          'Tên người/tập thể được khen',
        ],
        [
          2025,
          'KT_HY',
          'HY-X2',
          'collective',
          3,
          '',
          'CHUYEN_DE',
          'PT-CDS',
          '45/QĐ-UBND',
          new Date(Date.UTC(2025, 11, 20)),
          'Tổ dân phố Đông, "Hưng"',
        ],
        [2025, 'LDTT', 'HY-X2', 'individual', '', 'F', '', '', '-', '20/12/2025', '+84 Trần Thị Ánh'],
      ]),
      XLSX_TYPE,
    );
    expect(res.status).toBe(201);
    const rows = await env.DB.prepare(
      'SELECT quantity, method, decision_no, decision_date, recipient_name ' +
        'FROM awards WHERE batch_id = ? ORDER BY row_no',
    )
      .bind(res.body.batch!.id)
      .all();
    expect(rows.results).toEqual([
      {
        quantity: 3,
        method: 'CHUYEN_DE',
        decision_no: '45/QĐ-UBND',
        decision_date: '2025-12-20',
        recipient_name: 'Tổ dân phố Đông, "Hưng"',
      },
      // +, - are stored as given (exports neutralise them); only "=" is refused
      {
        quantity: 1,
        method: 'THUONG_XUYEN',
        decision_no: '-',
        decision_date: '2025-12-20',
        recipient_name: '+84 Trần Thị Ánh',
      },
    ]);
    expect((await summary('unit=HY&group_by=movement')).body.rows).toEqual([
      { movement: 'PT-CDS', count: 3 },
      { movement: null, count: 2 },
    ]);
    expect((await consistency()).ok).toBe(true);
  });

  it('awards: an XLSX formula cell counts by its saved value', async () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([
      ['year', 'award_code', 'unit_code', 'recipient_kind', 'quantity'],
      [2022, 'LDTT', 'C1', 'individual', 0],
    ]);
    ws.E2 = { t: 'n', v: 3, f: '1+2' }; // what Excel saves: the formula and its last value
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    const res = await upload('awards', XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer, XLSX_TYPE);
    expect(res.status).toBe(201);
    expect((await summary('from=2022&to=2022')).body.total).toBe(3);
    expect((await rollback(res.body.batch!.id!)).status).toBe(200);
  });

  it('movement_results: CSV with decimal commas in quoted scores', async () => {
    const res = await upload(
      'movement_results',
      csv([
        'year;cluster_code;unit_code;score;rank;proposed_award_code',
        '2025;CUM-HY;HY-X1;"97,5";1;CO_BT',
        '2025;K1;A;88;1;',
      ]),
    );
    expect(res.status).toBe(201);
    const r = await env.DB.prepare(
      'SELECT score, rank, proposed_award_code FROM movement_results WHERE batch_id = ? ORDER BY rank, score DESC',
    )
      .bind(res.body.batch!.id)
      .all();
    expect(r.results).toContainEqual({ score: 97.5, rank: 1, proposed_award_code: 'CO_BT' });
  });
});

describe('idempotent and reversible', () => {
  const file = csv([
    'year,award_code,unit_code,recipient_kind,quantity',
    '2026,LDTT,C1,individual,7',
    '2026,CSTD_CS,C2,individual,2',
  ]);

  it('dry_run validates and writes nothing', async () => {
    const before = await snapshot();
    const res = await upload('awards', file, 'text/csv', '?dry_run=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dry_run: true, batch: { id: null, dataset: 'awards', rows: 2 } });
    expect(await snapshot()).toEqual(before);
  });

  it('the same file again is recognised, not counted twice; rollback restores every total', async () => {
    const before = await snapshot();
    const first = await upload('awards', file);
    expect(first.status).toBe(201);
    const id = first.body.batch!.id!;
    expect((await summary('from=2026&to=2026')).body.total).toBe(9);
    const version = (await meta()).data_version;

    const again = await upload('awards', file);
    expect(again.status).toBe(200);
    expect(again.body.duplicate_of).toBe(id);
    expect((await summary('from=2026&to=2026')).body.total).toBe(9);
    expect((await meta()).data_version).toBe(version);

    const list = (await (await api('http://local/api/v1/imports')).json()) as {
      batches: { id: number; rows: number; created_by: string; content_hash: string; status: string }[];
    };
    expect(list.batches[0]).toMatchObject({ id, rows: 2, created_by: 'ADMIN_TOKEN', status: 'committed' });
    expect(list.batches[0].content_hash).toMatch(/^[0-9a-f]{64}$/);

    const rb = await rollback(id);
    expect(rb.status).toBe(200);
    expect(rb.body.batch?.status).toBe('rolled_back');
    const after = await snapshot();
    expect(after.summary).toEqual(before.summary);
    expect(after.tables).toEqual({ ...before.tables, import_batches: before.tables.import_batches + 1 });
    // a small batch is merged with its flip: one version change
    expect(after.version).toBe(version + 1);
    expect((await consistency()).ok).toBe(true);
    expect((await rollback(id)).status).toBe(409);
    expect((await rollback(99999)).status).toBe(404);

    // after a rollback the same file may be imported again
    const third = await upload('awards', file);
    expect(third.status).toBe(201);
    expect((await summary('from=2026&to=2026')).body.total).toBe(9);
    await rollback(third.body.batch!.id!);
  });

  it('reference data in use cannot be rolled back until the awards that use it are', async () => {
    const units = await upload('units', csv(['code,name,kind,parent_code', 'Z1,Xã Z1,commune,P']));
    const awards = await upload('awards', csv(['year,award_code,unit_code,recipient_kind', '2024,LDTT,Z1,individual']));
    expect(awards.status).toBe(201);
    const refused = await rollback(units.body.batch!.id!);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/1 awards/);
    expect((await rollback(awards.body.batch!.id!)).status).toBe(200);
    const before = await summary('unit=P');
    expect((await rollback(units.body.batch!.id!)).status).toBe(200);
    expect((await meta()).units.some((u) => u.code === 'Z1')).toBe(false);
    expect((await summary('unit=P')).body).toEqual(before.body);
    expect((await consistency()).ok).toBe(true);
  });

  it('a stale staging batch is never counted and can be removed', async () => {
    const before = await snapshot();
    const { meta: m } = await env.DB.prepare(
      'INSERT INTO import_batches (dataset, format, content_hash, rows, ' +
        "created_by, created_at, status) VALUES ('awards', 'csv', 'pending-x', " +
        "0, 'admin', '2026-01-01', 'staging')",
    ).run();
    const id = m.last_row_id;
    await env.DB.prepare(
      'INSERT INTO awards (batch_id, row_no, year, award_code, unit_id, ' +
        "recipient_kind, quantity) VALUES (?, 1, 2024, 'LDTT', (SELECT id FROM " +
        "units WHERE code = 'C1'), 'individual', 100)",
    )
      .bind(id)
      .run();
    expect((await summary('group_by=year')).body).toEqual(before.summary);
    expect((await consistency()).ok).toBe(true);
    expect((await rollback(id)).status).toBe(200);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM awards WHERE batch_id = ?').bind(id).first())?.n).toBe(0);
  });
});

describe('templates', () => {
  it.each(['units', 'awards', 'movement_results'])(
    '%s: the XLSX template XLSX and CSV templates have Vietnamese headers and an instructions sheet',
    async (dataset) => {
      const res = await api(`http://local/api/v1/imports/templates/${dataset}.xlsx`);
      expect(res.status).toBe(200);
      const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
      expect(wb.SheetNames).toEqual(['Dữ liệu', 'Danh mục chọn', 'Đơn vị', 'Hình thức', 'Hướng dẫn']);
      const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Dữ liệu'], { header: 1 })[0];
      expect(header).toContain('Mã đơn vị');
      const csvRes = await api(`http://local/api/v1/imports/templates/${dataset}.csv`);
      const bytes = new Uint8Array(await csvRes.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
      const text = new TextDecoder().decode(bytes);
      expect(text.split('\r\n')[0]).toBe(header.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','));
    },
  );

  it('an unknown template is a 404 with a JSON error', async () => {
    for (const name of ['medals', 'constructor']) {
      const res = await api(`http://local/api/v1/imports/templates/${name}.xlsx`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/unknown dataset/);
    }
  });

  it('a filled awards template imports', async () => {
    const res = await api('http://local/api/v1/imports/templates/awards.xlsx');
    const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    XLSX.utils.sheet_add_aoa(wb.Sheets['Dữ liệu'], [[2023, 'LDTT', 'C2', 'individual', 4]], { origin: 'A2' });
    const up = await upload('awards', XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer, XLSX_TYPE);
    expect(up.status).toBe(201);
    expect(up.body.batch?.rows).toBe(1);
    await rollback(up.body.batch!.id!);
  });
});
