// `npx tsx scripts/trial/awardList.ts`: a new user's trial of the Dữ liệu page with a 30-name list
// as an analyst has it: title rows, the header STT | Họ và tên | Chức vụ | Đơn vị công tác |
// Giới tính, a "Tổng cộng: 30 người" line, unit names as people write them (one shared by two
// communes, one misspelt), no year, award or decision in the rows (the title says them). It drives Debian's Chromium on
// `npm start` (DEMO=0, a fresh DATA_DIR) through every step a person takes, counts the clicks
// and the fields typed, screenshots each step (vi 1280 px; the key ones also en and 390 px) into
// SHOTS (default /tmp/shots-trial), and checks the counts that came in. Needs `npm run build`.
import { mkdirSync, readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../test/e2e/browser.ts';
import { startServer } from '../../test/e2e/server.ts';
import { signIn } from '../../test/e2e/signIn.ts';

const SHOTS = process.env.SHOTS ?? '/tmp/shots-trial';
mkdirSync(SHOTS, { recursive: true });

// 2024: the district Thái Thụy with its communes, an office of the district, and a second
// "Xã Thụy Hải" in the district Đông Hưng (the same name: the page must ask, never guess)
const UNITS = [
  'code,name,kind,parent_code,valid_to',
  'TB,Tỉnh Thái Bình,province,,2025-06-30',
  'TT,Huyện Thái Thụy,district,TB,2025-06-30',
  'TT-TX,Xã Thụy Xuân,commune,TT,2025-06-30',
  'TT-TH,Xã Thụy Hải,commune,TT,2025-06-30',
  'TT-TTR,Xã Thụy Trình,commune,TT,2025-06-30',
  'TT-TL,Xã Thụy Liên,commune,TT,2025-06-30',
  'TT-PNV,Phòng Nội vụ huyện Thái Thụy,agency,TT,2025-06-30',
  'DH,Huyện Đông Hưng,district,TB,2025-06-30',
  'DH-TH,Xã Thụy Hải,commune,DH,2025-06-30',
].join('\n');

// [name, Chức vụ, Đơn vị công tác as written, Giới tính]
const PEOPLE: [string, string, string, string][] = [
  ['Nguyễn Văn An', 'Chủ tịch UBND xã', 'UBND xã Thụy Xuân', 'Nam'],
  ['Trần Thị Bình', 'Công chức Văn phòng - Thống kê', 'UBND xã Thụy Xuân', 'Nữ'],
  ['Lê Văn Cường', 'Nông dân', 'Xã Thụy Xuân', 'Nam'],
  ['Phạm Thị Dung', 'Nông dân', 'Xã Thụy Xuân', 'Nữ'],
  ['Hoàng Văn Em', 'Công nhân', 'Xã Thụy Xuân', 'Nam'],
  ['Vũ Thị Giang', 'Giáo viên', 'Xã Thụy Xuân', 'Nữ'],
  ['Đặng Văn Hải', 'Phó Chủ tịch UBND xã', 'Ủy ban nhân dân xã Thụy Trình', 'Nam'],
  ['Bùi Thị Hạnh', 'Nông dân', 'Xã Thụy Trình', 'Nữ'],
  ['Đỗ Văn Hùng', 'Nông dân', 'xã Thụy Trình', 'Nam'],
  ['Ngô Thị Hương', 'Nhân viên y tế', 'Xã Thụy Trình', 'Nữ'],
  ['Dương Văn Khánh', 'Công nhân', 'Xã Thụy Trình', 'Nam'],
  ['Lý Thị Lan', 'Giáo viên', 'Xã Thụy Trình', 'Nữ'],
  ['Nguyễn Văn Long', 'Chủ tịch UBND xã', 'UBND xã Thụy Liên', 'Nam'],
  ['Trần Thị Mai', 'Nông dân', 'Xã Thụy Liên', 'Nữ'],
  ['Lê Văn Minh', 'Nông dân', 'Xã Thụy Liên', 'Nam'],
  ['Phạm Thị Nga', 'Công chức Địa chính - Xây dựng', 'Xã Thụy Liên', 'Nữ'],
  ['Hoàng Văn Nam', 'Ngư dân', 'Xã Thụy Hải', 'Nam'],
  ['Vũ Thị Oanh', 'Ngư dân', 'Xã Thụy Hải', 'Nữ'],
  ['Đặng Văn Phúc', 'Ngư dân', 'UBND xã Thụy Hải', 'Nam'],
  ['Bùi Thị Quế', 'Nông dân', 'Xã Thụy Hải', 'Nữ'],
  ['Đỗ Văn Sơn', 'Phó Chủ tịch UBND xã', 'Xã Thụy Hải', 'Nam'],
  ['Ngô Thị Thảo', 'Nông dân', 'Xã Thụy Suân', 'Nữ'],
  ['Dương Văn Thắng', 'Công nhân', 'Xã Thụy Suân', 'Nam'],
  ['Lý Thị Thu', 'Trưởng phòng', 'Phòng Nội vụ huyện Thái Thụy', 'Nữ'],
  ['Nguyễn Văn Tiến', 'Phó Trưởng phòng', 'Phòng Nội vụ huyện Thái Thụy', 'Nam'],
  ['Trần Thị Uyên', 'Chuyên viên', 'Phòng Nội vụ huyện Thái Thụy', 'Nữ'],
  ['Lê Văn Việt', 'Chuyên viên', 'Phòng Nội vụ huyện Thái Thụy', 'Nam'],
  ['Phạm Thị Xuân', 'Giáo viên', 'Xã Thụy Liên', 'Nữ'],
  ['Hoàng Văn Yên', 'Công nhân', 'Xã Thụy Liên', 'Nam'],
  ['Vũ Thị Yến', 'Nông dân', 'Xã Thụy Trình', 'Nữ'],
];

/** The list as a district's office sends it: the annex of the decision, in Excel. */
function awardList(): Buffer {
  const rows: unknown[][] = [
    ['UBND HUYỆN THÁI THỤY', '', '', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['', '', '', 'Độc lập - Tự do - Hạnh phúc'],
    [],
    ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2024'],
    ['(Kèm theo Quyết định số 125/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND huyện Thái Thụy)'],
    [],
    ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Giới tính'],
    ...PEOPLE.map((p, i) => [i + 1, ...p]),
    ['Tổng cộng: 30 người'],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [
    { s: { r: 3, c: 0 }, e: { r: 3, c: 4 } },
    { s: { r: 4, c: 0 }, e: { r: 4, c: 4 } },
    { s: { r: rows.length - 1, c: 0 }, e: { r: rows.length - 1, c: 4 } },
  ];
  sheet['!cols'] = [{ wch: 5 }, { wch: 22 }, { wch: 30 }, { wch: 32 }, { wch: 9 }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, 'Danh sách');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

interface Step {
  what: string;
  clicks: number;
  typed: number;
  /** A person's seconds for it, estimated: reading what the page says, finding, typing. */
  seconds: number;
}
const steps: Step[] = [];
let shotNo = 0;

async function shot(page: Page, name: string) {
  shotNo += 1;
  await page.screenshot({ path: `${SHOTS}/${String(shotNo).padStart(2, '0')}-${name}.png`, fullPage: true });
}

async function trial(browser: Browser, base: string, storageState: unknown, width: number, lang: 'vi' | 'en') {
  const tag = `${lang}-${width}`;
  const record = (s: Step) => width === 1280 && lang === 'vi' && steps.push(s);
  const page = await browser.newPage({
    viewport: { width, height: width === 1280 ? 800 : 844 },
    reducedMotion: 'reduce',
    storageState: storageState as never,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const vi = lang === 'vi';

  // 1. open the page from the menu (signed in by the link)
  await page.goto(`${base}/${vi ? '' : '?lang=en'}`);
  await page
    .locator('nav')
    .getByText(vi ? 'Dữ liệu' : 'Data', { exact: true })
    .first()
    .click();
  await page.locator('[data-testid=dataset]').waitFor();
  await shot(page, `open-${tag}`);
  record({ what: 'Mở trang Dữ liệu từ menu', clicks: 1, typed: 0, seconds: 10 });

  // the template link beside the dataset (not a step of this list, which comes ready): a workbook
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=template-xlsx]')]);
  const sheets = XLSX.read(readFileSync(await download.path()), { type: 'buffer' }).SheetNames;
  if (download.suggestedFilename() !== 'awards.xlsx' || sheets[0] !== 'Dữ liệu' || !sheets.includes('Đơn vị'))
    throw new Error(`template: ${download.suggestedFilename()} ${sheets.join(', ')}`);

  // 2. choose the file (the dataset is already "Khen thưởng")
  await page.setInputFiles('[data-testid=file]', {
    name: 'DS-LDTT-2024.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: awardList(),
  });
  await page.locator('[data-testid=list-fields]').waitFor();
  await shot(page, `file-${tag}`);
  record({ what: 'Chọn tệp (hộp thoại chọn tệp), xem trước', clicks: 2, typed: 0, seconds: 20 });

  // 3. the decision's fields, read from the title rows and shaded: the person reads them over
  await page.locator('[data-testid=lf-from-title]').waitFor();
  const filled = await Promise.all(
    ['lf-year', 'lf-award', 'lf-kind', 'lf-no', 'lf-date'].map((id) =>
      page.locator(`[data-testid=${id}]`).inputValue(),
    ),
  );
  if (filled.join('|') !== '2024|Lao động tiên tiến|individual|125/QĐ-UBND|20/12/2024')
    throw new Error(`the title gave ${filled.join(' | ')}`);
  await shot(page, `fields-${tag}`);
  record({
    what: 'Xem lại năm, danh hiệu, đối tượng, số và ngày quyết định điền theo tiêu đề',
    clicks: 0,
    typed: 0,
    seconds: 20,
  });

  // 4. check: the two names the page cannot place
  await page.getByRole('button', { name: vi ? 'Kiểm tra (chưa ghi)' : 'Check (dry run)', exact: true }).click();
  const picker = page.locator('[data-testid=name-picker]');
  await picker.waitFor();
  await shot(page, `check-${tag}`);
  record({ what: 'Bấm Kiểm tra, đọc lỗi: 2 tên đơn vị chưa xác định', clicks: 1, typed: 0, seconds: 30 });

  // 5. resolve each name once and remember it
  const names = picker.locator('[data-testid=pick-name]');
  const count = await names.count();
  for (let i = 0; i < count; i++) {
    const row = names.nth(i);
    // the name as the file writes it is quoted first; the options name the candidates after it
    const name = /‘([^’]+)’/.exec((await row.textContent()) ?? '')?.[1];
    const select = row.locator('[data-testid=pick-unit]');
    await select.selectOption(name === 'Xã Thụy Hải' ? 'TT-TH' : 'TT-TX');
  }
  await shot(page, `picked-${tag}`);
  await page.click('[data-testid=remember]');
  await page.waitForSelector('[data-testid=class-suggestions]');
  await page.waitForSelector(vi ? 'text=Tệp hợp lệ: 30 dòng' : 'text=The file is valid: 30 rows');
  await shot(page, `remembered-${tag}`);
  record({
    what: `Chọn đơn vị cho ${count} tên, bấm Ghi nhớ (tự kiểm tra lại)`,
    clicks: 2 * count + 1,
    typed: 0,
    seconds: 25 * count + 5,
  });

  // 6. the class suggestions from Chức vụ: read, tick to use them, check again
  await page.locator('[data-testid=class-suggestions] input[type=checkbox]').check();
  await page.getByRole('button', { name: vi ? 'Kiểm tra (chưa ghi)' : 'Check (dry run)', exact: true }).click();
  await page.waitForSelector(vi ? 'text=Tệp hợp lệ: 30 dòng' : 'text=The file is valid: 30 rows');
  await shot(page, `classes-${tag}`);
  record({ what: 'Đọc thành phần gợi ý theo chức vụ, đánh dấu dùng, kiểm tra lại', clicks: 2, typed: 0, seconds: 40 });

  // 7. import, and see what came in
  await page.getByRole('button', { name: vi ? 'Nhập vào hệ thống' : 'Import', exact: true }).click();
  await page.waitForSelector('[data-testid=breakdown] tbody tr');
  await shot(page, `imported-${tag}`);
  record({ what: 'Bấm Nhập vào hệ thống, xem kết quả theo đơn vị', clicks: 1, typed: 0, seconds: 30 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.close();
  return { errors, overflow };
}

const server = await startServer({ DEMO: '0', ADMIN_TOKEN: 'trial-token' });
let browser: Browser | undefined;
try {
  const units = await server.api('/api/v1/imports/units?filename=don-vi.csv', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: UNITS,
  });
  if (units.status !== 201) throw new Error(`units: ${units.status} ${await units.text()}`);
  browser = await launchBrowser();
  const state = await signIn(browser, server.signInLink);
  const results: string[] = [];
  for (const [width, lang] of [
    [1280, 'vi'],
    [1280, 'en'],
    [390, 'vi'],
    [390, 'en'],
  ] as const) {
    // each run is a new file (another decision number) with the same names: the aliases remembered
    // in the first run would leave nothing to pick, so they are removed between runs
    const aliases = (await (await server.api('/api/v1/imports/aliases')).json()) as { aliases: { id: number }[] };
    for (const a of aliases.aliases) await server.api(`/api/v1/imports/aliases/${a.id}`, { method: 'DELETE' });
    const batches = (await (await server.api('/api/v1/imports')).json()) as {
      batches: { id: number; dataset: string; status: string }[];
    };
    for (const b of batches.batches.filter((x) => x.dataset === 'awards' && x.status === 'committed'))
      await server.api(`/api/v1/imports/${b.id}`, { method: 'DELETE' });
    const r = await trial(browser, server.url, state, width, lang);
    results.push(`${lang} ${width}px: page errors ${JSON.stringify(r.errors)}, horizontal overflow ${r.overflow}px`);
    const sum = (await (
      await server.api('/api/v1/awards/summary?from=2024&to=2024&unit=TT&group_by=unit,class')
    ).json()) as { total: number; rows: Record<string, unknown>[] };
    results.push(`  counted: total ${sum.total}; ${JSON.stringify(sum.rows)}`);
  }
  console.log(results.join('\n'));
  const clicks = steps.reduce((n, s) => n + s.clicks, 0);
  const typed = steps.reduce((n, s) => n + s.typed, 0);
  const seconds = steps.reduce((n, s) => n + s.seconds, 0);
  console.log('\nSteps (vi, 1280 px):');
  for (const [i, s] of steps.entries())
    console.log(`${i + 1}. ${s.what}: ${s.clicks} clicks, ${s.typed} fields typed, ~${s.seconds} s`);
  console.log(`${steps.length} steps, ${clicks} clicks, ${typed} fields typed, ~${Math.round(seconds / 6) / 10} min`);
} finally {
  await browser?.close();
  await server.stop();
}
