import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiJson,
  cardTable,
  demoSession,
  DESKTOP,
  horizontalOverflow,
  openPage,
  PHONE,
  seriousA11yViolations,
  SHOTS,
  viCount,
} from './pages';
import type { Server } from './server';
import { sessionCookie } from './signIn';

// The Quản trị page, driven as an admin would (signed in with the link `npm start` printed), and
// what its changes do to other people: a unit-scoped viewer made here signs in with a link made
// here and sees only their unit; an API token made here works until it is revoked here; every
// change is in the audit log.
const demo = demoSession();

type Unit = { code: string; name: string; kind: string; parent_code: string | null };
type Summary = { rows: Record<string, unknown>[]; total: number };
type User = {
  id: number;
  email: string;
  role: string;
  scope: { unit: string } | { cluster: string } | null;
  disabled_at: string | null;
};

const api = <T>(path: string) => apiJson<T>(demo.server, path);

async function openAdmin(viewport = DESKTOP, colorScheme: 'light' | 'dark' = 'light') {
  const opened = await openPage(demo, `${demo.server.url}/quan-tri`, viewport, colorScheme);
  await opened.page.waitForSelector('[data-testid=users], [data-card=users] .help');
  await opened.page.waitForSelector('[data-card=audit] table, [data-card=audit] .help');
  return opened;
}

/** A user made through the API (the page's own form is tested once, below). */
async function apiUser(server: Server, body: Record<string, unknown>): Promise<User> {
  const res = await server.api('/api/v1/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as User;
}

/** Opens a sign-in link in a fresh context, as the person it was sent to would. */
async function openLink(
  browser: Browser,
  link: string,
  viewport = DESKTOP,
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(link);
  expect(page.url()).toBe(`${new URL(link).origin}/`);
  await page.waitForSelector('[data-testid=account-email]');
  expect(await sessionCookie(context, new URL(link).origin)).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
  });
  return { page, errors, close: () => context.close() };
}

