import { anonymous } from './auth';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixture';
import { load, resetDatabase } from './helpers';
import { consistency, csv, snapshot, upload, XLSX_TYPE } from './importHelpers';

// Every bad input must be refused with a 4xx that names the row and column, and leave every
// table, the cube, the data version and the batch list exactly as they were.

const AWARDS_HEAD =
  'year,award_code,unit_code,recipient_kind,quantity,gender,recipient_class,method,ethnic_minority,movement_code,' +
  'decision_no,decision_date,recipient_name';
const good = '2024,LDTT,C1,individual,3,F,TRUC_TIEP,THUONG_XUYEN,0,,12/QĐ-UBND,15/01/2024,Nguyễn Thị Hoa';
const awardsCsv = (...rows: string[]) => csv([AWARDS_HEAD, good, ...rows]);

function xlsx(rows: unknown[][]): ArrayBuffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
}

const big = () => {
  const lines = [AWARDS_HEAD];
  for (let i = 0; i < 2000; i++) lines.push(good);
  lines.push('2024,LDTT,C1,individual,-1,F,TRUC_TIEP,THUONG_XUYEN,0,,,,');
  return csv(lines);
};

type Case = [
  name: string,
  dataset: string,
  body: BodyInit | (() => BodyInit),
  row: number,
  column: string | null,
  type?: string,
];

