import { ApiError, badParameter } from '../errors';
import { csvSource } from '../imports/sources/csv';
import { FileError } from '../imports/sources/types';
import { fold } from '../imports/vocabulary';
import {
  isShare,
  MAX_TARGETS_PER_PUT,
  TARGET_INDICATORS,
  targetInput,
  targetsBody,
  type TargetIndicator,
  type TargetInput,
} from '../validation/targets';

// A PUT of targets as JSON ({targets: [...]}) or as the CSV an analyst types in a spreadsheet
// (Vietnamese headers, shares in percent, vi-VN numbers). Every row is checked before anything is
// written; the answer lists every bad row, not only the first.

export interface RowProblem {
  row: number;
  column: string;
  value: string;
  message: string;
  message_vi: string;
}

const COLUMNS = {
  indicator: ['chi tieu', 'indicator'],
  year: ['nam', 'year'],
  unit_code: ['don vi', 'ma don vi', 'unit', 'unit_code'],
  value: ['gia tri', 'muc tieu', 'value'],
  comparison: ['so sanh', 'comparison'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['indicator', 'year', 'unit_code', 'value'];
const HEADER_VI: Record<Column, string> = {
  indicator: 'Chỉ tiêu',
  year: 'Năm',
  unit_code: 'Đơn vị',
  value: 'Giá trị',
  comparison: 'So sánh',
};

/** Indicator names a spreadsheet may write, folded, besides the codes. */
const INDICATOR_WORDS: Record<string, TargetIndicator> = {
  'tong so khen thuong': 'total',
  'tong so': 'total',
  'ty le lao dong truc tiep': 'direct_share',
  'ty le nu': 'women_share',
  'ty le dan toc thieu so': 'ethnic_minority_share',
  'ty le lanh dao quan ly': 'leader_share',
};
const COMPARISON_WORDS: Record<string, 'at_least' | 'at_most'> = {
  'toi thieu': 'at_least',
  'khong duoi': 'at_least',
  '>=': 'at_least',
  '≥': 'at_least',
  at_least: 'at_least',
  'toi da': 'at_most',
  'khong qua': 'at_most',
  '<=': 'at_most',
  '≤': 'at_most',
  at_most: 'at_most',
};

const problem = (row: number, column: Column, value: string, en: string, vi: string): RowProblem => ({
  row,
  column: HEADER_VI[column],
  value: value.slice(0, 200),
  message: en,
  message_vi: vi,
});

/** vi-VN numbers: "30,5" is 30.5 and "1.200" is 1200; a share may end in %. */
function parseNumber(raw: string): number | null {
  let s = raw.replace(/\s/g, '').replace(/%$/, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  s = s.replace(',', '.');
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? n : null;
}

function csvRow(cells: Record<Column, string>, row: number, out: RowProblem[]): unknown {
  const folded = fold(cells.indicator);
  const indicator = (TARGET_INDICATORS as readonly string[]).includes(cells.indicator.trim())
    ? (cells.indicator.trim() as TargetIndicator)
    : INDICATOR_WORDS[folded];
  if (!indicator) {
    out.push(
      problem(
        row,
        'indicator',
        cells.indicator,
        `unknown indicator; one of ${TARGET_INDICATORS.join(', ')}`,
        'chỉ tiêu không có; dùng một trong: Tổng số khen thưởng, Tỷ lệ lao động trực tiếp, Tỷ lệ nữ, ' +
          'Tỷ lệ dân tộc thiểu số, Tỷ lệ lãnh đạo, quản lý',
      ),
    );
    return null;
  }
  const value = parseNumber(cells.value);
  if (value === null) {
    out.push(problem(row, 'value', cells.value, 'must be a number', 'phải là một số'));
    return null;
  }
  const comparison = cells.comparison.trim() ? COMPARISON_WORDS[fold(cells.comparison)] : 'at_least';
  if (!comparison) {
    out.push(
      problem(
        row,
        'comparison',
        cells.comparison,
        'must be at_least (Tối thiểu) or at_most (Tối đa)',
        'phải là Tối thiểu hoặc Tối đa',
      ),
    );
    return null;
  }
  // a share in a spreadsheet is written in percent, as the dashboard shows it
  return {
    indicator,
    year: /^\d{4}$/.test(cells.year.trim()) ? Number(cells.year.trim()) : cells.year,
    unit_code: cells.unit_code,
    value: isShare(indicator) ? Math.round(value * 1e4) / 1e6 : value,
    comparison,
  };
}

async function readCsv(body: ReadableStream<Uint8Array>): Promise<{ rows: unknown[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const rows: unknown[] = [];
  let header: Partial<Record<Column, number>> | undefined;
  let n = 0;
  for await (const item of csvSource(body).rows) {
    if (item.fatal) throw badParameter('body', item.fatal);
    if (item.cells.every((c) => !c.trim())) continue;
    if (!header) {
      header = {};
      for (const [i, cell] of item.cells.entries()) {
        const name = fold(cell.replace(/\(.*\)/, ''));
        for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][])
          if (names.includes(name)) header[col] = i;
      }
      const missing = REQUIRED.filter((c) => header![c] === undefined);
      if (missing.length)
        throw badParameter('body', {
          en: `the CSV header lacks ${missing.map((c) => HEADER_VI[c]).join(', ')}`,
          vi: `dòng tiêu đề CSV thiếu cột ${missing.map((c) => HEADER_VI[c]).join(', ')}`,
        });
      continue;
    }
    n++;
    if (n > MAX_TARGETS_PER_PUT) throw tooMany();
    const cells = Object.fromEntries(
      (Object.keys(COLUMNS) as Column[]).map((c) => [
        c,
        (header![c] === undefined ? '' : item.cells[header![c]!]) ?? '',
      ]),
    ) as Record<Column, string>;
    const row = csvRow(cells, n, problems);
    if (row) rows.push({ ...(row as object), _row: n });
  }
  if (!header) throw badParameter('body', { en: 'the CSV file is empty', vi: 'tệp CSV trống' });
  if (!n) throw badParameter('body', { en: 'the CSV file has no targets', vi: 'tệp CSV không có chỉ tiêu nào' });
  return { rows, problems };
}

const tooMany = () =>
  badParameter('targets', {
    en: `at most ${MAX_TARGETS_PER_PUT} targets per request`,
    vi: `tối đa ${MAX_TARGETS_PER_PUT} chỉ tiêu mỗi lần`,
  });

export const rowProblems = (problems: RowProblem[]) =>
  new ApiError(400, {
    error: `row ${problems[0].row}, ${problems[0].column}: ${problems[0].message}`,
    error_vi: `dòng ${problems[0].row}, cột ${problems[0].column}: ${problems[0].message_vi}`,
    parameter: problems[0].column,
    errors: problems,
  });

/** The targets of the request, each checked; a 400 listing every bad row otherwise (nothing written). */
export async function readTargets(req: Request): Promise<TargetInput[]> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  let raw: unknown[];
  const problems: RowProblem[] = [];
  if (type === 'text/csv') {
    if (!req.body) throw badParameter('body', { en: 'the CSV file is empty', vi: 'tệp CSV trống' });
    try {
      const csv = await readCsv(req.body);
      raw = csv.rows;
      problems.push(...csv.problems);
    } catch (e) {
      if (e instanceof FileError) throw badParameter('body', { en: e.message, vi: e.vi });
      throw e;
    }
  } else if (type === 'application/json') {
    const body = await req.json().catch(() => {
      throw badParameter('body', { en: 'not valid JSON', vi: 'nội dung không phải JSON hợp lệ' });
    });
    const parsed = targetsBody.safeParse(body);
    if (!parsed.success) {
      const big = parsed.error.issues.some((i) => i.code === 'too_big');
      if (big) throw tooMany();
      throw badParameter('targets', {
        en: 'expected {"targets": [ … ]} with at least one target',
        vi: 'cần dạng {"targets": [ … ]} với ít nhất một chỉ tiêu',
      });
    }
    raw = parsed.data.targets.map((t, i) => (t && typeof t === 'object' ? { ...t, _row: i + 1 } : t));
  } else {
    throw new ApiError(415, {
      error: 'Send targets as application/json or text/csv',
      error_vi: 'Gửi chỉ tiêu dạng application/json hoặc text/csv',
      parameter: 'content-type',
    });
  }
  const out: TargetInput[] = [];
  raw.forEach((r, i) => {
    const { _row, ...rest } = (r && typeof r === 'object' ? r : { _row: i + 1 }) as Record<string, unknown>;
    const row = Number(_row ?? i + 1);
    const checked = targetInput.safeParse(r && typeof r === 'object' ? rest : r);
    if (checked.success) out.push(checked.data);
    else {
      const issue = checked.error.issues[0];
      const field = (issue.path[0] as Column | undefined) ?? 'indicator';
      const column = field in HEADER_VI ? field : 'indicator';
      problems.push(problem(row, column, String(rest[field] ?? ''), issue.message, `không hợp lệ (${issue.message})`));
    }
  });
  if (problems.length) throw rowProblems(problems.sort((a, b) => a.row - b.row));
  return out;
}
