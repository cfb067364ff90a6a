import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSession, SHOTS, signedInPage } from './pages';

const demo = demoSession();

async function api<T>(path: string): Promise<T> {
  const res = await demo.server.api(path);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

type Summary = { rows: { year: number; count: number; category?: string; tier?: string }[]; total: number };

async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  // reduced motion: charts draw without animation, so screenshots show final bars
  const page = await signedInPage(demo, { viewport, reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${demo.server.url}${path}`);
  await page.waitForSelector('[data-kpi="kpiTotal"] .value');
  await page.waitForSelector('canvas');
  return { page, errors };
}

const text = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .textContent()
    .then((t) => t?.trim());
const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

describe('Tổng quan with the demo data', () => {
  it('serves the demo through npm start, with the whole catalog in meta', async () => {
    const meta = await api<{ award_types: { code: string }[]; years: { from: number; to: number } }>('/api/v1/meta');
    expect(meta.years).toEqual({ from: 2012, to: 2025 });
    expect(meta.award_types.map((t) => t.code)).toContain('GK_HUYEN');
    expect(demo.server.output()).toContain(`\n  ADMIN_TOKEN: ${demo.server.token}\n`);
    // the one-click sign-in link is on the line after "Đăng nhập / sign in"
    expect(demo.server.output()).toMatch(
      /Đăng nhập \/ sign in[^\n]*\n\s+http:\/\/127\.0\.0\.1:\d+\/api\/v1\/auth\/sign-in\?ticket=\S+\n/,
    );
  });

  it('shows this year against last year from the API, in Vietnamese number format', async () => {
    const byYear = await api<Summary>('/api/v1/awards/summary?group_by=year');
    const last = byYear.rows.at(-1)!;
    const prev = byYear.rows.at(-2)!;
    const { page, errors } = await open('/');
    await expect.poll(() => text(page, 'h1')).toBe('Tổng quan');
    await expect.poll(() => text(page, '[data-kpi="kpiTotal"] .value')).toBe(vi(last.count));
    await expect.poll(() => text(page, '[data-kpi="kpiTotal"] .year')).toBe(`Năm ${last.year}`);
    await expect
      .poll(() => text(page, '[data-kpi="kpiTotal"] .change'))
      .toContain(`so với năm ${prev.year} (${vi(prev.count)})`);
    expect(await page.textContent('body')).toContain('Dữ liệu cập nhật lúc');
    await page.screenshot({ path: `${SHOTS}/tong-quan-vi-1280x800.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the same numbers in the table as the API', async () => {
    const byYear = await api<Summary>('/api/v1/awards/summary?group_by=year');
    const { page } = await open('/');
    await page.click('summary:has-text("Xem dạng bảng")');
    const totals = await page.$$eval('[data-card="trend"] tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td:last-child')!.textContent]),
    );
    expect(totals).toEqual(byYear.rows.map((r) => [String(r.year), vi(r.count)]));
    await page.close();
  });

  it('keeps the area filter in the URL and restores it with back/forward', async () => {
    const district = await api<Summary>('/api/v1/awards/summary?group_by=year&unit=TB-TT');
    const all = await api<Summary>('/api/v1/awards/summary?group_by=year');
    const { page, errors } = await open('/');
    await page.selectOption('select', 'TB-TT');
    await expect.poll(() => page.url()).toContain('unit=TB-TT');
    const lastDistrictYear = district.rows.at(-1)!;
    await expect.poll(() => text(page, '[data-kpi="kpiTotal"] .value')).toBe(vi(lastDistrictYear.count));
    await page.goBack();
    await expect.poll(() => text(page, '[data-kpi="kpiTotal"] .value')).toBe(vi(all.rows.at(-1)!.count));
    await page.goForward();
    await expect.poll(() => text(page, '[data-kpi="kpiTotal"] .value')).toBe(vi(lastDistrictYear.count));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders in English and on a phone', async () => {
    const { page, errors } = await open('/?lang=en');
    await expect.poll(() => text(page, 'h1')).toBe('Overview');
    await page.screenshot({ path: `${SHOTS}/tong-quan-en-1280x800.png`, fullPage: true });
    await page.close();
    for (const lang of ['vi', 'en']) {
      const phone = await open(`/?lang=${lang}`, { width: 390, height: 844 });
      await phone.page.screenshot({ path: `${SHOTS}/tong-quan-${lang}-390x844.png`, fullPage: true });
      const overflow = await phone.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'horizontal overflow at 390 px').toBeLessThanOrEqual(0);
      expect(phone.errors).toEqual([]);
      await phone.page.close();
    }
    expect(errors).toEqual([]);
  });
});
