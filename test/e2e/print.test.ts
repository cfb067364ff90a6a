import { describe, expect, it } from 'vitest';
import { demoSession, PAGES, settled, signedInPage, SHOTS } from './pages';

// Print / PDF of every page on A4, portrait and landscape (Chromium's own PDF printer).
const session = demoSession();

/** The MediaBox of every page of a PDF, in points. */
function pageSizes(pdf: Buffer): [number, number][] {
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  return boxes.map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

describe('printing to PDF', () => {
  for (const p of PAGES) {
    it(`prints ${p.vi} on A4 portrait and landscape`, async () => {
      const page = await signedInPage(session, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
      await page.goto(`${session.server.url}${p.path}`);
      await settled(page);
      await page.emulateMedia({ media: 'print' });
      for (const landscape of [false, true]) {
        const pdf = await page.pdf({
          format: 'A4',
          landscape,
          printBackground: true,
          path: `${SHOTS}/${p.slug}-${landscape ? 'landscape' : 'portrait'}.pdf`,
        });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const sizes = pageSizes(pdf);
        expect(sizes.length).toBeGreaterThan(0);
        // A4 is 595 x 842 points (Chromium rounds 210 x 297 mm to 8.27 x 11.7 inches)
        const [w, h] = landscape ? [842, 595] : [595, 842];
        for (const [pw, ph] of sizes) {
          expect(Math.abs(pw - w), `${pw} x ${ph}`).toBeLessThanOrEqual(2);
          expect(Math.abs(ph - h), `${pw} x ${ph}`).toBeLessThanOrEqual(2);
        }
      }
      // print hides navigation, filters and buttons, and opens the tables
      expect(await page.locator('.filterbar').isVisible()).toBe(false);
      await page.close();
    });
  }
});
