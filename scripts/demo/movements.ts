import type { MovementRecord } from './types.ts';

// Movements named in the seed pages and the national ones every province runs.
export const MOVEMENTS: MovementRecord[] = [
  {
    code: 'PT-NTM',
    name: 'Cả nước chung sức xây dựng nông thôn mới',
    level: 'central',
    kind: 'thematic',
    start_date: '2011-06-20',
  },
  {
    code: 'PT-VNN',
    name: 'Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau',
    level: 'central',
    kind: 'thematic',
    start_date: '2021-09-01',
    end_date: '2025-12-31',
  },
  {
    code: 'PT-COVID',
    name: 'Toàn dân đoàn kết phòng, chống dịch COVID-19',
    level: 'central',
    kind: 'campaign',
    start_date: '2020-03-01',
    end_date: '2022-12-31',
  },
  {
    code: 'PT-DH-XIV',
    name:
      'Thi đua yêu nước chào mừng Đại hội đảng bộ các cấp, tiến tới Đại hội ' +
      'đại biểu toàn quốc lần thứ XIV của Đảng',
    level: 'central',
    kind: 'campaign',
    start_date: '2024-09-01',
    end_date: '2026-01-31',
  },
  {
    code: 'TB-PT-CCN',
    name: 'Tăng cường thu hút đầu tư vào các cụm công nghiệp trên địa bàn tỉnh Thái Bình',
    level: 'province',
    kind: 'thematic',
    owner_code: 'TB',
    start_date: '2020-03-01',
    end_date: '2025-06-30',
  },
  {
    code: 'TB-PT-NTMKM',
    name: 'Thái Bình chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu',
    level: 'province',
    kind: 'thematic',
    owner_code: 'TB',
    start_date: '2021-01-01',
    end_date: '2025-06-30',
  },
  {
    code: 'TT-PT-BIEN',
    name: 'Thái Thụy chung sức bảo vệ môi trường biển',
    level: 'district',
    kind: 'thematic',
    owner_code: 'TB-TT',
    start_date: '2017-03-01',
    end_date: '2025-06-30',
  },
];

/** Which thematic movements an award given in `year` can be tagged with. */
export function movementsIn(year: number, owner?: string): string[] {
  return MOVEMENTS.filter(
    (m) =>
      m.kind !== 'regular' &&
      Number(m.start_date.slice(0, 4)) <= year &&
      (!m.end_date || Number(m.end_date.slice(0, 4)) >= year) &&
      (!m.owner_code || m.owner_code === 'TB' || m.owner_code === owner),
  ).map((m) => m.code);
}
