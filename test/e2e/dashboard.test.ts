import { describe, expect, it } from 'vitest';
import {
  apiJson,
  cardTable,
  demoSession,
  DESKTOP,
  horizontalOverflow,
  openPage,
  PAGES,
  PHONE,
  seriousA11yViolations,
  settled,
  signedInPage,
  SHOTS,
  viCount,
} from './pages';

// Every page of the dashboard against the demo data, in Debian's Chromium, signed in as the
// bootstrap admin with the link `npm start` printed: it loads without
// console errors, passes axe-core, and is photographed at desktop and phone widths in both
// languages; then the filters, the URL, the table alternatives and the error states.
const demo = demoSession();

type Rows<T> = { rows: T[]; total: number };
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const api = <T>(path: string) => apiJson<T>(demo.server, path);

describe.each(PAGES)('page $slug', ({ path, slug, vi, en }) => {
  it('loads with the demo data, without console errors or serious axe violations', async () => {
    const { page, errors } = await openPage(demo, `${demo.server.url}${path}`);
    expect(await page.textContent('main h1')).toBe(vi);
    expect(await page.locator('.card').count()).toBeGreaterThan(0);
    expect(await page.textContent('main')).not.toContain('Không có dữ liệu cho bộ lọc này');
    expect(await page.textContent('main')).not.toContain('Không tải được');
    expect(await page.textContent('body')).toContain('Dữ liệu cập nhật lúc');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is photographed at 1280x800 and 390x844 in Vietnamese and English, without overflow', async () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const viewport of [DESKTOP, PHONE]) {
        const { page, errors } = await openPage(
          demo,
          `${demo.server.url}${path}${lang === 'en' ? '?lang=en' : ''}`,
          viewport,
        );
        expect(await page.textContent('main h1')).toBe(lang === 'en' ? en : vi);
        expect(await horizontalOverflow(page), `${slug} ${lang} ${viewport.width}`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `${SHOTS}/${slug}-${lang}-${viewport.width}x${viewport.height}.png`,
          fullPage: true,
        });
        if (viewport === PHONE) expect(await seriousA11yViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  });
});

