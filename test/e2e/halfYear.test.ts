import { describe, expect, it } from 'vitest';
import { formatChange } from '../../dashboard/src/lib/format';
import { AWARD_TIERS } from '../../worker/domain/enums';
import { apiJson, cardTable, demoSession, openPage, PHONE, SHOTS, DESKTOP } from './pages';

// The half-year / year-to-date card of Tổng quan: its table is the API's `months` answer for this
// year and the same months of last year, and it says how many awards have no decision date.
const demo = demoSession();

type Answer = {
  rows: { year: number; tier: string; count: number }[];
  undated: { year: number; count: number }[];
  latest_decision: string | null;
};

const fmt = (lang: 'vi' | 'en', n: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);

async function expected(q: string, year: number, months: string) {
  const a = await apiJson<Answer>(
    demo.server,
    `/api/v1/awards/summary?group_by=year,tier&months=${months}&from=${year - 1}&to=${year}&${q}`,
  );
  const sum = (y: number, tier?: string) =>
    a.rows.filter((r) => r.year === y && (!tier || r.tier === tier)).reduce((s, r) => s + r.count, 0);
  const tiers = AWARD_TIERS.filter((x) => sum(year, x) || sum(year - 1, x));
  return { a, sum, tiers };
}

describe('Tổng quan: the first half and the year to date against the same months of last year', () => {
  it.each([
    ['Thái Bình 2024', 'unit=TB', 2024, ''],
    ['the new Hưng Yên 2025 (joined with its predecessors)', 'unit=HY-2025', 2025, '&as_of=2025-07-01'],
  ])('%s: the table equals the API, the undated awards are said', async (name, q, year, asOf) => {
    const { a, sum, tiers } = await expected(`${q}${asOf}`, year, '1-6');
    expect(sum(year)).toBeGreaterThan(0);
    expect(sum(year - 1)).toBeGreaterThan(0);
    for (const viewport of [DESKTOP, PHONE]) {
      for (const lang of ['vi', 'en'] as const) {
        const url = `${demo.server.url}/?${q}&to=${year}${lang === 'en' ? '&lang=en' : ''}`;
        const { page, errors } = await openPage(demo, url, viewport);
        const count = (n: number) => (Number.isInteger(n) ? fmt(lang, n) : expect.stringMatching(/^≈/));
        const table = await cardTable(page, 'half-year');
        expect(table).toEqual(
          [...tiers, undefined].map((x) => [
            expect.any(String),
            count(sum(year - 1, x)),
            count(sum(year, x)),
            formatChange(sum(year, x), sum(year - 1, x), lang) ?? '–',
          ]),
        );
        const title = await page.textContent('[data-card="half-year"] h2');
        expect(title).toBe(
          lang === 'vi'
            ? `6 tháng đầu năm ${year} so với cùng kỳ năm trước`
            : `First half of ${year} against the same months of last year`,
        );
        const undated = (y: number) => a.undated.find((u) => u.year === y)?.count ?? 0;
        expect(undated(year)).toBeGreaterThan(0);
        const note = await page.textContent('[data-card="half-year"] [data-undated]');
        expect(note).toContain(
          lang === 'vi'
            ? `Chưa tính ${fmt(lang, undated(year))} khen thưởng năm ${year} và ${fmt(lang, undated(year - 1))} ` +
                `khen thưởng năm ${year - 1} chưa ghi ngày quyết định`
            : `Not counted: ${fmt(lang, undated(year))} awards of ${year} and ${fmt(lang, undated(year - 1))} of`,
        );
        const w = viewport.width;
        await page
          .locator('[data-card="half-year"]')
          .screenshot({ path: `${SHOTS}/half-year-${year}-${lang}-${w}.png` });
        expect(errors, name).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('the year to date runs to the month of the latest decision, in both years, kept in the URL', async () => {
    const q = 'unit=TB';
    const reach = await apiJson<Answer>(demo.server, `/api/v1/awards/summary?months=1-12&from=2024&to=2024&${q}`);
    expect(reach.latest_decision).toMatch(/^2024-\d\d$/);
    const month = Number(reach.latest_decision!.slice(5));
    const { sum, tiers } = await expected(q, 2024, `1-${month}`);
    const { page, errors } = await openPage(demo, `${demo.server.url}/?${q}&to=2024`);
    await page.click('[data-card="half-year"] button:has-text("Từ đầu năm đến nay")');
    // the machine is shared: give the two requests of the card time, the answer is still exact
    await expect.poll(() => new URL(page.url()).searchParams.get('period'), { timeout: 15_000 }).toBe('ytd');
    await expect
      .poll(() => cardTable(page, 'half-year'), { timeout: 15_000 })
      .toEqual(
        [...tiers, undefined].map((x) => [
          expect.any(String),
          fmt('vi', sum(2023, x)),
          fmt('vi', sum(2024, x)),
          formatChange(sum(2024, x), sum(2023, x), 'vi') ?? '–',
        ]),
      );
    expect(await page.textContent('[data-card="half-year"] [data-reach]')).toContain(
      `tháng ${String(month).padStart(2, '0')}/2024`,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says which filters it cannot apply instead of counting them silently', async () => {
    const { page, errors } = await openPage(demo, `${demo.server.url}/?unit=TB&to=2024&gender=F`);
    expect(await page.textContent('[data-card="half-year"] [data-ignored]')).toContain('Giới tính');
    const { sum } = await expected('unit=TB', 2024, '1-6');
    const table = await cardTable(page, 'half-year');
    expect(table.at(-1)?.[2]).toBe(fmt('vi', sum(2024)));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the third boundary mode: follow a former district across its end', () => {
  it('Huyện Thái Thụy runs on after 30/06/2025 with the awards of the communes that took its area', async () => {
    type Years = { rows: { year: number; count: number }[] };
    const recorded = await apiJson<Years>(demo.server, '/api/v1/awards/summary?group_by=year&unit=TB-TT');
    const followed = await apiJson<Years>(
      demo.server,
      '/api/v1/awards/summary?group_by=year&unit=TB-TT&as_of=2025-06-30',
    );
    const by = (a: Years, y: number) => a.rows.find((r) => r.year === y)?.count ?? 0;
    // as recorded the district stops in mid-2025; followed, its 2025 is a whole year again
    expect(by(followed, 2025)).toBeGreaterThan(by(recorded, 2025) * 5);
    expect(by(followed, 2024)).toBe(by(recorded, 2024));
    for (const lang of ['vi', 'en'] as const) {
      for (const viewport of [DESKTOP, PHONE]) {
        const url = `${demo.server.url}/?unit=TB-TT${lang === 'en' ? '&lang=en' : ''}`;
        const { page, errors } = await openPage(demo, url, viewport);
        if (viewport === PHONE) await page.click('button.drawer-toggle');
        await page.getByLabel(lang === 'vi' ? 'Theo dõi địa bàn cũ' : 'Follow the former area').check();
        await expect.poll(() => new URL(page.url()).searchParams.get('bounds'), { timeout: 15_000 }).toBe('former');
        await expect
          .poll(() => page.textContent('[data-kpi="kpiTotal"] .value'), { timeout: 15_000 })
          .toBe(new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(by(followed, 2025)));
        const note = await page.textContent('[data-follow]');
        expect(note).toContain(lang === 'vi' ? 'kết thúc ngày 30/06/2025' : 'ended on 30/06/2025');
        await page.screenshot({ path: `${SHOTS}/follow-tb-tt-${lang}-${viewport.width}.png` });
        expect(errors).toEqual([]);
        await page.context().close();
      }
    }
  });
});
