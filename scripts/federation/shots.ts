// Screenshots of the national dashboard and its Đối chiếu page, Vietnamese and English, on a
// laptop and a phone, in Debian's Chromium (playwright-core; never a downloaded browser).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { signInLink } from '../lib/signInLink.ts';
import { type Instance, url } from './instances.ts';

const PAGES = [
  { name: 'tong-quan', path: '/', ready: 'canvas' },
  { name: 'doi-chieu', path: '/doi-chieu', ready: 'table' },
];

export async function screenshots(national: Instance, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const executablePath =
    process.env.CHROMIUM_PATH ?? execFileSync('sh', ['-c', 'command -v chromium']).toString().trim();
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const files: string[] = [];
  try {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({
        viewport: { width, height: width > 600 ? 900 : 844 },
        reducedMotion: 'reduce', // charts drawn at once, not caught mid-animation
      });
      const page = await context.newPage();
      await page.goto(await signInLink(url(national), national.secrets.signIn));
      await page.waitForLoadState('networkidle');
      for (const lang of ['vi', 'en'])
        for (const p of PAGES) {
          await page.goto(`${url(national)}${p.path}${lang === 'en' ? '?lang=en' : ''}`);
          await page.waitForSelector(p.ready, { timeout: 60_000 });
          await page.waitForLoadState('networkidle');
          const file = path.join(dir, `national-${p.name}-${lang}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          files.push(file);
        }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return files;
}
