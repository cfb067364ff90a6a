import type { Gender } from '../../worker/domain/enums.ts';
import type { Random } from './random.ts';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Đinh',
  'Lương',
  'Mai',
  'Phan',
  'Tô',
  'Đoàn',
];
const MIDDLE: Record<Gender, string[]> = {
  M: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Mạnh', 'Thanh', 'Công'],
  F: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Thị Thu', 'Minh', 'Phương'],
};
const GIVEN: Record<Gender, string[]> = {
  M: [
    'Hùng',
    'Dũng',
    'Cường',
    'Tuấn',
    'Hải',
    'Long',
    'Nam',
    'Sơn',
    'Thắng',
    'Quân',
    'Bình',
    'Hòa',
    'Thành',
    'Trung',
    'Khánh',
    'Đạt',
    'Huy',
    'Phúc',
    'Tiến',
    'Việt',
  ],
  F: [
    'Lan',
    'Hương',
    'Hoa',
    'Mai',
    'Hằng',
    'Thủy',
    'Nga',
    'Linh',
    'Phương',
    'Thảo',
    'Yến',
    'Dung',
    'Huyền',
    'Loan',
    'Hạnh',
    'Trang',
    'Nhung',
    'Oanh',
    'Liên',
    'Vân',
  ],
};

/** A plausible Vietnamese full name: họ, tên đệm, tên. */
export function personName(rnd: Random, gender: Gender): string {
  return `${rnd.pick(FAMILY)} ${rnd.pick(MIDDLE[gender])} ${rnd.pick(GIVEN[gender])}`;
}
