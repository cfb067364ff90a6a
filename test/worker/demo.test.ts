import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/index';
import { load, resetDatabase, summary } from './helpers';

// The demo that `npm start` loads, checked against the domain brief and against the raw rows.
const demo = generateDemo();

beforeAll(async () => {
  await resetDatabase();
  await load(demo);
}, 120_000);

const raw = async <T>(sql: string) => (await env.DB.prepare(sql).all<T>()).results;

describe('demo dataset', () => {
  it('has Thái Bình with its 8 district-level units until 30 Jun 2025, inside the new Hưng Yên after', async () => {
    const districts = demo.units.filter((u) => u.parent_code === 'TB' && u.kind === 'district');
    expect(districts.map((d) => d.name).sort()).toEqual(
      [
        'Huyện Đông Hưng',
        'Huyện Hưng Hà',
        'Huyện Kiến Xương',
        'Huyện Quỳnh Phụ',
        'Huyện Thái Thụy',
        'Huyện Tiền Hải',
        'Huyện Vũ Thư',
        'Thành phố Thái Bình',
      ].sort(),
    );
    expect(districts.every((d) => d.valid_to === '2025-06-30')).toBe(true);
    expect(demo.unit_lineage).toContainEqual({
      from_code: 'TB',
      to_code: 'HY-2025',
      effective_date: '2025-07-01',
      share: 1,
    });
    expect(demo.unit_lineage).toContainEqual({
      from_code: 'HY',
      to_code: 'HY-2025',
      effective_date: '2025-07-01',
      share: 1,
    });
  });

  it('splits one commune 0.6 / 0.4 and gives every old unit shares that sum to 1', () => {
    const thuyLien = demo.unit_lineage
      .filter((l) => l.from_code === 'TB-TT-06')
      .map((l) => l.share)
      .sort();
    expect(thuyLien).toEqual([0.4, 0.6]);
    const sums = new Map<string, number>();
    for (const l of demo.unit_lineage) sums.set(l.from_code, (sums.get(l.from_code) ?? 0) + l.share);
    for (const [code, sum] of sums) expect([code, Math.round(sum * 1000) / 1000]).toEqual([code, 1]);
  });

  it(
    'ranks Thanh Hóa first (Government flag) and Nghệ An second (PM ' +
      'certificate) in the 2018 North-Central cluster',
    async () => {
      const rows = await raw<{ code: string; rank: number; proposed: string | null }>(
        `SELECT u.code, r.rank, r.proposed_award_code AS proposed FROM movement_results r
       JOIN clusters c ON c.id = r.cluster_id JOIN units u ON u.id = r.unit_id
       WHERE c.code = 'CUM-BTB' AND r.year = 2018 ORDER BY r.rank`,
      );
      expect(rows.slice(0, 2)).toEqual([
        { code: 'TH', rank: 1, proposed: 'CO_CP' },
        { code: 'NA', rank: 2, proposed: 'BK_TTG' },
      ]);
      expect(rows).toHaveLength(6);
    },
  );

  it('has award volumes and mixes at the magnitudes of the domain brief', async () => {
    const { body } = await summary('group_by=year,award');
    const count = (year: number, award: string) =>
      body.rows.find((r) => r.year === year && r.award === award)?.count ?? 0;
    for (let year = 2012; year <= 2025; year++) {
      const ofYear = body.rows.filter((r) => r.year === year);
      const top = ofYear.reduce((a, b) => (b.count > a.count ? b : a));
      expect([year, top.award]).toEqual([year, 'LDTT']);
      const cstd = count(year, 'CSTD_CS') / count(year, 'LDTT');
      expect(cstd, `CSTD_CS/LDTT ${year}`).toBeGreaterThanOrEqual(0.15);
      expect(cstd, `CSTD_CS/LDTT ${year}`).toBeLessThanOrEqual(0.23);
      const xs = count(year, 'TTLDXS') / count(year, 'TTLDTT');
      expect(xs, `TTLDXS/TTLDTT ${year}`).toBeGreaterThan(0.13);
      expect(xs, `TTLDXS/TTLDTT ${year}`).toBeLessThan(0.23);
    }
    // what a district-level unit grants itself: 1,000-2,500 a year
    const isDistrict = (r: Record<string, unknown>) => /^TB-(TP|DH|HH|KX|QP|TT|TH|VT)$/.test(String(r.unit));
    const granted = await summary('group_by=year,unit&unit=TB&to=2024&award=LDTT,CSTD_CS,TTLDTT,GK_HUYEN');
    const districtRows = granted.body.rows.filter(isDistrict);
    expect(districtRows).toHaveLength(8 * 13);
    for (const r of districtRows) {
      expect(r.count, `${r.unit} ${r.year}`).toBeGreaterThanOrEqual(1000);
      expect(r.count, `${r.unit} ${r.year}`).toBeLessThanOrEqual(2500);
    }
  });

  it(
    'gives direct laborers a rising share of individual awards, women about ' +
      'half, and a few ad hoc and resistance-war awards',
    async () => {
      const { body } = await summary('group_by=year,class&kind=individual');
      const share = (year: number) => {
        const rows = body.rows.filter((r) => r.year === year);
        return (
          rows.filter((r) => r.class === 'TRUC_TIEP').reduce((a, r) => a + r.count, 0) /
          rows.reduce((a, r) => a + r.count, 0)
        );
      };
      expect(share(2012)).toBeGreaterThan(0.5);
      expect(share(2025)).toBeGreaterThan(share(2012) + 0.05);
      expect(share(2025)).toBeLessThan(0.9);

      const women = await summary('group_by=gender&kind=individual');
      const f = women.body.rows.find((r) => r.gender === 'F')!.count / women.body.total;
      expect(f).toBeGreaterThan(0.4);
      expect(f).toBeLessThan(0.6);

      const methods = await summary('group_by=method');
      const of = (m: string) => methods.body.rows.find((r) => r.method === m)?.count ?? 0;
      for (const m of ['DOT_XUAT', 'KHANG_CHIEN']) {
        expect(of(m), m).toBeGreaterThan(0);
        expect(of(m) / methods.body.total, m).toBeLessThan(0.02);
      }
    },
  );

  it('answers every dimension exactly as a GROUP BY over the raw awards', async () => {
    const columns: Record<string, string> = {
      year: 'a.year',
      award: 'a.award_code',
      tier: 't.tier',
      category: 't.category',
      kind: 'a.recipient_kind',
      gender: 'a.gender',
      class: 'a.recipient_class',
      method: 'a.method',
      movement: 'm.code',
    };
    const [{ total }] = await raw<{ total: number }>('SELECT SUM(quantity) AS total FROM awards');
    for (const [dim, col] of Object.entries(columns)) {
      const expected = await raw<{ v: string | number | null; n: number }>(
        `SELECT ${col} AS v, SUM(a.quantity) AS n FROM awards a JOIN award_types t ON t.code = a.award_code
         LEFT JOIN movements m ON m.id = a.movement_id GROUP BY ${col}`,
      );
      const { body } = await summary(`group_by=${dim}`);
      const got = new Map(body.rows.map((r) => [r[dim], r.count]));
      expect(got.size, dim).toBe(expected.length);
      for (const e of expected) expect([dim, e.v, got.get(e.v)]).toEqual([dim, e.v, e.n]);
      expect(body.total, dim).toBe(total);
    }
  });

  it('answers a district subtree by unit exactly as the raw awards say', async () => {
    const expected = await raw<{ code: string; n: number }>(
      `SELECT CASE WHEN u.code = 'TB-TT' THEN u.code ELSE u.code END AS code, SUM(a.quantity) AS n
       FROM awards a JOIN units u ON u.id = a.unit_id
       WHERE u.code = 'TB-TT' OR u.parent_id = (SELECT id FROM units WHERE code = 'TB-TT') GROUP BY u.code ORDER
         BY u.code`,
    );
    const { body } = await summary('group_by=unit&unit=TB-TT');
    expect(body.rows.map((r) => ({ code: r.unit, n: r.count }))).toEqual(expected);
  });
});