describe('dark theme', () => {
  it.each(PAGES)('$slug follows the system dark theme without contrast violations', async ({ path, slug }) => {
    const { page, errors } = await openPage(demo, `${demo.server.url}${path}`, DESKTOP, 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 27)');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/${slug}-vi-1280x800-dark.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('filters and the URL', () => {
  it('a filter changes the charts, the tables and the URL; back and forward restore the view', async () => {
    const all = await api<Rows<{ category: string; count: number }>>('/api/v1/awards/summary?group_by=category');
    const women = await api<Rows<{ category: string; count: number }>>(
      '/api/v1/awards/summary?group_by=category&gender=F',
    );
    const { page, errors } = await openPage(demo, `${demo.server.url}/hinh-thuc`);
    const counts = async () => (await cardTable(page, 'by-category')).map((r) => r[1]);
    const expected = (s: Rows<{ count: number }>) =>
      [...s.rows].sort((a, b) => b.count - a.count).map((r) => viCount(r.count));
    expect(await counts()).toEqual(expected(all));
    await page.click('button:has-text("Thêm bộ lọc")');
    await page.selectOption('label:has-text("Giới tính") select', 'F');
    await expect.poll(() => page.url()).toContain('gender=F');
    await settled(page);
    await expect.poll(counts).toEqual(expected(women));
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('gender=F');
    await expect.poll(counts).toEqual(expected(all));
    await page.goForward();
    await expect.poll(counts).toEqual(expected(women));
    expect(await page.inputValue('label:has-text("Giới tính") select')).toBe('F');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a shared URL restores its view: page, area, years, and the filter controls', async () => {
    const q = 'unit=TB-TT&from=2020&to=2024';
    const byUnit = await api<Rows<{ unit: string; count: number }>>(`/api/v1/awards/summary?group_by=unit&${q}`);
    const { page, errors } = await openPage(demo, `${demo.server.url}/dia-ban?${q}`);
    expect(await page.textContent('nav[aria-label="Vị trí trong cây địa bàn"]')).toContain(
      'Huyện Thái Thụy (đến 30/06/2025)',
    );
    expect(await page.inputValue('label:has-text("Từ năm") select')).toBe('2020');
    expect(await page.inputValue('label:has-text("Đến năm") select')).toBe('2024');
    expect(await page.inputValue('.unit select')).toBe('TB-TT');
    const table = await cardTable(page, 'area-units');
    // the district's own awards are said apart, never ranked among its communes
    const children = byUnit.rows.filter((r) => r.unit !== 'TB-TT');
    const expected = children.sort((a, b) => b.count - a.count).map((r) => viCount(r.count));
    expect(table.map((r) => r[1])).toEqual(expected);
    expect(table.map((r) => r[0])).not.toContain('Huyện Thái Thụy (đến 30/06/2025)');
    const own = byUnit.rows.find((r) => r.unit === 'TB-TT')!;
    expect(await page.textContent('[data-card="area-units"] [data-own]')).toContain(
      `Khen thưởng ghi trực tiếp cho Huyện Thái Thụy (đến 30/06/2025): ${viCount(own.count)}`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills down from the province to a district and back with the breadcrumb', async () => {
    const { page, errors } = await openPage(demo, `${demo.server.url}/dia-ban`);
    await cardTable(page, 'area-units');
    // the first bar (the largest area, Thái Bình) opens it, like its name in the table
    const box = (await page.locator('[data-card="area-units"] canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + 25);
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('TB');
    await settled(page);
    await page.click('[data-card="area-units"] button:has-text("Huyện Thái Thụy")');
    await expect.poll(() => page.url()).toContain('unit=TB-TT');
    await settled(page);
    expect(await page.textContent('main h1 + *')).toBeTruthy();
    await page.click('nav[aria-label="Vị trí trong cây địa bàn"] button:has-text("Tỉnh Thái Bình")');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('TB');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('TB-TT');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the boundary toggle maps old units onto today's (as_of) and says so", async () => {
    const { page, errors } = await openPage(demo, `${demo.server.url}/dia-ban`);
    await page.check('input[type="radio"] >> nth=1');
    await expect.poll(() => page.url()).toContain('bounds=now');
    await settled(page);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const mapped = await api<Rows<{ unit: string; count: number }>>(
      `/api/v1/awards/summary?group_by=unit&as_of=${today}`,
    );
    const table = await cardTable(page, 'area-units');
    expect(table.map((r) => r[1])).toEqual(
      [...mapped.rows].sort((a, b) => b.count - a.count).map((r) => viCount(r.count)),
    );
    expect(table.map((r) => r[0])).toEqual(['Tỉnh Hưng Yên (từ 01/07/2025)']);
    expect(await page.textContent('[data-card="reorg"]')).toContain('Đang xem theo địa giới hiện nay');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a unit without diacritics ("thai thuy")', async () => {
    const { page } = await openPage(demo, `${demo.server.url}/dia-ban`);
    await page.fill('input[type="search"]', 'thai thuy');
    const options = await page.$$eval('.unit select option', (os) => os.map((o) => o.textContent!.trim()));
    expect(options).toContain('Huyện Thái Thụy (đến 30/06/2025)');
    expect(options).not.toContain('Huyện Vũ Thư (đến 30/06/2025)');
    await page.selectOption('.unit select', 'TB-TT');
    await expect.poll(() => page.url()).toContain('unit=TB-TT');
    await page.close();
  });

  it('filters work from the keyboard alone', async () => {
    const { page, errors } = await openPage(demo, `${demo.server.url}/`);
    // Tab from the top of the page reaches the area filter through the skip link, the language
    // buttons and the page links; arrow keys then change a native select
    let steps = 0;
    while (!(await page.evaluate(() => document.activeElement?.matches('.unit select'))) && steps++ < 20)
      await page.keyboard.press('Tab');
    expect(steps).toBeLessThan(20);
    await page.keyboard.press('Tab'); // the unit search box
    await page.keyboard.type('vu thu');
    await page.keyboard.press('Tab'); // "Từ năm"
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toContain('from=2012');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab'); // back on the area select, now listing the search's matches
    const options = await page.$$eval('.unit select option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    // only the matches and their ancestors are left (the new Hưng Yên has a commune Vũ Thư too)
    expect(options).toContain('TB-VT');
    expect(options.length).toBeLessThan(10);
    for (const _ of options.slice(0, options.indexOf('TB-VT'))) await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('TB-VT');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folds the filters into a drawer on a phone', async () => {
    const { page } = await openPage(demo, `${demo.server.url}/?unit=TB`, PHONE);
    expect(await page.isVisible('#filters')).toBe(false);
    await page.click('button:has-text("Bộ lọc (1)")');
    expect(await page.isVisible('#filters')).toBe(true);
    await page.click('#filters button:has-text("Đóng")');
    expect(await page.isVisible('#filters')).toBe(false);
    await page.close();
  });
});

describe('tables equal the API', () => {
  it('Tổng quan: shares of direct laborers, leaders, women from the indicators', async () => {
    const ind =
      await api<Rows<{ year: number; individual: number; direct_share: number; women_share: number }>>(
        '/api/v1/awards/indicators',
      );
    const { page } = await openPage(demo, `${demo.server.url}/`);
    const pct = (s: number) =>
      `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(s * 100)}%`;
    const table = await cardTable(page, 'shares');
    expect(table.map((r) => [r[0], r[1], r[2], r[4]])).toEqual(
      ind.rows.map((r) => [String(r.year), viCount(r.individual), pct(r.direct_share), pct(r.women_share)]),
    );
    await page.close();
  });

  it('Cụm, khối: ranks and scores of the chosen cluster from the movement results', async () => {
    const res = await api<{ rows: { year: number; unit: string; rank: number; score: number }[] }>(
      '/api/v1/movements/results?cluster=TB-CUM1',
    );
    const { page, errors } = await openPage(demo, `${demo.server.url}/cum-khoi?cluster=TB-CUM1`);
    expect(await page.inputValue('.picker select')).toBe('TB-CUM1');
    const table = await cardTable(page, 'ranks');
    const years = [...new Set(res.rows.map((r) => r.year))];
    const thaiThuy = table.find((r) => r[0].startsWith('Huyện Thái Thụy'))!;
    for (const [i, y] of years.entries()) {
      const r = res.rows.find((x) => x.year === y && x.unit === 'TB-TT');
      // Thái Thụy joined cluster 1 in 2016: a dash before, its rank and score after
      expect(thaiThuy[i + 1]).toMatch(r ? new RegExp(`^${r.rank} \\(${oneDecimal.format(r.score)}\\)`) : /^–$/);
    }
    expect(await page.textContent('[data-card="members"]')).toContain('vào cụm năm 2016');
    // another cluster from the page's picker: the URL and the table follow
    await page.selectOption('.picker select', 'CUM-DBSH');
    await expect.poll(() => page.url()).toContain('cluster=CUM-DBSH');
    await settled(page);
    await expect
      .poll(async () => (await cardTable(page, 'ranks')).map((r) => r[0]))
      .toContain('Tỉnh Hưng Yên (từ 01/07/2025)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Phong trào: awards per movement and year', async () => {
    const s = await api<Rows<{ movement: string | null; year: number; count: number }>>(
      '/api/v1/awards/summary?group_by=year,movement',
    );
    const { page } = await openPage(demo, `${demo.server.url}/phong-trao`);
    const table = await cardTable(page, 'movements');
    const totals = table.map((r) => [r[0], r.at(-1)]);
    const years = [...new Set(s.rows.filter((r) => r.movement).map((r) => r.year))].sort();
    expect(totals).toEqual(
      years.map((y) => [
        String(y),
        viCount(s.rows.filter((r) => r.year === y && r.movement).reduce((a, r) => a + r.count, 0)),
      ]),
    );
    await page.close();
  });
});

describe('loading and errors', () => {
  it('one slow card does not block the page, and an API error is said in plain words', async () => {
    const page = await signedInPage(demo, { viewport: DESKTOP, reducedMotion: 'reduce' });
    await page.route('**/api/v1/awards/indicators*', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'Internal error: test' }),
      });
    });
    await page.goto(`${demo.server.url}/`);
    await page.waitForSelector('[data-kpi="kpiTotal"] .value');
    expect(await page.textContent('[data-card="shares"]')).toContain('Đang tải');
    await page.waitForSelector('[data-card="shares"] [role="alert"]');
    expect(await page.textContent('[data-card="shares"]')).toContain(
      'Không tải được số liệu: máy chủ gặp lỗi, hãy thử lại sau (Internal error: test)',
    );
    await page.unroute('**/api/v1/awards/indicators*');
    await page.click('[data-card="shares"] button:has-text("Thử lại")');
    await page.waitForSelector('[data-card="shares"] canvas');
    await page.close();
  });

  it('says why a chart is empty', async () => {
    const { page } = await openPage(demo, `${demo.server.url}/hinh-thuc?from=2012&to=2012&movement=PT-COVID`);
    expect(await page.locator('text=Không có dữ liệu cho bộ lọc này.').count()).toBeGreaterThan(0);
    await page.close();
  });
});
