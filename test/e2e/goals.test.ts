import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiJson, cardTable, DESKTOP, demoSession, openPage, PHONE, SHOTS, settled, signedInPage } from './pages';
import { signIn } from './signIn';

// Targets and editors' notes, as an editor sets them on the Chỉ tiêu, ghi chú page and a leader
// reads them: the KPI cards say met or not met with the gap the API's numbers give, the trend
// charts draw the target and the note (also in the PNG), and a viewer cannot edit.
const demo = demoSession();

interface Indicators {
  rows: { year: number; total: number; direct_share: number | null; women_share: number | null }[];
}
const vi = (n: number, digits = 0) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const en = (n: number, digits = 0) =>
  new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

/** Every text drawn on any canvas since the page opened (chart labels are drawn, not in the DOM). */
async function recordCanvasText(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { drawn: string[] };
    w.drawn = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      w.drawn.push(String(text));
      return fill.call(this, text, ...rest);
    };
  });
}
const drawn = (page: Page) => page.evaluate(() => (window as unknown as { drawn: string[] }).drawn.splice(0));

const NOTE_VI = 'Phát động phong trào thi đua lao động giỏi';
const NOTE_EN = 'Good-worker campaign launched';

describe('targets and notes set by an editor', () => {
  it('an editor types Thái Bình 2024 targets and a note; the cards say met / not met with the right gaps', async () => {
    const { page, errors } = await openPage(demo, `${demo.server.url}/chi-tieu?unit=TB`);
    const form = page.locator('[data-testid=targets-form]');
    await form.locator('select').first().selectOption('2024');
    await form.locator('tr[data-indicator=total] input').fill('24.000');
    await form.locator('tr[data-indicator=direct_share] input').fill('76');
    await form.locator('tr[data-indicator=women_share] input').fill('50');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.textContent('[data-testid=targets-message]')).toContain('Đã lưu 3 chỉ tiêu.');
    await expect.poll(() => page.locator('[data-testid=targets-list] tbody tr').count()).toBe(3);

    const notes = page.locator('[data-testid=notes-form]');
    await notes.locator('input[type=date]').fill('2023-05-15');
    await notes.locator('input').nth(2).fill(NOTE_VI);
    await notes.locator('input').nth(3).fill(NOTE_EN);
    await notes.locator('input[value=unit]').check();
    await notes.locator('button[type=submit]').click();
    await expect.poll(() => page.textContent('[data-testid=notes-list]')).toContain(NOTE_VI);
    expect(await page.textContent('[data-testid=notes-list]')).toContain('15/05/2023');
    await page.screenshot({ path: `${SHOTS}/goals-editor-vi-1280.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();

    // what the API says is stored, and what the cards must compare it with
    const stored = await apiJson<{ targets: { indicator: string; year: number; value: number }[] }>(
      demo.server,
      '/api/v1/targets?unit=TB&from=2024&to=2024',
    );
    expect(stored.targets.map((x) => [x.indicator, x.value]).sort()).toEqual([
      ['direct_share', 0.76],
      ['total', 24000],
      ['women_share', 0.5],
    ]);
    const ind = await apiJson<Indicators>(demo.server, '/api/v1/awards/indicators?unit=TB&from=2024&to=2024');
    const y = ind.rows.find((r) => r.year === 2024)!;
    const directMet = y.direct_share! >= 0.76;
    const womenMet = y.women_share! >= 0.5;
    const points = (share: number, goal: number) => Math.abs(Math.round(share * 1e6) / 1e6 - goal) * 100;

    for (const viewport of [DESKTOP, PHONE]) {
      for (const lang of ['vi', 'en'] as const) {
        const view = await signedInPage(demo, { viewport, reducedMotion: 'reduce' });
        await recordCanvasText(view);
        const errs: string[] = [];
        view.on('pageerror', (e) => errs.push(e.message));
        await view.goto(`${demo.server.url}/?unit=TB&to=2024${lang === 'en' ? '&lang=en' : ''}`);
        await settled(view);
        const fmt = lang === 'vi' ? vi : en;
        const total = view.locator('[data-kpi=kpiTotal] [data-goal=total]');
        const direct = view.locator('[data-kpi=direct_share] [data-goal=direct_share]');
        const women = view.locator('[data-kpi=women_share] [data-goal=women_share]');
        expect(await total.getAttribute('data-met')).toBe(y.total >= 24000 ? 'yes' : 'no');
        expect(await direct.getAttribute('data-met')).toBe(directMet ? 'yes' : 'no');
        expect(await women.getAttribute('data-met')).toBe(womenMet ? 'yes' : 'no');
        const text = (s: string | null) => s?.replace(/\s+/g, ' ').trim();
        if (lang === 'vi') {
          expect(text(await total.textContent())).toBe(
            `Chỉ tiêu tối thiểu ${vi(24000)} ${y.total >= 24000 ? '✓ Đạt' : '✗ Chưa đạt'} ` +
              `(${y.total >= 24000 ? 'vượt' : 'còn thiếu'} ${vi(Math.abs(y.total - 24000))})`,
          );
          expect(text(await direct.textContent())).toBe(
            `Chỉ tiêu tối thiểu 76,0% ${directMet ? '✓ Đạt' : '✗ Chưa đạt'} ` +
              `(${directMet ? 'vượt' : 'còn thiếu'} ${vi(points(y.direct_share!, 0.76), 1)} điểm %)`,
          );
        } else {
          expect(text(await women.textContent())).toBe(
            `Target at least 50.0% ${womenMet ? '✓ Met' : '✗ Not met'} ` +
              `(${en(points(y.women_share!, 0.5), 1)} pp ${womenMet ? 'above' : 'short'})`,
          );
        }
        expect(text(await view.textContent('[data-kpi=direct_share] .value'))).toBe(
          `${fmt(y.direct_share! * 100, 1)}%`,
        );

        // the trend's table has the target column; its numbers are the API's
        const trend = await cardTable(view, 'trend');
        const row2024 = trend.find((r) => r[0] === '2024')!;
        expect(row2024.at(-2)).toBe(fmt(y.total));
        const word = (met: boolean) => (met ? (lang === 'vi' ? 'Đạt' : 'Met') : lang === 'vi' ? 'Chưa đạt' : 'Not met');
        expect(row2024.at(-1)).toBe(`≥ ${fmt(24000)} · ${word(y.total >= 24000)}`);
        expect(trend.find((r) => r[0] === '2023')!.at(-1)).toBe('–');
        const shares = await cardTable(view, 'shares');
        expect(shares.find((r) => r[0] === '2024')!.at(-2)).toBe(`≥ ${fmt(76, 1)}% · ${word(directMet)}`);

        // the note: listed under the trend charts and drawn on them (by number on a phone)
        const note = lang === 'vi' ? NOTE_VI : NOTE_EN;
        const listed = await view.textContent('[data-card=trend] [data-notes]');
        expect(listed).toContain(`✎ ${note} (15/05/2023)`);
        const onScreen = await drawn(view);
        if (viewport === DESKTOP) expect(onScreen).toContain(`✎ ${note} (15/05/2023)`);
        const number = /\((\d+)\) ✎/.exec(listed!)![1];
        if (viewport === PHONE) expect(onScreen).toContain(`(${number})`);
        // the legend names the target line
        expect(onScreen).toContain(lang === 'vi' ? 'Chỉ tiêu: Tổng số khen thưởng' : 'Target: All awards');
        if (viewport === DESKTOP && lang === 'vi') {
          const [png] = await Promise.all([
            view.waitForEvent('download'),
            view.click('[data-card=trend] [data-format=png]'),
          ]);
          await png.saveAs(`${SHOTS}/export-trend-goals-2x.png`);
          const inPng = await drawn(view);
          expect(inPng).toContain(`✎ ${NOTE_VI} (15/05/2023)`);
          expect(inPng).toContain('Chỉ tiêu: Tổng số khen thưởng');
        }
        for (const card of ['trend', 'shares'])
          await view
            .locator(`[data-card=${card}]`)
            .screenshot({ path: `${SHOTS}/goals-${card}-tb-2024-${lang}-${viewport.width}.png` });
        await view.locator('.kpis').screenshot({ path: `${SHOTS}/goals-kpis-tb-2024-${lang}-${viewport.width}.png` });
        expect(errs).toEqual([]);
        await view.close();
      }
    }
  });

  it('new Hưng Yên 2025: a CSV target is on its KPI card, against its predecessors by default', async () => {
    const csv =
      'Chỉ tiêu;Năm;Đơn vị;Giá trị\n' +
      'Tổng số khen thưởng;2025;HY-2025;30.000\nTỷ lệ lao động trực tiếp;2025;HY-2025;70%\n';
    const res = await demo.server.api('/api/v1/targets', {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(200);
    for (const viewport of [DESKTOP, PHONE]) {
      for (const lang of ['vi', 'en'] as const) {
        const { page, errors } = await openPage(
          demo,
          `${demo.server.url}/?unit=HY-2025&from=2024&to=2025${lang === 'en' ? '&lang=en' : ''}`,
          viewport,
        );
        // the card compares what it shows (the same figure as its value), whatever mapping the view uses
        const value = await page.textContent('[data-kpi=kpiTotal] .value');
        const shown = Number(value!.replace(/[^\d]/g, ''));
        const met = await page.getAttribute('[data-kpi=kpiTotal] [data-goal=total]', 'data-met');
        expect(met).toBe(shown >= 30000 ? 'yes' : 'no');
        expect(await page.textContent('[data-kpi=kpiTotal] [data-goal=total]')).toContain(
          lang === 'vi' ? `tối thiểu ${vi(30000)}` : `at least ${en(30000)}`,
        );
        // the share card loads its own data and targets: it can settle after the total's
        await expect.poll(() => page.locator('[data-kpi=direct_share] [data-goal=direct_share]').count()).toBe(1);
        await page.locator('.kpis').screenshot({ path: `${SHOTS}/goals-kpis-hy-2025-${lang}-${viewport.width}.png` });
        await page
          .locator('[data-card=trend]')
          .screenshot({ path: `${SHOTS}/goals-trend-hy-2025-${lang}-${viewport.width}.png` });
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  });

  it('a bad CSV row is shown with its row and column, and nothing is saved', async () => {
    const before = await apiJson<{ targets: unknown[] }>(demo.server, '/api/v1/targets?unit=TB');
    const { page, errors } = await openPage(demo, `${demo.server.url}/chi-tieu?unit=TB`);
    await page.setInputFiles('input[type=file]', {
      name: 'chi-tieu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Chỉ tiêu,Năm,Đơn vị,Giá trị\nTổng số khen thưởng,2026,TB,100\nTỷ lệ nữ,2024,TB,nhiều\n'),
    });
    await page.click('text=Tải lên');
    await expect
      .poll(() => page.textContent('[data-testid=targets-message]'))
      .toContain('Dòng 2, cột Giá trị: phải là một số');
    expect(await apiJson<{ targets: unknown[] }>(demo.server, '/api/v1/targets?unit=TB')).toEqual(before);
    // the browser logs the refused upload itself; nothing else went wrong
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await page.close();
  });

  it('a viewer sees the targets but has no editor page, and the API refuses their writes', async () => {
    const made = await demo.server.api('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nguoi.xem.chi.tieu@example.vn', role: 'viewer' }),
    });
    const { id } = (await made.json()) as { id: number };
    const link = await demo.server.api('/api/v1/auth/sign-in-links', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: id }),
    });
    const { url } = (await link.json()) as { url: string };
    const signedIn = await signIn(demo.browser, url);
    const page = await signedInPage(
      { browser: demo.browser, signedIn },
      { viewport: DESKTOP, reducedMotion: 'reduce' },
    );
    await page.goto(`${demo.server.url}/?unit=TB&to=2024`);
    await settled(page);
    expect(await page.locator('nav[aria-label="Các trang"] a').allTextContents()).not.toContain('Chỉ tiêu, ghi chú');
    expect(await page.locator('[data-kpi=kpiTotal] [data-goal=total]').count()).toBe(1);
    await page.goto(`${demo.server.url}/chi-tieu?unit=TB`);
    await page.waitForSelector('[data-testid=page-denied]');
    expect(await page.locator('[data-testid=targets-form]').count()).toBe(0);
    const refused = await page.evaluate(async () => {
      const r = await fetch('/api/v1/targets', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ targets: [{ indicator: 'total', year: 2024, unit_code: 'TB', value: 1 }] }),
      });
      return { status: r.status, body: (await r.json()) as { error_vi: string } };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error_vi).toContain('đặt chỉ tiêu cần vai trò biên tập viên');
    await page.close();
  });
});
