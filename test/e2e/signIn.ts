import type { Browser, BrowserContext } from 'playwright-core';
import { expect } from 'vitest';

export type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>;

/** The session cookie the sign-in link sets, as the browser keeps it. */
export async function sessionCookie(context: BrowserContext, origin: string) {
  return (await context.cookies(origin)).find((c) => c.name === 'thidua_session');
}

/**
 * Opens a sign-in link in a fresh browser context, as a user clicks it: the API answers 303 to
 * the dashboard with an HttpOnly, Secure, SameSite=Strict cookie (kept by Chromium on
 * http://127.0.0.1, a secure context), and the dashboard shows who is signed in. Answers the
 * context's state for signed-in pages.
 */
export async function signIn(browser: Browser, link: string): Promise<SignedIn> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const origin = new URL(link).origin;
    await page.goto(link);
    expect(page.url()).toBe(`${origin}/`);
    await page.waitForSelector('[data-testid=account-email]');
    expect(await sessionCookie(context, origin)).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
    });
    return await context.storageState();
  } finally {
    await context.close();
  }
}
