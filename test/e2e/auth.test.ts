import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSession, DESKTOP, horizontalOverflow, PHONE, seriousA11yViolations, SHOTS } from './pages';
import { sessionCookie } from './signIn';

// Signing in and out in a real browser: without a session the dashboard shows only the sign-in
// screen (and asks the API nothing but "who am I"); the link `npm start` printed opens it
// signed in; signing out ends the session on the server, not just in the browser.
const demo = demoSession();

/** A page in a fresh context (no cookie), recording console errors and the API paths it asks for. */
async function freshPage(viewport = DESKTOP, colorScheme: 'light' | 'dark' = 'light') {
  const context = await demo.browser.newContext({ viewport, reducedMotion: 'reduce', colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  const api: string[] = [];
  page.on(
    'console',
    (m) => m.type() === 'error' && errors.push(`${m.text()} @ ${new URL(m.location().url || 'about:blank').pathname}`),
  );
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) api.push(`${r.method()} ${url.pathname}`);
  });
  return { context, page, errors, api };
}

// Chromium logs every non-2xx answer to fetch as a console error: the "who am I" of a visitor
// without a session is the one expected.
const WHO_AM_I_401 =
  'Failed to load resource: the server responded with a status of 401 (Unauthorized) @ /api/v1/auth/me';

const inPage = (page: Page, path: string, init: RequestInit = {}) =>
  page.evaluate(
    async ([p, i]) => {
      const res = await fetch(p, i);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    [path, init] as const,
  );

describe('without a session', () => {
  it.each(['/', '/dia-ban', '/du-lieu', '/quan-tri'])(
    '%s shows the sign-in screen and asks the API only who is signed in',
    async (path) => {
      const { context, page, errors, api } = await freshPage();
      await page.goto(`${demo.server.url}${path}`);
      const screen = page.locator('[data-testid=sign-in]');
      await screen.waitFor();
      expect(await page.textContent('h1')).toBe('Cần đăng nhập');
      const text = (await screen.textContent())!;
      // written for officials: no developer commands
      expect(text).not.toContain('npm');
      expect(text).toContain(
        'Mở liên kết đăng nhập mà quản trị viên gửi cho bạn. Mỗi liên kết chỉ dùng được một lần và có thời hạn.',
      );
      expect(text).toContain('Cloudflare Access');
      expect(text).toContain('Quản trị viên có thể thêm bạn và tạo cho bạn một liên kết đăng nhập');
      // no page, no navigation, no figures, and no token field
      expect(await page.locator('nav, .card, [data-kpi], input').count()).toBe(0);
      expect(await page.title()).toBe('Cần đăng nhập – Thi đua, khen thưởng');
      expect(api).toEqual(['GET /api/v1/auth/me']);
      expect(errors).toEqual([WHO_AM_I_401]);
      await context.close();
    },
  );

  it(
    'is photographed at 1280x800 and 390x844, light and dark, in both ' +
      'languages, without overflow or axe violations',
    async () => {
      for (const [viewport, scheme, lang] of [
        [DESKTOP, 'light', 'vi'],
        [PHONE, 'light', 'vi'],
        [DESKTOP, 'dark', 'vi'],
        [PHONE, 'dark', 'en'],
        [DESKTOP, 'light', 'en'],
      ] as const) {
        const { context, page, errors } = await freshPage(viewport, scheme);
        const dark = scheme === 'dark';
        await page.goto(`${demo.server.url}/${lang === 'en' ? '?lang=en' : ''}`);
        await page.locator('[data-testid=sign-in]').waitFor();
        expect(await page.textContent('h1')).toBe(lang === 'en' ? 'Sign-in required' : 'Cần đăng nhập');
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `${SHOTS}/dang-nhap-${lang}-${viewport.width}x${viewport.height}${dark ? '-dark' : ''}.png`,
          fullPage: true,
        });
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(errors).toEqual([WHO_AM_I_401]);
        await context.close();
      }
    },
  );
});

