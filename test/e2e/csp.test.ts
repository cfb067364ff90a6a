import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSession, DESKTOP, PAGES, settled, signedInPage } from './pages';

// The dashboard under its Content Security Policy (dist/dashboard/_headers, from
// worker/security/pageHeaders.ts): the headers are served with the shell, and no page, dialog
// or export does anything the policy refuses. Chromium reports each refusal twice: a console
// error ("Refused to … because it violates the following Content Security Policy directive")
// and a securitypolicyviolation event; both are collected.
const demo = demoSession();

interface Watched {
  page: Page;
  console: string[];
  violations: () => Promise<string[]>;
}

async function watch(page: Page): Promise<Watched> {
  const console: string[] = [];
  page.on('console', (m) => m.type() === 'error' && console.push(m.text()));
  page.on('pageerror', (e) => console.push(e.message));
  // added through the DevTools protocol, so the policy does not apply to this listener itself
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    page,
    console,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

const refused = (lines: string[]) => lines.filter((l) => /Content Security Policy/i.test(l));

describe('page security headers', () => {
  it.each(['/', '/quan-tri', '/du-lieu?lang=en'])(
    '%s is served with a CSP without inline scripts or eval, and no framing',
    async (path) => {
      const res = await fetch(`${demo.server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy')!;
      const directives = Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([k, ...v]) => [k, v]),
      );
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['connect-src']).toEqual(["'self'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(csp).not.toContain("'unsafe-eval'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    },
  );

  it('the scripts and styles of the shell come from this origin only', async () => {
    const html = await (await fetch(demo.server.url)).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith('/')).toBe(true);
      const res = await fetch(`${demo.server.url}${src}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('no CSP violations', () => {
  it('the collector does see a violation (an image from elsewhere)', async () => {
    const w = await watch(await signedInPage(demo, { viewport: DESKTOP }));
    await w.page.goto(`${demo.server.url}/`);
    await settled(w.page);
    await w.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://example.invalid/pixel.png';
      document.body.appendChild(img);
    });
    await expect.poll(w.violations).toEqual(['img-src https://example.invalid/pixel.png']);
    await expect.poll(() => refused(w.console).length).toBe(1);
    await w.page.close();
  });

  it('the sign-in screen', async () => {
    const context = await demo.browser.newContext({ viewport: DESKTOP });
    const w = await watch(await context.newPage());
    await w.page.goto(`${demo.server.url}/`);
    await w.page.locator('[data-testid=sign-in]').waitFor();
    expect(await w.violations()).toEqual([]);
    // the one console error is the browser logging the 401 of "who am I"
    expect(w.console).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    await context.close();
  });

  it.each([...PAGES.map((p) => p.path), '/du-lieu', '/quan-tri'])('%s, in both languages and themes', async (path) => {
    for (const [lang, colorScheme] of [
      ['vi', 'light'],
      ['en', 'dark'],
    ] as const) {
      const w = await watch(await signedInPage(demo, { viewport: DESKTOP, colorScheme, reducedMotion: 'reduce' }));
      await w.page.goto(`${demo.server.url}${path}${lang === 'en' ? '?lang=en' : ''}`);
      await settled(w.page);
      // every table open, every chart drawn
      await w.page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => {
          d.open = true;
        }),
      );
      await w.page.waitForTimeout(300);
      expect(await w.violations(), `${path} ${lang}`).toEqual([]);
      expect(w.console, `${path} ${lang}`).toEqual([]);
      await w.page.close();
    }
  });

  it('exports and dialogs: a PNG, the embed dialog with a snapshot, a sign-in link, the snapshot page', async () => {
    const w = await watch(
      await signedInPage(demo, { viewport: DESKTOP, reducedMotion: 'reduce', acceptDownloads: true }),
    );
    const page = w.page;
    await page.goto(`${demo.server.url}/?from=2020&to=2024`);
    await page.waitForSelector('[data-card=trend] [data-format=png]');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-card=trend] [data-format=png]')]);
    expect(png.suggestedFilename()).toBe('thidua-trend-2x.png');
    await page.click('[data-card=trend] [data-testid=embed-open]');
    // every chart card of the page has its own dialog: this card's
    await page.click('[data-card=trend] [data-testid=snapshot-publish]');
    const snapshot = (await page
      .locator('[data-card=trend] [data-testid=snapshot-url]')
      .textContent({ timeout: 10_000 }))!;
    await page.click('[data-card=trend] [data-testid=embed-dialog] button:has-text("Đóng")');
    await page.goto(`${demo.server.url}/quan-tri`);
    await page.waitForSelector('[data-testid=audit]');
    await page.locator('[data-card=users] input[type=email]').fill('csp@example.vn');
    await page.locator('[data-card=users] button[type=submit]').click();
    await page.locator('[data-testid=users] tr[data-user="csp@example.vn"] button[data-action=link]').click();
    await page.click('[data-testid=make-link]');
    await page.locator('[data-testid=sign-in-link]').waitFor();
    expect(await w.violations()).toEqual([]);
    expect(w.console).toEqual([]);

    const snap = await watch(await demo.browser.newPage({ viewport: DESKTOP, reducedMotion: 'reduce' }));
    await snap.page.goto(snapshot);
    await snap.page.locator('canvas').waitFor();
    const download = snap.page.waitForEvent('download');
    await snap.page.getByText('Tải ảnh PNG').click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    expect(await snap.violations()).toEqual([]);
    expect(snap.console).toEqual([]);
    await snap.page.close();
    await page.close();
  });
});