/** The sign-in link the page makes for a user: the row's button, the dialog, the link to copy. */
async function makeLinkInPage(page: Page, email: string): Promise<string> {
  await page.locator(`[data-testid=users] tr[data-user="${email}"] button[data-action=link]`).click();
  const dialog = page.locator('[data-testid=sign-in-link-dialog]');
  await dialog.locator('[data-testid=make-link]').click();
  const link = await dialog.locator('[data-testid=sign-in-link]').inputValue({ timeout: 10_000 });
  expect(link).toMatch(new RegExp(`^${demo.server.url}/api/v1/auth/sign-in\\?ticket=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
  expect(await dialog.textContent()).toContain(
    `Người mở liên kết này đầu tiên sẽ đăng nhập với tư cách ${email} (liên kết dùng được một lần`,
  );
  return link;
}

const closeDialog = (page: Page) => page.locator('dialog[open] button:has-text("Đóng")').click();

describe('Quản trị: users', () => {
  it(
    'adds a viewer scoped to a district; with the link made for them they ' +
      'see only that district, no downloads, no Dữ liệu or Quản trị',
    async () => {
      const meta = await api<{ units: Unit[] }>('/api/v1/meta');
      const district = meta.units.find((u) => u.parent_code === 'TB' && u.kind === 'district')!;
      expect(district).toBeDefined();
      const email = 'xem.huyen@example.vn';

      const { page, errors } = await openAdmin();
      const form = page.locator('[data-testid=add-user]');
      await form.locator('[data-testid=user-email]').fill(email);
      await form.locator('[data-testid=user-name]').fill('Người xem cấp huyện');
      await form.locator('[data-testid=user-role]').selectOption('viewer');
      await form.locator('label:has-text("Một đơn vị")').click();
      await form.locator('[data-testid=scope-unit]').selectOption(district.code);
      await form.locator('button[type=submit]').click();
      await form.locator(`text=Đã thêm ${email}.`).waitFor();
      const row = page.locator(`[data-testid=users] tr[data-user="${email}"]`);
      await row.waitFor();
      const cells = await row.locator('th, td').allTextContents();
      expect(cells.slice(0, 5)).toEqual([
        email,
        'Người xem cấp huyện',
        'Người xem',
        `Đơn vị: ${district.name} (đến 30/06/2025)`,
        'Đang hoạt động',
      ]);
      expect(cells[5]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
      const made = (await api<{ users: User[] }>('/api/v1/users')).users.find((u) => u.email === email)!;
      expect(made).toMatchObject({ role: 'viewer', scope: { unit: district.code }, disabled_at: null });

      const link = await makeLinkInPage(page, email);
      await page.screenshot({ path: `${SHOTS}/quan-tri-lien-ket-vi-1280x800.png` });
      await closeDialog(page);
      expect(errors).toEqual([]);
      await page.close();

      const viewer = await openLink(demo.browser, link);
      const v = viewer.page;
      expect(await v.textContent('[data-testid=account-email]')).toBe(email);
      expect(await v.textContent('[data-testid=account-role]')).toBe('Người xem');
      // the unit's name comes with the catalog, which may arrive after the account line
      await expect
        .poll(() => v.textContent('[data-testid=account-scope]'))
        .toBe(`Đơn vị: ${district.name} (đến 30/06/2025)`);
      expect(await v.locator('nav[aria-label="Các trang"] a').allTextContents()).toEqual([
        'Tổng quan',
        'Địa bàn',
        'Cụm, khối thi đua',
        'Phong trào',
        'Hình thức',
      ]);

      // the KPI is the district's own figure, which is not the whole demo's
      const mine = await api<Summary>(`/api/v1/awards/summary?unit=${district.code}&group_by=year`);
      const all = await api<Summary>('/api/v1/awards/summary?group_by=year');
      const last = mine.rows.at(-1)! as { year: number; count: number };
      expect(last.count).not.toBe((all.rows.find((r) => r.year === last.year) as { count: number }).count);
      await expect.poll(() => v.textContent('[data-kpi="kpiTotal"] .value')).toBe(viCount(last.count));
      await v.waitForSelector('[data-card=trend] canvas');
      // a viewer keeps the picture (made in the browser) but not the files or embeds
      expect(await v.locator('a[data-format=csv], a[data-format=xlsx]').count()).toBe(0);
      expect(await v.locator('[data-card=trend] [data-format=png]').count()).toBe(1);
      expect(await v.locator('[data-testid=embed-open]').count()).toBe(0);
      // the units above the district are there for context but cannot be chosen
      expect(await v.locator('.unit select option[value="TB"]').getAttribute('disabled')).not.toBeNull();
      expect(await v.locator('.unit select option').first().textContent()).toBe('Toàn bộ phạm vi của bạn');
      await v.screenshot({ path: `${SHOTS}/nguoi-xem-tong-quan-vi-1280x800.png`, fullPage: true });

      // Địa bàn starts at the district: its table is the district's rows from the API
      await v.click('nav a:has-text("Địa bàn")');
      const byUnit = await api<Summary>(`/api/v1/awards/summary?unit=${district.code}&group_by=unit`);
      await expect
        .poll(async () => (await cardTable(v, 'area-units')).map((r) => r[1]))
        .toEqual(
          (byUnit.rows as { unit: string; count: number }[])
            .filter((r) => r.unit !== district.code)
            .sort((a, b) => b.count - a.count)
            .map((r) => viCount(r.count)),
        );
      expect(await v.textContent('[data-card=area-units] h2')).toBe(
        `Khen thưởng trong ${district.name} (đến 30/06/2025)`,
      );
      expect(await v.locator('nav[aria-label="Vị trí trong cây địa bàn"] li').allTextContents()).toEqual([
        `${district.name} (đến 30/06/2025)`,
      ]);

      // pages above the role say so instead of loading
      for (const path of ['/du-lieu', '/quan-tri']) {
        await v.goto(`${demo.server.url}${path}`);
        await v.locator('[data-testid=page-denied]').waitFor();
        expect(await v.textContent('[data-testid=page-denied]')).toContain('vai trò của bạn là Người xem');
        expect(await v.locator('.card').count()).toBe(0);
      }

      // an area outside the scope (here by a hand-made URL): each card says why, the page stands
      await v.goto(`${demo.server.url}/?unit=TB`);
      await v.waitForSelector('[data-card=trend] [role=alert]');
      expect(await v.textContent('[data-card=trend] [role=alert]')).toContain(
        `Không tải được số liệu: bạn không có quyền xem số liệu này (unit: ` +
          `unit 'TB' is outside your scope (unit ${district.code}))`,
      );
      expect(await v.textContent('main h1')).toBe('Tổng quan');

      // and the API answers this browser as the viewer
      const asViewer = (path: string) => v.evaluate(async (p) => (await fetch(p)).status, path);
      expect(await asViewer(`/api/v1/awards/summary?group_by=year&format=csv`)).toBe(403);
      expect(await asViewer('/api/v1/users')).toBe(403);
      expect(await asViewer(`/api/v1/awards/summary?group_by=year&unit=${district.code}`)).toBe(200);
      expect(viewer.errors).toEqual([]);
      await viewer.close();
    },
  );

  it("changes a role and disables a user behind a confirmation; the user's open dashboard follows", async () => {
    const email = 'bien.tap@example.vn';
    await apiUser(demo.server, { email, role: 'viewer' });
    const { page, errors } = await openAdmin();
    const row = page.locator(`[data-testid=users] tr[data-user="${email}"]`);
    const link = await makeLinkInPage(page, email);
    await closeDialog(page);
    const other = await openLink(demo.browser, link);
    expect(await other.page.locator('a[data-format=csv]').count()).toBe(0);

    // Sửa: viewer to analyst, scoped to a cluster
    await row.locator('button:has-text("Sửa")').click();
    const edit = page.locator('[data-testid=edit-user]');
    await edit.locator('[data-testid=edit-role]').selectOption('analyst');
    await edit.locator('label:has-text("Một cụm, khối thi đua")').click();
    await edit.locator('[data-testid=scope-cluster]').selectOption('TB-CUM1');
    await edit.locator('button[type=submit]').click();
    await page.locator(`text=Đã lưu thay đổi của ${email}.`).waitFor();
    await expect.poll(() => row.locator('td').nth(1).textContent()).toBe('Phân tích viên');
    const changed = (await api<{ users: User[] }>('/api/v1/users')).users.find((u) => u.email === email)!;
    expect(changed).toMatchObject({ role: 'analyst', scope: { cluster: 'TB-CUM1' } });
    // the same session, the new role: downloads appear after a reload
    await other.page.reload();
    await other.page.waitForSelector('[data-card=trend] a[data-format=csv]');
    expect(await other.page.textContent('[data-testid=account-role]')).toBe('Phân tích viên');

    // Vô hiệu hóa: Cancel changes nothing; confirming ends the user's session at once
    await row.locator('button[data-action=toggle]').click();
    const confirm = page.locator('[data-testid=confirm][open]');
    expect(await confirm.textContent()).toContain(
      `Vô hiệu hóa ${email}? Các phiên đăng nhập của người này kết thúc ngay`,
    );
    await page.screenshot({ path: `${SHOTS}/quan-tri-xac-nhan-vi-1280x800.png` });
    await confirm.locator('button:has-text("Huỷ")').click();
    expect(await row.getAttribute('data-status')).toBe('active');
    await row.locator('button[data-action=toggle]').click();
    await confirm.locator('[data-testid=confirm-yes]').click();
    await page.locator(`text=Đã vô hiệu hóa ${email}.`).waitFor();
    await expect.poll(() => row.getAttribute('data-status')).toBe('disabled');
    expect(await row.locator('button[data-action=link]').count()).toBe(0);
    await other.page.click('nav a:has-text("Hình thức")');
    await other.page.locator('[data-testid=sign-in]').waitFor();

    // Kích hoạt lại: active again (the old session stays ended)
    await row.locator('button[data-action=toggle]').click();
    expect(await confirm.textContent()).toContain(`Kích hoạt lại ${email}?`);
    await confirm.locator('[data-testid=confirm-yes]').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('active');
    expect(errors).toEqual([]);
    await other.close();
    await page.close();
  });

  it('says what the API refused: an existing email', async () => {
    await apiUser(demo.server, { email: 'trung.lap@example.vn', role: 'viewer' });
    const { page } = await openAdmin();
    const form = page.locator('[data-testid=add-user]');
    await form.locator('[data-testid=user-email]').fill('TRUNG.LAP@example.vn');
    await form.locator('button[type=submit]').click();
    await expect
      .poll(() => form.locator('[role=alert]').textContent())
      .toBe('Không thực hiện được: A user with email trung.lap@example.vn exists');
    await page.close();
  });
});

describe('Quản trị: API tokens and the audit log', () => {
  it('creates a token shown once, which works until it is revoked in the page; the log records it all', async () => {
    const owner = await apiUser(demo.server, { email: 'may.bao.cao@example.vn', name: 'Máy báo cáo', role: 'analyst' });
    const { page, errors } = await openAdmin();
    const form = page.locator('[data-testid=create-token]');
    await form.locator('[data-testid=token-user]').selectOption(String(owner.id));
    await form.locator('[data-testid=token-label]').fill('Báo cáo tự động');
    await form.locator('[data-testid=token-days]').fill('30');
    await form.locator('button[type=submit]').click();
    const once = page.locator('[data-testid=new-token]');
    const token = await once.locator('[data-testid=new-token-value]').inputValue({ timeout: 10_000 });
    expect(token).toMatch(/^thd_[\w-]{40,}$/);
    expect(await once.textContent()).toContain('Mã API mới cho may.bao.cao@example.vn');
    expect(await once.textContent()).toContain('Hãy sao chép và cất giữ mã này ngay: nó sẽ không được hiển thị lại.');
    await page.screenshot({ path: `${SHOTS}/quan-tri-ma-api-vi-1280x800.png`, fullPage: true });

    const row = page.locator('[data-testid=tokens] tr[data-label="Báo cáo tự động"]');
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('active');
    expect(await row.locator('td').first().textContent()).toBe('may.bao.cao@example.vn');
    expect(await row.textContent()).toContain('Chưa dùng');

    // the token is the owner's credential, with the owner's role
    const bearer = (path: string) =>
      fetch(`${demo.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const me = await bearer('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'may.bao.cao@example.vn', role: 'analyst', via: 'api_token' });
    expect((await bearer('/api/v1/awards/summary?group_by=year&format=csv')).status).toBe(200);
    expect((await bearer('/api/v1/users')).status).toBe(403);

    // shown once: after it is put away and the page reloaded, it is nowhere on the page
    await once.locator('button:has-text("Đã cất giữ, ẩn mã")').click();
    expect(await once.count()).toBe(0);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(token);
    await expect.poll(async () => (await row.textContent())?.includes('Chưa dùng')).toBe(false);

    // Thu hồi, confirmed: refused from the next request on
    await row.locator('button:has-text("Thu hồi")').click();
    const confirm = page.locator('[data-testid=confirm][open]');
    expect(await confirm.textContent()).toContain('Thu hồi mã “Báo cáo tự động” của may.bao.cao@example.vn?');
    await confirm.locator('[data-testid=confirm-yes]').click();
    await page.locator('text=Đã thu hồi mã “Báo cáo tự động”.').waitFor();
    await expect.poll(() => row.getAttribute('data-status')).toBe('revoked');
    expect(await row.locator('td.status-revoked').textContent()).toBe('Đã thu hồi');
    const refused = await bearer('/api/v1/auth/me');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'This token was revoked', error_vi: 'Mã này đã bị thu hồi' });

    // the audit log, newest first, in Vietnamese
    const audit = page.locator('[data-testid=audit]');
    await expect.poll(() => audit.locator('tbody tr').first().getAttribute('data-action')).toBe('token_revoke');
    const entries = await audit.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        action: tr.getAttribute('data-action'),
        cells: [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()),
      })),
    );
    const find = (action: string, target: RegExp) =>
      entries.find((e) => e.action === action && target.test(e.cells[3]));
    const tokenId = (await row.getAttribute('data-token'))!.slice(0, 8);
    expect(
      find('token_revoke', new RegExp(`^may\\.bao\\.cao@example\\.vn \\(token ${tokenId}\\)$`))?.cells.slice(1, 3),
    ).toEqual(['ADMIN_TOKEN', 'Thu hồi mã API']);
    expect(find('token_create', new RegExp(`^may\\.bao\\.cao@example\\.vn \\(token ${tokenId}\\)$`))?.cells[4]).toMatch(
      /^tên mã: Báo cáo tự động; hết hạn: \d\d\/\d\d\/\d{4} \d\d:\d\d$/,
    );
    expect(find('user_create', /^may\.bao\.cao@example\.vn$/)?.cells.slice(1, 5)).toEqual([
      'ADMIN_TOKEN',
      'Thêm người dùng',
      'may.bao.cao@example.vn',
      'vai trò: Phân tích viên; phạm vi: Toàn bộ',
    ]);
    // the users made on the page by the tests above
    expect(find('user_create', /^xem\.huyen@example\.vn$/)?.cells[4]).toMatch(
      /^vai trò: Người xem; phạm vi: Đơn vị: .+ \(đến 30\/06\/2025\)$/,
    );
    expect(find('user_disable', /^bien\.tap@example\.vn$/)?.cells[2]).toBe('Vô hiệu hóa người dùng');
    expect(find('sign_in_link', /^xem\.huyen@example\.vn$/)?.cells[2]).toBe('Tạo liên kết đăng nhập');
    for (const e of entries) expect(e.cells[0]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);

    // one action only
    await page.selectOption('[data-testid=audit-action]', 'token_create');
    await expect
      .poll(async () => [
        ...new Set(
          await audit.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action'))),
        ),
      ])
      .toEqual(['token_create']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pages through a long log with "Xem thêm"', async () => {
    const user = await apiUser(demo.server, { email: 'nhieu.lien.ket@example.vn', role: 'viewer' });
    for (let i = 0; i < 120; i++) {
      const res = await demo.server.api('/api/v1/auth/sign-in-links', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: user.id, lifetime_hours: 1 }),
      });
      expect(res.status).toBe(201);
    }
    const everything = (await api<{ entries: { id: number }[] }>('/api/v1/audit?limit=500')).entries;
    expect(everything.length).toBeGreaterThan(100);
    const { page, errors } = await openAdmin();
    const rows = page.locator('[data-testid=audit] tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    await page.click('[data-testid=audit-more]');
    await expect.poll(() => rows.count()).toBe(100);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-id'))))).toEqual(
      everything.slice(0, 100).map((e) => e.id),
    );
    while (await page.locator('[data-testid=audit-more]').count()) {
      await page.click('[data-testid=audit-more]');
      await page.waitForFunction(() => !document.querySelector('[data-testid=audit-more][disabled]'));
    }
    await expect.poll(() => rows.count()).toBe(everything.length);
    expect(await page.textContent('[data-card=audit]')).toContain('Đã hiển thị toàn bộ nhật ký.');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Quản trị: layout', () => {
  it(
    'is photographed at 1280x800 and 390x844, light and dark, in both ' +
      'languages, without overflow or axe violations',
    async () => {
      // something in every table, whatever ran before
      const user = await apiUser(demo.server, {
        email: 'nguyen.thi.bo.cuc@so-noi-vu.thaibinh.gov.vn',
        name: 'Nguyễn Thị Bố Cục',
        role: 'editor',
        scope_cluster: 'TB-CUM1',
      });
      const token = await demo.server.api('/api/v1/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: user.id, label: 'Đồng bộ hằng đêm' }),
      });
      expect(token.status).toBe(201);
      for (const [viewport, scheme, lang] of [
        [DESKTOP, 'light', 'vi'],
        [PHONE, 'light', 'vi'],
        [DESKTOP, 'dark', 'vi'],
        [PHONE, 'dark', 'vi'],
        [DESKTOP, 'light', 'en'],
        [PHONE, 'light', 'en'],
      ] as const) {
        const opened = await openPage(
          demo,
          `${demo.server.url}/quan-tri${lang === 'en' ? '?lang=en' : ''}`,
          viewport,
          scheme,
        );
        const { page, errors } = opened;
        await page.waitForSelector('[data-testid=users]');
        await page.waitForSelector('[data-testid=tokens]');
        await page.waitForSelector('[data-testid=audit]');
        expect(await page.textContent('main h1')).toBe(lang === 'en' ? 'Administration' : 'Quản trị');
        expect(await horizontalOverflow(page), `${viewport.width} ${scheme} ${lang}`).toBeLessThanOrEqual(0);
        const name = `quan-tri-${lang}-${viewport.width}x${viewport.height}${scheme === 'dark' ? '-dark' : ''}`;
        await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
        expect(await seriousA11yViolations(page), name).toEqual([]);
        // a dialog open, on top of the page: also accessible and inside the window
        await page.locator('[data-testid=users] tbody tr').first().locator('button').first().click();
        const dialog = page.locator('[data-testid=edit-user]');
        await dialog.waitFor();
        const box = (await dialog.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: `${SHOTS}/${name}-sua.png` });
        expect(await seriousA11yViolations(page), `${name} dialog`).toEqual([]);
        await dialog.locator(`button:has-text("${lang === 'en' ? 'Cancel' : 'Huỷ'}")`).click();
        expect(errors).toEqual([]);
        await page.close();
      }
    },
  );
});
