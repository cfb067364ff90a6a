import { beforeAll, describe, expect, it } from 'vitest';
import { dataset, load, resetDatabase } from './helpers';
import { csv, snapshot, upload } from './importHelpers';

// Ambiguous and unknown unit names are never counted: not in a large file whose earlier rows
// were already staged, not in a later part of an upload in parts, not in a dry run, not when
// two such files arrive at once. Two communes share "Xã Thụy Hải"; "Xã Thụy Suân" is no unit.
const GEO = dataset([], {
  units: [
    { code: 'TB', name: 'Tỉnh Thái Bình', kind: 'province' },
    { code: 'TT', name: 'Huyện Thái Thụy', kind: 'district', parent_code: 'TB' },
    { code: 'TT-TX', name: 'Xã Thụy Xuân', kind: 'commune', parent_code: 'TT' },
    { code: 'TT-TH', name: 'Xã Thụy Hải', kind: 'commune', parent_code: 'TT' },
    { code: 'DH', name: 'Huyện Đông Hưng', kind: 'district', parent_code: 'TB' },
    { code: 'DH-TH', name: 'Xã Thụy Hải', kind: 'commune', parent_code: 'DH' },
  ],
});

const HEAD = 'Năm,Danh hiệu,Đơn vị công tác,Đối tượng,Họ và tên';
const good = (n: number) =>
  Array.from({ length: n }, (_, i) => `2024,Lao động tiên tiến,Xã Thụy Xuân,Cá nhân,Người ${i}`);
const AMBIGUOUS = '2024,Lao động tiên tiến,UBND xã Thụy Hải,Cá nhân,Trần Thị Bình';
const UNKNOWN = '2024,Lao động tiên tiến,Xã Thụy Suân,Cá nhân,Lê Văn Cường';

beforeAll(async () => {
  await resetDatabase();
  await load(GEO);
});

function expectNameErrors(body: Awaited<ReturnType<typeof upload>>['body'], rows: [number, number]) {
  expect(body.errors).toEqual([
    expect.objectContaining({ row: rows[0], column: 'unit_code', value: 'UBND xã Thụy Hải' }),
    expect.objectContaining({ row: rows[1], column: 'unit_code', value: 'Xã Thụy Suân' }),
  ]);
  expect(body.errors?.[0].message_vi).toMatch(/trùng tên 2 đơn vị/);
  expect(body.errors?.[1].message_vi).toMatch(/không có đơn vị nào.*có phải: TT-TX/);
}

describe('ambiguous and unknown unit names are never counted', () => {
  it('in one file, after 12,000 good rows were staged', async () => {
    const before = await snapshot();
    const res = await upload('awards', csv([HEAD, ...good(12_000), AMBIGUOUS, UNKNOWN]));
    expect(res.status).toBe(422);
    expectNameErrors(res.body, [12_001, 12_002]);
    expect(await snapshot()).toEqual(before);
  }, 30_000);

  it('in a dry run', async () => {
    const before = await snapshot();
    const res = await upload('awards', csv([HEAD, AMBIGUOUS, ...good(3), UNKNOWN]), 'text/csv', '?dry_run=1');
    expect(res.status).toBe(422);
    expectNameErrors(res.body, [1, 5]);
    expect(await snapshot()).toEqual(before);
  });

  it('in the second part of an upload in parts, which discards the first', async () => {
    const before = await snapshot();
    const first = await upload('awards', csv([HEAD, ...good(500)]), 'text/csv', '?part=1&first_row=1');
    expect(first.status).toBe(202);
    const second = await upload(
      'awards',
      csv([HEAD, ...good(2), AMBIGUOUS, UNKNOWN]),
      'text/csv',
      `?part=2&first_row=501&batch=${first.body.batch!.id}`,
    );
    expect(second.status).toBe(422);
    expectNameErrors(second.body, [503, 504]);
    expect(await snapshot()).toEqual(before);
  });

  it('when two such files arrive at once', async () => {
    const before = await snapshot();
    const answers = await Promise.all([
      upload('awards', csv([HEAD, ...good(2000), AMBIGUOUS, UNKNOWN])),
      upload('awards', csv([HEAD, AMBIGUOUS, ...good(2000), UNKNOWN])),
    ]);
    expect(answers.map((a) => a.status)).toEqual([422, 422]);
    expectNameErrors(answers[0].body, [2001, 2002]);
    expectNameErrors(answers[1].body, [1, 2002]);
    expect(await snapshot()).toEqual(before);
  }, 30_000);
});
