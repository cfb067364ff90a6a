import { mkdirSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type Server } from './server';
import { signIn } from './signIn';
import { PAGES, settled } from './pages';

// An embed on somebody else's page: a host page on a second origin frames /embed/trend with
// the snippet the API hands out; the chart renders, names its area and years, tells the host its
// height and the host resizes the iframe. A host on an origin the token does not name gets a
// readable refusal inside the frame, and no data.
const TOKEN = 'e2e-embed-token';
const SHOTS_H15 = process.env.SHOTS_DIR ?? 'test-results/screenshots';
let server: Server;
let browser: Browser;
const hosts: HttpServer[] = [];
let session: Awaited<ReturnType<typeof signIn>> | undefined;
/** The sign-in link opens one session: it is opened once and its state reused by every test here. */
const signedIn = async () => (session ??= await signIn(browser, server.signInLink));

/** A tiny host page on its own 127.0.0.1 port, i.e. its own origin. */
async function host(body: () => string): Promise<string> {
  const srv = createServer((req, res) => {
    if (req.url !== '/') return void res.writeHead(204).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng thông tin thử</title>
<body style="font-family:sans-serif;margin:1rem;background:#eef"><h1>Trang chủ cổng thông tin tỉnh (thử)</h1>
<script>window.heights = [];
addEventListener('message', (e) => {
  if (e.data && e.data.type === 'thidua:height') window.heights.push(e.data.height);
});
</script>
${body()}<p>Cuối trang</p></body></html>`);
  });
  hosts.push(srv);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
}

async function createEmbed(origin: string, params: Record<string, string> = {}, chart = 'trend') {
  const res = await server.api('/api/v1/embeds', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chart, origin, params, lifetime_days: 1, label: 'e2e' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { snippet: string; url: string };
}

// Each embed is looked at in both languages on a laptop and a phone.
const VIEWS = [
  ['vi', { width: 1280, height: 900 }],
  ['en', { width: 390, height: 900 }],
  ['vi', { width: 390, height: 900 }],
  ['en', { width: 1280, height: 900 }],
] as const;

/**
 * A host page whose snippet `make` creates for the host's origin, opened once per VIEWS entry with
 * the snippet asking for that language: waits for the framed chart, runs `check`, screenshots
 * `<shot>-<lang>-<width>.png` and fails on any page error.
 */
async function eachView(
  make: (origin: string) => Promise<{ snippet: string }>,
  shot: string,
  check: (frame: FrameLocator, lang: (typeof VIEWS)[number][0]) => Promise<void>,
) {
  let snippet = '';
  let current = 'vi';
  const origin = await host(() => snippet.replace('?token=', `?lang=${current}&token=`));
  ({ snippet } = await make(origin));
  for (const [lang, viewport] of VIEWS) {
    const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    current = lang;
    await page.goto(origin);
    const frame = page.frameLocator('iframe');
    await frame.locator('canvas').waitFor({ timeout: 30_000 });
    await check(frame, lang);
    await page.screenshot({ path: `${SHOTS_H15}/${shot}-${lang}-${viewport.width}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }
}

beforeAll(async () => {
  server = await startServer({ ADMIN_TOKEN: TOKEN });
  browser = await launchBrowser();
  mkdirSync('test-results/screenshots', { recursive: true });
  mkdirSync(SHOTS_H15, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const h of hosts) h.close();
});

describe('an embedded chart', () => {
  it('renders in an iframe on the allowed origin and the host follows its height', async () => {
    let snippet = '';
    const origin = await host(() => snippet);
    ({ snippet } = await createEmbed(origin, { unit: 'TB', from: '2016', to: '2024' }));

    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(origin);
    const frame = page.frameLocator('iframe');
    await frame.locator('canvas').waitFor({ timeout: 30_000 });
    // the snippet's listener sets the iframe's height to the last one reported
    const settled = () =>
      page.evaluate(() => {
        const h = (window as unknown as { heights: number[] }).heights.at(-1);
        const f = document.querySelector('iframe')!;
        return h !== undefined && f.style.height === `${h}px` && Math.round(f.getBoundingClientRect().height) === h
          ? h
          : -1;
      });
    await expect.poll(settled, { timeout: 10_000 }).toBeGreaterThan(300);
    const wide = await settled();
    await expect(frame.locator('h1').textContent()).resolves.toBe('Số khen thưởng theo năm, theo cấp khen');
    // the area and the years in words, not the token's parameters
    await expect(frame.locator('[data-testid=embed-scope]').textContent()).resolves.toBe('Tỉnh Thái Bình, 2016–2024');
    await page.screenshot({ path: `${SHOTS_H15}/embed-host-vi-1000.png`, fullPage: true });

    // narrower: the title and legend wrap, the content grows, the host follows
    await page.setViewportSize({ width: 360, height: 900 });
    await expect.poll(settled, { timeout: 10_000 }).toBeGreaterThan(wide);
    await page.screenshot({ path: `${SHOTS_H15}/embed-host-vi-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1000, height: 900 });
    await expect.poll(settled, { timeout: 10_000 }).toBe(wide);

    await page.screenshot({ path: 'test-results/screenshots/embed-host.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows ?theme=dark and ?lang=en', async () => {
    let snippet = '';
    const origin = await host(() => snippet.replace('?token=', '?theme=dark&lang=en&token='));
    ({ snippet } = await createEmbed(origin));
    const page = await browser.newPage({ viewport: { width: 800, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(origin);
    const frame = page.frameLocator('iframe');
    await frame.locator('canvas').waitFor({ timeout: 30_000 });
    await expect(frame.locator('h1').textContent()).resolves.toBe('Awards by year and by level');
    await expect(frame.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await expect(frame.locator('[data-testid=embed-scope]').textContent()).resolves.toMatch(/^All areas, \d{4}–\d{4}$/);
    await page.screenshot({ path: 'test-results/screenshots/embed-host-dark-en.png', fullPage: true });
    await page.close();
  });

  it('says inside the frame, in Vietnamese and English, that another origin may not show it', async () => {
    const allowed = await host(() => '');
    const { snippet } = await createEmbed(allowed);
    const other = await host(() => snippet);
    for (const viewport of [
      { width: 1280, height: 700 },
      { width: 390, height: 800 },
    ]) {
      const page = await browser.newPage({ viewport });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(other);
      const frame = page.frameLocator('iframe');
      await expect(frame.locator('h1').textContent({ timeout: 10_000 })).resolves.toMatch(
        /Không hiển thị được biểu đồ/,
      );
      const text = (await frame.locator('body').textContent())!;
      expect(text).toContain(`Biểu đồ này không được phép hiển thị trên trang ${other}.`);
      expect(text).toContain(`Mã nhúng chỉ dùng được trên ${allowed}.`);
      expect(text).toContain(`This chart may not be shown on ${other}.`);
      // no chart, no data asked for, no height told to the refused page
      expect(await frame.locator('canvas').count()).toBe(0);
      expect(requests.filter((u) => u.includes('/embed-data/'))).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { heights: number[] }).heights)).toEqual([]);
      await page.screenshot({ path: `${SHOTS_H15}/embed-refused-${viewport.width}.png`, fullPage: true });
      await page.close();
    }
  });

  it('draws a breakdown card as bars named from the figures, on a laptop and a phone, vi and en', async () => {
    const params = { unit: 'TB', from: '2024', to: '2024' };
    await eachView(
      (origin) => createEmbed(origin, params, 'by-unit'),
      'embed-by-unit',
      async (frame, lang) => {
        await expect(frame.locator('h1').textContent()).resolves.toBe(
          lang === 'vi' ? 'Khen thưởng theo đơn vị' : 'Awards by unit',
        );
        await expect(frame.locator('[data-testid=embed-scope]').textContent()).resolves.toBe('Tỉnh Thái Bình, 2024');
      },
    );
  });

  it('is made and revoked in the "Nhúng biểu đồ" dialog, with the card\'s filters locked', async () => {
    // signed in with the link `npm start` printed: the session cookie makes and revokes the token
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      storageState: await signedIn(),
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?from=2021&to=2024`);
    const card = page.locator('[data-card=trend]');
    await card.locator('canvas').waitFor();
    await card.locator('[data-testid=embed-open]').click();
    const dialog = card.locator('[data-testid=embed-dialog]');
    await expect(dialog.textContent()).resolves.toMatch(/Năm: 2021–2024/);
    await expect(dialog.textContent()).resolves.not.toMatch(/from=/);
    await dialog.locator('[data-testid=embed-origin]').fill('https://congthongtin.example');
    await dialog.locator('[data-testid=embed-create]').click();
    const snippet = await dialog.locator('[data-testid=embed-snippet]').inputValue({ timeout: 10_000 });
    expect(snippet).toMatch(/^<iframe id="thidua-/);
    await dialog.locator('[data-testid=embed-list] li').first().waitFor();
    await page.screenshot({ path: 'test-results/screenshots/embed-dialog.png' });

    const token = /token=([^"&]+)/.exec(snippet)![1];
    const data = await fetch(`${server.url}/api/v1/embed-data/trend?token=${token}`);
    expect(data.status).toBe(200);
    const direct = await (await server.api('/api/v1/awards/summary?group_by=year,tier&from=2021&to=2024')).json();
    const { about, ...figures } = (await data.json()) as { about: { area: { vi: string } } };
    expect(figures).toEqual(direct);
    expect(about.area.vi).toBe('Tất cả địa bàn');

    await dialog.locator('[data-testid=embed-list] li', { hasText: 'congthongtin' }).getByRole('button').click();
    await dialog.locator('[data-testid=embed-list] li', { hasText: 'Đã thu hồi' }).waitFor();
    expect((await fetch(`${server.url}/api/v1/embed-data/trend?token=${token}`)).status).toBe(401);

    // a published snapshot: a permanent page with the frozen figures and a PNG of the chart
    await dialog.locator('[data-testid=snapshot-publish]').click();
    const url = (await dialog.locator('[data-testid=snapshot-url]').textContent({ timeout: 10_000 }))!;
    expect(url).toMatch(new RegExp(`^${server.url}/snapshot/[0-9a-f-]{36}$`));
    const snap = await browser.newPage({ viewport: { width: 900, height: 700 }, reducedMotion: 'reduce' });
    snap.on('pageerror', (e) => errors.push(e.message));
    await snap.goto(url);
    await snap.locator('canvas').waitFor({ timeout: 10_000 });
    await expect(snap.locator('h1').textContent()).resolves.toBe('Số khen thưởng theo năm, theo cấp khen');
    await expect(snap.locator('main').textContent()).resolves.toMatch(/Số liệu chốt lúc/);
    await expect(snap.locator('[data-testid=embed-scope]').textContent()).resolves.toBe('Tất cả địa bàn, 2021–2024');
    const download = snap.waitForEvent('download');
    await snap.getByText('Tải ảnh PNG').click();
    expect((await download).suggestedFilename()).toMatch(/^bieu-do-.*\.png$/);
    await snap.screenshot({ path: 'test-results/screenshots/embed-snapshot.png' });

    // withdrawn from the same dialog, behind a confirmation: the page then says so, without figures
    const id = url.split('/').at(-1)!;
    const listed = dialog.locator('[data-testid=snapshot-list] li', { hasText: 'Đang công bố' });
    await listed.waitFor();
    await listed.locator('[data-testid=snapshot-withdraw]').click();
    const confirm = card.locator('[data-testid=confirm]');
    await expect(confirm.textContent()).resolves.toMatch(/Không thể hoàn tác/);
    await page.screenshot({ path: 'test-results/screenshots/snapshot-withdraw-confirm.png' });
    await confirm.locator('[data-testid=confirm-yes]').click();
    await dialog.locator('[data-testid=snapshot-list] li', { hasText: 'Đã gỡ' }).waitFor();
    expect((await fetch(`${server.url}/api/v1/snapshots/${id}`)).status).toBe(410);
    await snap.reload();
    await expect(snap.locator('[role=alert]').textContent()).resolves.toMatch(
      /đã được người xuất bản hoặc quản trị viên gỡ xuống/,
    );
    expect(await snap.locator('canvas').count()).toBe(0);
    await snap.screenshot({ path: 'test-results/screenshots/embed-snapshot-withdrawn.png' });
    await snap.close();

    // every chart card whose query is an embeddable chart has the button, not only the two first ones
    await page.goto(`${server.url}/hinh-thuc?from=2021&to=2024`);
    for (const card of ['kind-year', 'category-year', 'by-category', 'by-tier', 'by-award', 'by-method', 'by-class'])
      await page.locator(`[data-card=${card}] [data-testid=embed-open]`).waitFor({ timeout: 10_000 });
    await page.goto(`${server.url}/dia-ban`);
    await page.locator('[data-card=area-units] [data-testid=embed-open]').waitFor({ timeout: 10_000 });
    await page.goto(`${server.url}/phong-trao`);
    await page.locator('[data-card=movements] [data-testid=embed-open]').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('embeds the half-year card from its dialog with the months locked, saying what the card says', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      storageState: await signedIn(),
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cardSummary: Record<string, string> = {};
    for (const lang of ['vi', 'en']) {
      await page.goto(`${server.url}/?unit=TB&to=2024${lang === 'en' ? '&lang=en' : ''}`);
      await page.locator('[data-card=half-year] canvas').waitFor();
      cardSummary[lang] = (await page.textContent('[data-card=half-year] .summary'))!.trim();
    }
    await page.goto(`${server.url}/?unit=TB&to=2024`);
    const card = page.locator('[data-card=half-year]');
    await card.locator('canvas').waitFor();
    await card.locator('[data-testid=embed-open]').click();
    const dialog = card.locator('[data-testid=embed-dialog]');
    await expect(dialog.textContent()).resolves.toMatch(/Năm: 2023–2024; Tháng quyết định: 1–6/);
    let snippet = '';
    let current = 'vi';
    const origin = await host(() => snippet.replace('?token=', `?lang=${current}&token=`));
    await dialog.locator('[data-testid=embed-origin]').fill(origin);
    await dialog.locator('[data-testid=embed-create]').click();
    snippet = await dialog.locator('[data-testid=embed-snippet]').inputValue({ timeout: 10_000 });
    const token = /token=([^"&]+)/.exec(snippet)![1];
    const data = await (await fetch(`${server.url}/api/v1/embed-data/half-year?token=${token}`)).json();
    const direct = await (
      await server.api('/api/v1/awards/summary?group_by=tier,year&unit=TB&from=2023&to=2024&months=1-6')
    ).json();
    const { about: _about, ...figures } = data as { about: unknown };
    expect(figures).toEqual(direct);
    for (const [lang, viewport] of [
      ['vi', { width: 1280, height: 900 }],
      ['en', { width: 390, height: 900 }],
    ] as const) {
      current = lang;
      const view = await browser.newPage({ viewport, reducedMotion: 'reduce' });
      view.on('pageerror', (e) => errors.push(e.message));
      await view.goto(origin);
      const frame = view.frameLocator('iframe');
      await frame.locator('canvas').waitFor({ timeout: 30_000 });
      await expect(frame.locator('[data-testid=embed-summary]').textContent()).resolves.toBe(cardSummary[lang]);
      await view.screenshot({
        path: `${SHOTS_H15}/embed-half-year-dialog-${lang}-${viewport.width}.png`,
        fullPage: true,
      });
      await view.close();
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has the "Nhúng biểu đồ" button on every chart card of every page', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      storageState: await signedIn(),
    });
    const meta = (await (await server.api('/api/v1/meta')).json()) as { clusters: { code: string }[] };
    const seen: string[] = [];
    for (const p of PAGES) {
      // the cluster page shows its charts for a cluster: the admin has none of their own
      await page.goto(`${server.url}${p.path}${p.path === '/cum-khoi' ? `?cluster=${meta.clusters[0].code}` : ''}`);
      await settled(page);
      // a card is a chart card when it draws a canvas: a new one without the button fails here
      const cards = await page.$$eval('section.card', (all) =>
        all
          .filter((c) => c.querySelector('canvas'))
          .map((c) => ({
            id: c.getAttribute('data-card') ?? c.querySelector('h2')?.textContent ?? '?',
            embed: !!c.querySelector('[data-testid=embed-open]'),
          })),
      );
      expect(cards.length, p.path).toBeGreaterThan(0);
      expect(cards.filter((c) => !c.embed).map((c) => `${p.path} ${c.id}`)).toEqual([]);
      seen.push(...cards.map((c) => c.id));
    }
    // the cards of the last rounds among them
    expect(seen).toEqual(expect.arrayContaining(['shares', 'high-tiers', 'ranks', 'movement-panels', 'half-year']));
    await page.close();
  });

  it('draws the shares, the high tiers and the cluster ranks, vi and en, laptop and phone', async () => {
    const meta = (await (await server.api('/api/v1/meta')).json()) as {
      clusters: { code: string; name: string }[];
    };
    const cluster = meta.clusters[0];
    const charts = [
      ['shares', { unit: 'TB', from: '2020', to: '2024' }, 'Tỉnh Thái Bình, 2020–2024'],
      ['high-tiers', { tier: 'state,government', from: '2020', to: '2024' }, '2020–2024'],
      ['ranks', { cluster: cluster.code, from: '2020', to: '2024' }, `${cluster.name}, 2020–2024`],
      ['half-year', { unit: 'TB', from: '2023', to: '2024', months: '1-6' }, 'Tỉnh Thái Bình, 2023–2024'],
    ] as const;
    const titles: Record<string, [string, string]> = {
      shares: ['Tỷ lệ khen thưởng cá nhân', 'Individual awards: shares'],
      'high-tiers': ['Khen thưởng cấp Nhà nước và của Thủ tướng Chính phủ', 'State-level and Prime Minister awards'],
      ranks: ['Thứ hạng các thành viên qua các năm', "Members' ranks over the years"],
      'half-year': [
        '6 tháng đầu năm 2024 so với cùng kỳ năm trước',
        'First half of 2024 against the same months of last year',
      ],
    };
    for (const [chart, params, scope] of charts) {
      await eachView(
        (origin) => createEmbed(origin, params, chart),
        `embed-${chart}`,
        async (frame, lang) => {
          await expect(frame.locator('h1').textContent()).resolves.toContain(titles[chart][lang === 'vi' ? 0 : 1]);
          const all = lang === 'vi' ? 'Tất cả địa bàn' : 'All areas';
          await expect(frame.locator('[data-testid=embed-scope]').textContent()).resolves.toBe(
            chart === 'high-tiers' ? `${all}, ${scope}` : scope,
          );
        },
      );
    }
  });
});