const CASES: Case[] = [
  ['unknown award code', 'awards', awardsCsv('2024,NOPE,C1,individual,1,,,,,,,,'), 2, 'award_code'],
  ['unknown unit code', 'awards', awardsCsv('2024,LDTT,ZZ,individual,1,,,,,,,,'), 2, 'unit_code'],
  [
    'recipient kind outside the award scope',
    'awards',
    awardsCsv('2024,LDTT,C1,collective,1,,,,,,,,'),
    2,
    'recipient_kind',
  ],
  [
    'household for an individual-only award',
    'awards',
    awardsCsv('2024,CSTD_CS,C1,household,1,,,,,,,,'),
    2,
    'recipient_kind',
  ],
  ['recipient kind not in the enum', 'awards', awardsCsv('2024,LDTT,C1,person,1,,,,,,,,'), 2, 'recipient_kind'],
  ['year not a number', 'awards', awardsCsv('20x4,LDTT,C1,individual,1,,,,,,,,'), 2, 'year'],
  ['year out of range', 'awards', awardsCsv('1800,LDTT,C1,individual,1,,,,,,,,'), 2, 'year'],
  ['quantity zero', 'awards', awardsCsv('2024,LDTT,C1,individual,0,,,,,,,,'), 2, 'quantity'],
  ['quantity not whole', 'awards', awardsCsv('2024,LDTT,C1,individual,1.5,,,,,,,,'), 2, 'quantity'],
  ['gender not F/M', 'awards', awardsCsv('2024,LDTT,C1,individual,1,X,,,,,,,'), 2, 'gender'],
  ['unknown recipient class', 'awards', awardsCsv('2024,LDTT,C1,individual,1,,LD_XYZ,,,,,,'), 2, 'recipient_class'],
  ['unknown method', 'awards', awardsCsv('2024,LDTT,C1,individual,1,,,SOMETIMES,,,,,'), 2, 'method'],
  ['ethnic_minority not 0/1', 'awards', awardsCsv('2024,LDTT,C1,individual,1,,,,2,,,,'), 2, 'ethnic_minority'],
  ['unknown movement', 'awards', awardsCsv('2024,LDTT,C1,individual,1,,,,,PT-X,,,'), 2, 'movement_code'],
  ['impossible date 31/02', 'awards', awardsCsv('2024,LDTT,C1,individual,1,,,,,,,31/02/2024,'), 2, 'decision_date'],
  ['date in another format', 'awards', awardsCsv('2024,LDTT,C1,individual,1,,,,,,,2024/01/05,'), 2, 'decision_date'],
  ['required cell blank', 'awards', awardsCsv('2024,LDTT,,individual,1,,,,,,,,'), 2, 'unit_code'],
  [
    'missing required column',
    'awards',
    csv(['year,award_code,unit_code,quantity', '2024,LDTT,C1,1']),
    0,
    'recipient_kind',
  ],
  ['a column twice', 'awards', csv([`${AWARDS_HEAD},year`, `${good},2024`]), 0, 'year'],
  ['empty file', 'awards', '', 0, null],
  ['header-only file', 'awards', csv([AWARDS_HEAD]), 0, null],
  [
    'wrong delimiter (tab)',
    'awards',
    csv([AWARDS_HEAD.replaceAll(',', '\t'), good.replaceAll(',', '\t')]),
    0,
    AWARDS_HEAD.replaceAll(',', '\t'),
  ],
  ['more cells than the header', 'awards', awardsCsv('2024,LDTT,C1,individual,1,,,,,,,,,extra'), 2, null],
  ['unterminated quote', 'awards', `${AWARDS_HEAD}\n${good}\n2024,LDTT,C1,individual,1,,,,,,"12/QĐ,,\n`, 2, null],
  ['2,001 rows, the last one bad', 'awards', big, 2001, 'quantity'],
  [
    'JSON row with a bad year',
    'awards',
    JSON.stringify([
      { year: 2024, award_code: 'LDTT', unit_code: 'C1', recipient_kind: 'individual' },
      { year: 'x', award_code: 'LDTT', unit_code: 'C1', recipient_kind: 'individual' },
    ]),
    2,
    'year',
    'application/json',
  ],
  [
    'XLSX row with an unknown unit',
    'awards',
    () =>
      xlsx([
        ['year', 'award_code', 'unit_code', 'recipient_kind'],
        [2024, 'LDTT', 'C1', 'individual'],
        [2024, 'LDTT', 'NOPE', 'individual'],
      ]),
    2,
    'unit_code',
    XLSX_TYPE,
  ],
  [
    'units: parent neither existing nor earlier',
    'units',
    csv(['code,name,kind,parent_code', 'N1,Xã N1,commune,N2', 'N2,Huyện N2,district,P']),
    1,
    'parent_code',
  ],
  ['units: code already exists', 'units', csv(['code,name,kind', 'C1,Xã C1 mới,commune']), 1, 'code'],
  [
    'units: code twice in the file',
    'units',
    csv(['code,name,kind', 'N1,Xã N1,commune', 'N1,Xã N1 bis,commune']),
    2,
    'code',
  ],
  [
    'units: valid_to before valid_from',
    'units',
    csv(['code,name,kind,valid_from,valid_to', 'N1,Xã N1,commune,2025-07-01,30/06/2025']),
    1,
    'valid_to',
  ],
  ['units: unknown kind', 'units', csv(['code,name,kind', 'N1,Xã N1,village']), 1, 'kind'],
  [
    'lineage: share 0',
    'unit_lineage',
    csv(['from_code,to_code,effective_date,share', 'C1,C2,2025-07-01,0']),
    1,
    'share',
  ],
  [
    'lineage: share above 1',
    'unit_lineage',
    csv(['from_code,to_code,effective_date,share', 'C1,C2,2025-07-01,1.5']),
    1,
    'share',
  ],
  [
    'lineage: shares of one unit add up past 1',
    'unit_lineage',
    csv(['from_code,to_code,effective_date,share', 'C1,C2,2025-07-01,0.6', 'C1,D1,2025-07-01,0.6']),
    2,
    'share',
  ],
  [
    'lineage: a unit succeeding itself',
    'unit_lineage',
    csv(['from_code,to_code,effective_date', 'C1,C1,2025-07-01']),
    1,
    'to_code',
  ],
  ['clusters: unknown kind', 'clusters', csv(['code,name,kind,level', 'K2,Khối 2,group,province']), 1, 'kind'],
  [
    'members: year_to before year_from',
    'cluster_members',
    csv(['cluster_code,unit_code,year_from,year_to', 'K1,C1,2024,2020']),
    1,
    'year_to',
  ],
  [
    'members: unknown cluster',
    'cluster_members',
    csv(['cluster_code,unit_code,year_from', 'K9,C1,2024']),
    1,
    'cluster_code',
  ],
  [
    'movements: end before start',
    'movements',
    csv(['code,name,level,kind,start_date,end_date', 'M2,PT 2,province,campaign,2024-05-01,2024-04-30']),
    1,
    'end_date',
  ],
  [
    'award types: code of the built-in catalog',
    'award_types',
    csv(['code,name_vi,category,tier,scope', 'LDTT,Lao động tiên tiến,title,grassroots,individual']),
    1,
    'code',
  ],
  [
    'results: same year, cluster and unit twice',
    'movement_results',
    csv(['year,cluster_code,unit_code,score,rank', '2024,K1,C1,95.5,1', '2024,K1,C1,90,2']),
    2,
    'unit_code',
  ],
  [
    'results: rank 0',
    'movement_results',
    csv(['year,cluster_code,unit_code,score,rank', '2024,K1,C1,95.5,0']),
    1,
    'rank',
  ],
  [
    'results: unknown proposed award',
    'movement_results',
    csv(['year,cluster_code,unit_code,rank,proposed_award_code', '2024,K1,C1,1,XX']),
    1,
    'proposed_award_code',
  ],
];

