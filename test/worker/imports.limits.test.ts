import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from './auth';
import { FIXTURE } from './fixture';
import { load, resetDatabase } from './helpers';
import { AUTH, CSV, csv, snapshot, XLSX_TYPE } from './importHelpers';
import { repeated, zip } from './zip';

// Files built to cost the Worker time or memory are refused early, with small answers that say
// which limit they hit, and change nothing.

const HEAD = 'year,award_code,unit_code,recipient_kind,quantity,recipient_name';
const good = '2024,LDTT,C1,individual,1,Nguyễn Thị Hoa';

async function send(body: BodyInit | Uint8Array, type = CSV) {
  const res = await api('http://local/api/v1/imports/awards', {
    method: 'POST',
    headers: { ...AUTH, 'content-type': type },
    body: body as BodyInit,
  });
  const text = await res.text();
  return {
    status: res.status,
    size: text.length,
    body: JSON.parse(text) as {
      error?: string;
      errors?: {
        row: number;
        column: string | null;
        value: string | null;
        value_length?: number;
        message: string;
        message_vi: string;
      }[];
      total?: number;
    },
  };
}

const sheetXml = (dimension: string, rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ` +
  `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ` +
  `ref="${dimension}"/><sheetData>${rows}</sheetData></worksheet>`;

let baseline: Awaited<ReturnType<typeof snapshot>>;
beforeAll(async () => {
  await resetDatabase();
  await load(FIXTURE);
  baseline = await snapshot();
});

describe('CSV records and headers have a length cap', () => {
  it('a stray quote in a 5 MB file: 422 at the record it opens, a small answer', async () => {
    const lines = [HEAD];
    for (let i = 0; i < 100; i++) lines.push(good);
    lines.push('2024,LDTT,C1,individual,1,"Nguyễn Thị Hoa');
    const filler = Array.from({ length: 100_000 }, () => good).join('\n');
    const res = await send(`${lines.join('\n')}\n${filler}\n`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        row: 101,
        column: null,
        message: expect.stringMatching(/longer than 100,000 characters.*quote/),
      }),
    ]);
    expect(res.body.errors![0].message_vi).toMatch(/dấu ngoặc kép/);
    expect(res.size).toBeLessThan(2000);
    expect(await snapshot()).toEqual(baseline);
  });

  it('a header line of 1 MB with no line break: 422 on row 0', async () => {
    const res = await send(`${HEAD},${'x'.repeat(1 << 20)}`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        row: 0,
        message: expect.stringMatching(/header line is longer than 16,384 characters/),
      }),
    ]);
    expect(res.size).toBeLessThan(2000);
  });

  it('a header that is long but ends: the same refusal', async () => {
    const res = await send(`${HEAD},${'y'.repeat(20_000)}\n${good}\n`);
    expect(res.status).toBe(422);
    expect(res.body.errors![0]).toMatchObject({ row: 0 });
  });
});

describe('error answers carry a cell once, cut', () => {
  it('a 3 MB JSON cell: value cut to 200 characters with its length, not in the messages', async () => {
    const big = 'A'.repeat(3_000_000);
    const rows = [
      { year: 2024, award_code: 'LDTT', unit_code: 'C1', recipient_kind: 'individual', recipient_name: big },
      { year: big, award_code: 'LDTT', unit_code: 'C1', recipient_kind: 'individual' },
    ];
    const res = await send(JSON.stringify(rows), 'application/json');
    expect(res.status).toBe(422);
    expect(res.body.total).toBe(2);
    for (const e of res.body.errors!) {
      expect(e.value!.length).toBe(201);
      expect(e.value_length).toBe(3_000_000);
      expect(e.message.length).toBeLessThan(200);
      expect(e.message_vi.length).toBeLessThan(200);
    }
    expect(res.size).toBeLessThan(3000);
    expect(await snapshot()).toEqual(baseline);
  });

  it('1,000 errors of 20 KB cells make an answer under 1 MB', async () => {
    const cell = 'B'.repeat(20_000);
    const lines = [HEAD, ...Array.from({ length: 1200 }, () => `2024,LDTT,C1,individual,1,${cell}`)];
    const res = await send(csv(lines));
    expect(res.status).toBe(422);
    expect(res.body.total).toBe(1200);
    expect(res.size).toBeLessThan(1 << 20);
  });
});

describe('XLSX is measured before it is expanded', () => {
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

  it('a central directory declaring 400 MB: 413', async () => {
    const file = await zip([
      { name: '[Content_Types].xml', content: types },
      { name: 'xl/worksheets/sheet1.xml', content: sheetXml('A1:A1', ''), declaredSize: 400 * 1024 * 1024 },
    ]);
    const res = await send(file, XLSX_TYPE);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/too large once uncompressed \(400 MB declared/);
    expect(await snapshot()).toEqual(baseline);
  });

  it('a sheet whose dimension says 1,048,576 rows: 413 before it is inflated', async () => {
    const file = await zip([
      { name: 'xl/worksheets/sheet1.xml', content: sheetXml('A1:M1048576', '<row r="1"/>'.repeat(1000)) },
    ]);
    const res = await send(file, XLSX_TYPE);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/1,048,576 rows in xl\/worksheets\/sheet1.xml/);
  });

  it('a bomb that lies about its size (declares 1 KB, inflates past 48 MB): 413', async () => {
    const file = await zip([
      { name: 'xl/worksheets/sheet1.xml', content: repeated('<row/>', 60 * 1024 * 1024), declaredSize: 1024 },
    ]);
    expect(file.length).toBeLessThan(1 << 20);
    const res = await send(file, XLSX_TYPE);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/more than 48 MB/);
    expect(await snapshot()).toEqual(baseline);
  });

  it('an ordinary workbook still imports', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['year', 'award_code', 'unit_code', 'recipient_kind'],
        [2024, 'LDTT', 'C1', 'individual'],
      ]),
      'S',
    );
    const res = await send(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer, XLSX_TYPE);
    expect(res.status).toBe(201);
  });
});