describe('demo geography and decision dates', () => {
  it('puts every province-level unit standing at the end of 2025 in a central cluster for 2025', () => {
    const standing = demo.units.filter(
      (u) =>
        u.kind === 'province' && (u.valid_from ?? '0000') <= '2025-12-31' && (u.valid_to ?? '9999') >= '2025-12-31',
    );
    const central = new Set(demo.clusters.filter((c) => c.level === 'central').map((c) => c.code));
    const unclustered = standing
      .filter(
        (u) =>
          !demo.cluster_members.some(
            (m) =>
              m.unit_code === u.code &&
              central.has(m.cluster_code) &&
              m.year_from <= 2025 &&
              (m.year_to ?? 9999) >= 2025,
          ),
      )
      .map((u) => u.name);
    expect(standing.map((u) => u.code)).toContain('HUE');
    expect(unclustered).toEqual([]);
  });

  it('dates decisions across the year, with a few awards of every year left without a date', async () => {
    const rows = await raw<{ year: number; undated: number; total: number; months: number }>(
      `SELECT year, SUM(CASE WHEN decision_date IS NULL THEN quantity ELSE 0 END) AS undated,
         SUM(quantity) AS total, COUNT(DISTINCT substr(decision_date, 6, 2)) AS months
       FROM awards GROUP BY year ORDER BY year`,
    );
    for (const r of rows) {
      expect(r.undated, String(r.year)).toBeGreaterThan(0);
      expect(r.undated / r.total, String(r.year)).toBeLessThan(0.02);
      expect(r.months, String(r.year)).toBeGreaterThanOrEqual(10);
    }
    // the first half of a decision year holds the previous year-end's provincial and central awards
    const { body } = await summary('group_by=year&months=1-6&unit=TB&from=2024&to=2024');
    expect(body.rows[0].count).toBeGreaterThan(1000);
    expect(body.undated?.[0].year).toBe(2024);
  });
});