let baseline: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  await resetDatabase();
  await load(FIXTURE);
  const k = await upload('clusters', csv(['code,name,kind,level,owner_code', 'K1,Khối thi đua 1,khoi,province,P']));
  expect(k.status).toBe(201);
  baseline = await snapshot();
});

describe('bad imports are refused whole', () => {
  it(`has at least 25 cases (${CASES.length})`, () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  it.each(CASES)('%s', async (_name, dataset, body, row, column, type) => {
    const res = await upload(dataset, typeof body === 'function' ? body() : body, type);
    expect(res.status).toBe(422);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(res.body.errors!.length).toBe(Math.min(res.body.total!, 1000));
    expect(res.body.errors).toContainEqual(expect.objectContaining({ row, column }));
    for (const e of res.body.errors!) {
      expect(e.message.length).toBeGreaterThan(5);
      expect(e.message_vi.length).toBeGreaterThan(5); // said in Vietnamese too, for the Dữ liệu page
    }
    expect(await snapshot()).toEqual(baseline);
  });

  // 12,000 rows are past the point where rows start going to the staging batch (ten 90 KB
  // chunks), so these two also prove that staged rows are removed again.
  const many = (n: number) => Array.from({ length: n }, () => good).join('\n');

  it('a bad last row after 12,000 staged rows leaves nothing behind', async () => {
    const res = await upload(
      'awards',
      `${AWARDS_HEAD}\n${many(12_000)}\n2024,LDTT,C1,individual,1,,,,,,,31/02/2024,\n`,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 12_001, column: 'decision_date', value: '31/02/2024' }),
    ]);
    expect(await snapshot()).toEqual(baseline);
  });

  it('bytes that are not UTF-8 after 12,000 staged rows leave nothing behind', async () => {
    const head = new TextEncoder().encode(`${AWARDS_HEAD}\n${many(12_000)}\n2024,LDTT,C1,individual,1,,,,,,,,Nguy`);
    const res = await upload('awards', new Uint8Array([...head, 0xc3, 0x28, 0x0a]));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/UTF-8/);
    expect(await snapshot()).toEqual(baseline);
  });

  it('reports every bad row with the true total and caps the list at 1,000', async () => {
    const lines = [AWARDS_HEAD];
    for (let i = 0; i < 1500; i++) lines.push('2024,LDTT,C1,individual,0,,,,,,,,');
    const res = await upload('awards', csv(lines));
    expect(res.status).toBe(422);
    expect(res.body.total).toBe(1500);
    expect(res.body.errors).toHaveLength(1000);
    expect(res.body.errors_truncated).toBe(true);
    expect(await snapshot()).toEqual(baseline);
  });
});

describe('unreadable requests', () => {
  it('refuses invalid UTF-8 with a clear message instead of replacing characters', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${AWARDS_HEAD}\n2024,LDTT,C1,individual,1,,,,,,,,Nguy`),
      0xff,
      0xfe,
      0x0a,
    ]);
    const res = await upload('awards', bytes);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/not valid UTF-8/);
    expect(res.body.error_vi).toMatch(/không phải văn bản UTF-8/);
    expect(await snapshot()).toEqual(baseline);
  });

  it('refuses a Windows-1258/Latin-1 file', async () => {
    const res = await upload(
      'units',
      new Uint8Array([...new TextEncoder().encode('code,name,kind\nN1,X'), 0xe3, 0x20, 0x41, 0x0a]),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/UTF-8/);
  });

  it.each([
    ['an unknown content type', 'awards', 'application/pdf', 415],
    ['no content type', 'awards', '', 415],
  ])('refuses %s', async (_n, dataset, type, status) => {
    // bytes, so that fetch adds no text/plain of its own
    const res = await upload(dataset, new TextEncoder().encode(awardsCsv()), type);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatch(/Content-Type/);
    expect(await snapshot()).toEqual(baseline);
  });

  it('refuses an unknown dataset', async () => {
    const res = await upload('medals', awardsCsv());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/unknown dataset 'medals'/);
  });

  it('refuses a file that is not a workbook and JSON that is not an array of objects', async () => {
    expect((await upload('awards', 'not a zip', XLSX_TYPE)).status).toBe(400);
    const json = await upload('awards', '{"year": 2024}', 'application/json');
    expect(json.status).toBe(400);
    expect(json.body.error).toMatch(/array of objects/);
    expect(await snapshot()).toEqual(baseline);
  });

  it('needs the admin token', async () => {
    const res = await anonymous('http://local/api/v1/imports/awards', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: awardsCsv(),
    });
    expect(res.status).toBe(401);
    expect(await snapshot()).toEqual(baseline);
    expect(await consistency()).toMatchObject({ ok: true });
  });
});
