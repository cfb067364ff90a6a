import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type Server } from './server';
import { signIn, type SignedIn } from './signIn';

// Shared helpers for the dashboard's page tests: open a page the way a user would (signed in
// with the link `npm start` printed), wait until every card has settled, run axe-core, compare
// tables with the API.

export const SHOTS = 'test-results/screenshots';

export const PAGES = [
  { path: '/', slug: 'tong-quan', vi: 'Tổng quan', en: 'Overview' },
  { path: '/dia-ban', slug: 'dia-ban', vi: 'Địa bàn', en: 'Areas' },
  { path: '/cum-khoi', slug: 'cum-khoi', vi: 'Cụm, khối thi đua', en: 'Clusters & blocks' },
  { path: '/phong-trao', slug: 'phong-trao', vi: 'Phong trào', en: 'Movements' },
  { path: '/hinh-thuc', slug: 'hinh-thuc', vi: 'Hình thức', en: 'Award types' },
] as const;

export interface Session {
  server: Server;
  browser: Browser;
  /** The browser state after opening a sign-in link of the server: the bootstrap admin's session cookie. */
  signedIn: SignedIn;
}

/**
 * `npm start` on the demo and one Chromium, started once for a test file and stopped after it;
 * a sign-in link is opened once and its session reused by every page.
 */
export function demoSession(env: Record<string, string> = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session.server = await startServer(env);
    session.browser = await launchBrowser();
    // a link opens one session: the printed one stays for the tests of that link
    session.signedIn = await signIn(session.browser, await session.server.newSignInLink());
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Opened {
  page: Page;
  errors: string[];
}

/** A new page (in its own context) with the session's sign-in: closing the page ends the context. */
export function signedInPage(
  s: Pick<Session, 'browser' | 'signedIn'>,
  options: BrowserContextOptions = {},
): Promise<Page> {
  return s.browser.newPage({ ...options, storageState: s.signedIn });
}

export async function openPage(
  s: Pick<Session, 'browser' | 'signedIn'>,
  url: string,
  viewport = DESKTOP,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Opened> {
  // reduced motion: charts draw without animation, so screenshots show the final state
  const page = await signedInPage(s, { viewport, reducedMotion: 'reduce', colorScheme });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await settled(page);
  return { page, errors };
}

/** Every card has its answer: nothing loading, the page's chunk in. */
export async function settled(page: Page) {
  await page.waitForSelector('main h1');
  await page.waitForFunction(
    () =>
      document.querySelector('.page') && !document.querySelector('[aria-busy="true"], [role="status"]:not(.sr-only)'),
    null,
    {
      timeout: 30_000,
    },
  );
}

export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol, which the page's CSP does not govern: a <script>
  // tag with this inline source would be refused (script-src 'self'), and bypassCSP would hide
  // the dashboard's own violations
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** The rows of a card's "Xem dạng bảng" table: header cell then data cells, as displayed. */
export async function cardTable(page: Page, card: string): Promise<string[][]> {
  const details = page.locator(`[data-card="${card}"] details.as-table`);
  if (await details.count()) await details.first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
  return page.$$eval(`[data-card="${card}"] tbody tr`, (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())),
  );
}

/** An API answer as the bootstrap admin (Authorization: Bearer ADMIN_TOKEN). */
export async function apiJson<T>(server: Server, path: string): Promise<T> {
  const res = await server.api(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** A count as the dashboard writes it: whole, or rounded with "≈" where shares made it fractional. */
export const viCount = (n: number) => {
  if (Math.abs(n - Math.round(n)) < 1e-4) return new Intl.NumberFormat('vi-VN').format(Math.round(n));
  const digits = Math.abs(n) < 10 ? 1 : 0;
  const f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `≈${f.format(n)}`;
};

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
