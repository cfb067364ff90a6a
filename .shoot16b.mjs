import { chromium } from 'playwright-core';
const [link, outDir, ...specs] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx0 = await browser.newContext();
const p0 = await ctx0.newPage();
await p0.goto(link);
await p0.waitForSelector('[data-testid=account-email]');
const state = await ctx0.storageState();
await ctx0.close();
for (const spec of specs) {
  const [name, path, width, selector] = spec.split('|');
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, storageState: state, reducedMotion: 'reduce' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(path, link).href);
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => document.querySelector('.page') && !document.querySelector('[aria-busy="true"], [role="status"]:not(.sr-only)'), null, { timeout: 30000 });
  await page.waitForTimeout(500);
  if (selector) {
    const el = page.locator(selector).first();
    await el.evaluate((d) => d.querySelectorAll('details').forEach((x) => (x.open = true)));
    await el.screenshot({ path: `${outDir}/${name}.png` });
  } else await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
  if (errors.length) console.log(name, 'ERRORS', errors);
  await page.close();
}
await browser.close();
