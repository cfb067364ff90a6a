import { api } from './auth';
import { beforeAll, describe, expect, it } from 'vitest';
import { bumpDataVersion, load, resetDatabase, summary } from './helpers';
import { REORG } from './reorg-fixture';

beforeAll(async () => {
  await resetDatabase();
  await load(REORG);
});

/** Rows as {label: count}, with counts compared to 5 decimals. */
async function counts(query: string, key: string) {
  const { status, body } = await summary(query);
  expect(status, JSON.stringify(body)).toBe(200);
  return {
    map: Object.fromEntries(body.rows.map((r) => [String(r[key]), r.count])),
    total: body.total,
    rows: body.rows,
  };
}
function expectClose(got: Record<string, number>, want: Record<string, number>) {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [k, v] of Object.entries(want)) expect(got[k], k).toBeCloseTo(v, 5);
}

describe('units as recorded', () => {
  it('counts each award under the unit it was recorded on', async () => {
    const { map, total } = await counts('group_by=unit', 'unit');
    expect(map).toEqual({ PA: 52, PB: 7, PN: 41 });
    expect(total).toBe(100);
  });
});

describe('as_of: mapping onto the units of a date', () => {
  it('merges two provinces into the new one', async () => {
    const { map } = await counts('group_by=unit&as_of=2025-07-01', 'unit');
    expect(map).toEqual({ PN: 100 });
  });

  it('splits a commune 0.6 / 0.4 and a district by its shares, forward in time', async () => {
    const { map, total } = await counts('group_by=unit&unit=PN&as_of=2025-07-01', 'unit');
    // N1 = X1 10 + X2 0.6 x 25 + DA 0.5 x 5 + own 30; N2 = X2 0.4 x 25 + DA 0.5 x 5 + Y 6 + X3 4 (via Y) + own 8
    expectClose(map, { N1: 57.5, N2: 30.5, PN: 12 });
    expect(total).toBeCloseTo(100, 6);
  });

  it('filters by a new unit after mapping, year by year', async () => {
    const { map } = await counts('group_by=year&unit=N1&as_of=2025-07-01', 'year');
    expectClose(map, { 2023: 24, 2024: 3, 2025: 30.5 });
  });

  it('maps new units backward onto their predecessors in proportion to the shares they gave', async () => {
    // N1 had predecessors X1 (1), X2 (0.6), DA (0.5): 30 split 1/2.1, 0.6/2.1, 0.5/2.1;
    // N2 had X2 (0.4), DA (0.5), Y (1): 8 split 0.4/1.9, 0.5/1.9, 1/1.9; X3 had ended, so it goes forward to Y.
    const { map, total } = await counts('group_by=unit&unit=DA&as_of=2022-01-01', 'unit');
    expectClose(map, {
      X1: 10 + 30 / 2.1,
      X2: 25 + (30 * 0.6) / 2.1 + (8 * 0.4) / 1.9,
      Y: 6 + 4 + 8 / 1.9,
      DA: 5 + (30 * 0.5) / 2.1 + (8 * 0.5) / 1.9,
    });
    expect(total).toBeCloseTo(88, 5);
  });

  it('maps a unit that did not yet exist back onto the one it came from', async () => {
    const { map } = await counts('group_by=unit&unit=DA&as_of=2019-01-01', 'unit');
    expect(map.Y).toBeUndefined();
    expectClose(map, {
      X1: 10 + 30 / 2.1,
      X2: 25 + (30 * 0.6) / 2.1 + (8 * 0.4) / 1.9,
      X3: 4 + 6 + 8 / 1.9,
      DA: 5 + (30 * 0.5) / 2.1 + (8 * 0.5) / 1.9,
    });
  });

  it('leaves totals unchanged when nothing is grouped or filtered by unit', async () => {
    for (const date of ['2019-01-01', '2022-01-01', '2025-07-01']) {
      const { body } = await summary(`group_by=year&as_of=${date}`);
      expect(body.rows.map((r) => [r.year, r.count])).toEqual([
        [2019, 4],
        [2021, 6],
        [2023, 34],
        [2024, 14],
        [2025, 42],
      ]);
    }
  });
});