describe('the sign-in link', () => {
  it('opens the dashboard signed in; signing out ends the server session, shows the sign-in screen', async () => {
    const { context, page, errors } = await freshPage();
    await page.goto(demo.server.url);
    await page.locator('[data-testid=sign-in]').waitFor();

    // the one-click link npm start printed: 303 to the dashboard with the session cookie
    await page.goto(demo.server.signInLink);
    expect(page.url()).toBe(`${demo.server.url}/`);
    await page.waitForSelector('[data-kpi="kpiTotal"] .value');
    // people see the bootstrap admin as a role, not as the name of a secret
    expect(await page.textContent('[data-testid=account-email]')).toBe('Quản trị hệ thống');
    expect(await page.textContent('[data-testid=account-role]')).toBe('Quản trị viên');
    expect(await page.getAttribute('[data-testid=account-role]', 'data-role')).toBe('admin');
    expect(await page.locator('[data-testid=account-scope]').count()).toBe(0);
    const nav = await page.locator('nav[aria-label="Các trang"] a').allTextContents();
    expect(nav).toEqual([
      'Tổng quan',
      'Địa bàn',
      'Cụm, khối thi đua',
      'Phong trào',
      'Hình thức',
      'Báo cáo',
      'Chỉ tiêu, ghi chú',
      'Dữ liệu',
      'Quản trị',
    ]);
    const cookie = (await sessionCookie(context, demo.server.url))!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    // HttpOnly: the page's scripts cannot read it
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await inPage(page, '/api/v1/auth/me')).toMatchObject({
      status: 200,
      body: { email: 'ADMIN_TOKEN', role: 'admin', via: 'session', scope: null },
    });
    await page.screenshot({ path: `${SHOTS}/dang-nhap-xong-vi-1280x800.png` });

    await page.click('button:has-text("Đăng xuất")');
    await page.locator('[data-testid=sign-in]').waitFor();
    expect(await page.textContent('[data-testid=sign-in] [role=status]')).toBe('Bạn đã đăng xuất.');
    expect(await sessionCookie(context, demo.server.url)).toBeUndefined();
    expect(await inPage(page, '/api/v1/auth/me')).toMatchObject({ status: 401 });
    // the session is gone on the server too: the old cookie, sent again, opens nothing
    const replay = await fetch(`${demo.server.url}/api/v1/auth/me`, {
      headers: { cookie: `thidua_session=${cookie.value}` },
    });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: string }).error).toMatch(/session has ended/);
    await page.reload();
    await page.locator('[data-testid=sign-in]').waitFor();
    // the link was spent: opened again after signing out, it opens nothing and says why
    await page.goto(demo.server.signInLink);
    await page.locator('[data-testid=sign-in]').waitFor();
    expect(await page.textContent('[data-testid=sign-in] [role=alert]')).toBe(
      'Liên kết đăng nhập này đã được dùng. Mỗi liên kết chỉ mở được một ' +
        'phiên: hãy đề nghị quản trị viên cấp một liên kết mới.',
    );
    expect(await sessionCookie(context, demo.server.url)).toBeUndefined();
    await page.screenshot({ path: `${SHOTS}/lien-ket-da-dung-vi-1280x800.png` });
    expect(errors.filter((e) => e !== WHO_AM_I_401)).toEqual([]);
    await context.close();
  });

  it('shows the system administrator by role in the header, in English too', async () => {
    const { context, page } = await freshPage();
    await page.goto(await demo.server.newSignInLink());
    await page.waitForSelector('[data-testid=account-email]');
    await page.goto(`${demo.server.url}/?lang=en`);
    await page.waitForSelector('[data-kpi="kpiTotal"] .value');
    expect(await page.textContent('[data-testid=account-email]')).toBe('System administrator');
    expect(await page.textContent('[data-testid=account-role]')).toBe('Administrator');
    await page.screenshot({ path: `${SHOTS}/dang-nhap-xong-en-1280x800.png` });
    await context.close();
  });

  it('a link followed from another site asks first, and only the button (a POST from this site) signs in', async () => {
    const { context, page } = await freshPage();
    const link = await demo.server.newSignInLink();
    // a page of no origin of ours links to it: Chromium sends Sec-Fetch-Site: cross-site
    await page.setContent(`<a href="${link}&next=%2Fdia-ban">mở</a>`);
    await page.click('a');
    await page.locator('[data-testid=confirm-sign-in]').waitFor();
    expect(await page.textContent('h1')).toBe('Xác nhận đăng nhập');
    expect(await page.textContent('main')).toContain('để đăng nhập với tư cách Quản trị hệ thống');
    expect(await page.textContent('main')).toContain('sign in as the system administrator');
    expect(await sessionCookie(context, demo.server.url)).toBeUndefined();
    await page.screenshot({ path: `${SHOTS}/xac-nhan-dang-nhap-1280x800.png` });
    await page.click('button:has-text("Đăng nhập / Sign in")');
    await page.waitForURL(`${demo.server.url}/dia-ban`);
    await page.waitForSelector('[data-testid=account-email]');
    expect(await sessionCookie(context, demo.server.url)).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    await context.close();
  });

  it('a session that ends while the dashboard is open brings the sign-in screen back at the next request', async () => {
    const { context, page } = await freshPage();
    await page.goto(await demo.server.newSignInLink());
    await page.waitForSelector('[data-kpi="kpiTotal"] .value');
    // every card has its data: otherwise a card still loading meets the 401 first and the
    // sign-in screen replaces the nav before the click below
    await page.waitForLoadState('networkidle');
    const cookie = (await sessionCookie(context, demo.server.url))!;
    // signed out elsewhere (another tab, a script with the same cookie)
    const out = await fetch(`${demo.server.url}/api/v1/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: `thidua_session=${cookie.value}`, origin: demo.server.url },
    });
    expect(out.status).toBe(200);
    await page.click('nav a:has-text("Hình thức")');
    await page.locator('[data-testid=sign-in]').waitFor();
    expect(await page.textContent('[data-testid=sign-in] [role=status]')).toContain('Phiên đăng nhập đã kết thúc');
    await context.close();
  });

  it('a bad or altered link is refused with a reason, and signs nobody in', async () => {
    const { context, page } = await freshPage();
    // one character of the signature changed (not the last: its low bits are padding)
    const link = demo.server.signInLink;
    const altered = `${link.slice(0, -10)}${link.at(-10) === 'x' ? 'y' : 'x'}${link.slice(-9)}`;
    // a person lands on the sign-in screen, told why and what to do, in their language
    await page.goto(altered);
    await page.locator('[data-testid=sign-in]').waitFor();
    expect(await page.textContent('[data-testid=sign-in] [role=alert]')).toBe(
      'Liên kết đăng nhập không hợp lệ hoặc đã hết hạn. Hãy đề nghị quản trị viên cấp một liên kết mới.',
    );
    expect(new URL(page.url()).search).toBe('');
    expect(await sessionCookie(context, demo.server.url)).toBeUndefined();
    await page.screenshot({ path: `${SHOTS}/lien-ket-hong-vi-1280x800.png` });
    await page.goto(`${demo.server.url}/?lang=en&sign_in=link-invalid`);
    expect(await page.locator('[data-testid=sign-in] [role=alert]').textContent()).toContain(
      'The sign-in link is not valid or has expired',
    );
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    // a script gets the reason as JSON
    const res = await fetch(altered, { redirect: 'manual' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: 'This sign-in link is not valid or has expired: ask an administrator for a new one',
      error_vi: 'Liên kết đăng nhập không hợp lệ hoặc đã hết hạn: hãy nhờ quản trị viên gửi liên kết mới',
    });
    await context.close();
  });
});