describe('cluster: membership year by year', () => {
  it('restricts to the members of each year with their subtrees', async () => {
    const { map } = await counts('group_by=year&cluster=K', 'year');
    expect(map).toEqual({ 2023: 34, 2024: 14, 2025: 41 });
  });

  it('shows membership changes by unit', async () => {
    const { rows } = await counts('group_by=year,unit&cluster=K', 'unit');
    expect(rows).toEqual([
      { year: 2023, unit: 'PA', count: 34 },
      { year: 2024, unit: 'PA', count: 7 },
      { year: 2024, unit: 'PB', count: 7 },
      { year: 2025, unit: 'PN', count: 41 },
    ]);
  });

  it('counts each award under every cluster its unit or an ancestor belonged to, once per cluster', async () => {
    // K2 in 2024 has both DA and its commune X2: X2's awards count once, through DA
    const { map } = await counts('group_by=cluster', 'cluster');
    expect(map).toEqual({ K: 89, K2: 35 });
  });

  it('combines cluster with unit and children', async () => {
    const { rows } = await counts('group_by=year,unit&cluster=K2&unit=DA', 'unit');
    expect(rows).toEqual([
      { year: 2023, unit: 'X1', count: 10 },
      { year: 2023, unit: 'X2', count: 20 },
      { year: 2024, unit: 'X2', count: 5 },
    ]);
  });

  it('takes membership as recorded, then maps with as_of', async () => {
    const { map } = await counts('group_by=unit&cluster=K&as_of=2025-07-01', 'unit');
    expect(map).toEqual({ PN: 89 });
  });
});

describe('GET /api/v1/movements/results', () => {
  const results = async (q: string) => {
    const res = await api(`http://local/api/v1/movements/results?${q}`);
    return {
      status: res.status,
      body: (await res.json()) as { rows: unknown[]; error?: string; parameter?: string },
      rowsRead: Number(res.headers.get('X-Rows-Read')),
    };
  };

  it('orders by year then rank, with the rank change since the previous year', async () => {
    const { status, body, rowsRead } = await results('cluster=K');
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      { year: 2023, unit: 'PA', score: 955, rank: 1, proposed_award: 'CO_CP', rank_change: null },
      { year: 2024, unit: 'PB', score: 960, rank: 1, proposed_award: 'CO_CP', rank_change: null },
      { year: 2024, unit: 'PA', score: 940, rank: 2, proposed_award: 'BK_TTG', rank_change: -1 },
      { year: 2025, unit: 'PN', score: 970, rank: 1, proposed_award: null, rank_change: null },
    ]);
    expect(rowsRead).toBeGreaterThan(0);
  });

  it('keeps the rank change at the first year shown', async () => {
    const { body } = await results('cluster=K&from=2024&to=2024');
    expect(body.rows).toEqual([
      { year: 2024, unit: 'PB', score: 960, rank: 1, proposed_award: 'CO_CP', rank_change: null },
      { year: 2024, unit: 'PA', score: 940, rank: 2, proposed_award: 'BK_TTG', rank_change: -1 },
    ]);
  });

  it.each([
    ['', 'cluster', /required/],
    ['cluster=NOPE', 'cluster', /unknown code 'NOPE'/],
    ['cluster=K&from=2025&to=2024', 'from', /must not be after to/],
    ['cluster=K&from=x', 'from', /four-digit year/],
    ['cluster=K&unit=PA', 'unit', /unknown parameter/],
  ])('rejects %s', async (q, parameter, message) => {
    const { status, body } = await results(q);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
    expect(body.error).toMatch(message);
  });
});

describe('GET /api/v1/awards/indicators', () => {
  it('gives totals, change and who the individual awards reached', async () => {
    const res = await api('http://local/api/v1/awards/indicators?from=2023&to=2024');
    expect(res.status).toBe(200);
    const { rows } = (await res.json()) as { rows: Record<string, number | null>[] };
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      year: 2023,
      total: 34,
      change: null,
      individual: 30,
      direct: 30,
      leaders: 0,
      women: 10,
      ethnic_minority: 0,
      direct_share: 1,
    });
    expect(rows[0].women_share).toBeCloseTo(1 / 3, 6);
    expect(rows[1]).toMatchObject({
      year: 2024,
      total: 14,
      individual: 14,
      direct: 0,
      leaders: 7,
      women: 5,
      ethnic_minority: 2,
      direct_share: 0,
      leader_share: 0.5,
    });
    expect(rows[1].change).toBeCloseTo((14 - 34) / 34, 6);
    expect(rows[1].women_share).toBeCloseTo(5 / 14, 6);
    expect(rows[1].ethnic_minority_share).toBeCloseTo(2 / 14, 6);
  });

  it('compares the first year shown with the year before it', async () => {
    const res = await api('http://local/api/v1/awards/indicators?from=2024&to=2024&unit=PA');
    const { rows } = (await res.json()) as { rows: Record<string, number | null>[] };
    // PA's subtree: 2023 = 34, 2024 = 5 + 2 = 7
    expect(rows).toEqual([expect.objectContaining({ year: 2024, total: 7 })]);
    expect(rows[0].change).toBeCloseTo((7 - 34) / 34, 6);
  });
});

describe('ETag and edge cache keyed by the data version', () => {
  it('answers 304 to a matching If-None-Match and serves repeats from the cache', async () => {
    const url = 'http://local/api/v1/awards/summary?group_by=year&unit=DA';
    const first = await api(url);
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^W\/"v\d+-admin\.\*"$/);
    const body = await first.json();

    const again = await api(`${url}&`); // same normalised query
    expect(again.headers.get('X-Cache')).toBe('HIT');
    expect(Number(again.headers.get('X-Rows-Read'))).toBe(1);
    expect(await again.json()).toEqual(body);

    const notModified = await api(url, { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);

    await bumpDataVersion();
    const changed = await api(url, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
    expect(changed.headers.get('X-Cache')).toBe('MISS');
  });
});

describe('as_of with a unit that did not exist on that date', () => {
  it('shows an abolished district’s own awards on the communes of the date, not an empty subtree', async () => {
    // N1 = X1 10 + X2 0.6 x 25 + DA 0.5 x 5; N2 = X2 0.4 x 25 + DA 0.5 x 5 + Y 6 + X3 4 (via Y)
    const da = await counts('group_by=unit&unit=DA&as_of=2025-07-01', 'unit');
    expectClose(da.map, { N1: 27.5, N2: 22.5 });
    expect(da.total).toBeCloseTo(50, 5);
    // the same awards as the district's as recorded, year by year
    const recorded = await counts('group_by=year&unit=DA', 'year');
    const mapped = await counts('group_by=year&unit=DA&as_of=2025-07-01', 'year');
    expectClose(mapped.map, recorded.map);
  });

  it('an abolished province lands on the new one; a split commune on its two successors', async () => {
    expectClose((await counts('group_by=unit&unit=PA&as_of=2025-07-01', 'unit')).map, { N1: 27.5, N2: 22.5, PN: 2 });
    expectClose((await counts('group_by=unit&unit=X2&as_of=2025-07-01', 'unit')).map, { N1: 15, N2: 10 });
  });

  it('a unit that did not exist yet goes back to its predecessors', async () => {
    // N1's 30 go back by the shares its predecessors gave it: X1 1, X2 0.6, DA 0.5 (of 2.1)
    const n1 = await counts('group_by=unit&unit=N1&as_of=2024-01-01', 'unit');
    expectClose(n1.map, { X1: 30 / 2.1, X2: (30 * 0.6) / 2.1, DA: (30 * 0.5) / 2.1 });
    expect(n1.total).toBeCloseTo(30, 5);
  });
});
