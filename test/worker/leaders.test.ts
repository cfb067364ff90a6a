import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_FIXTURE } from './access-fixture';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person } from './people';

// GET /movements/leaders: the first in every cluster for one year, inside the caller's scope.
let all: Person;
let d1: Person;
let kDist: Person;

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  all = await person('viewer');
  d1 = await person('viewer', { unit: 'D1' });
  kDist = await person('viewer', { cluster: 'K_DIST' });
});

async function leaders(p: Person, query: string) {
  const res = await as(p, `/api/v1/movements/leaders?${query}`);
  expect(res.status, query).toBe(200);
  return ((await res.json()) as { rows: unknown[] }).rows;
}

const first = (cluster: string, unit: string, score: number) => ({
  cluster,
  unit,
  score,
  rank: 1,
  proposed_award: null,
});

describe('GET /api/v1/movements/leaders', () => {
  it('gives the member ranked first in every cluster that year, ordered by cluster code', async () => {
    expect(await leaders(all, 'year=2024')).toEqual([first('K_DIST', 'D1', 91.5), first('K_PROV', 'P', 95)]);
  });

  it('keeps the clusters of one level with level=', async () => {
    expect(await leaders(all, 'year=2024&level=central')).toEqual([first('K_PROV', 'P', 95)]);
    expect(await leaders(all, 'year=2024&level=district')).toEqual([]);
  });

  it('is empty for a year without results', async () => {
    expect(await leaders(all, 'year=2019')).toEqual([]);
  });

  it('stays inside a unit scope (its clusters, its units) and a cluster scope (its cluster)', async () => {
    expect(await leaders(d1, 'year=2024')).toEqual([first('K_DIST', 'D1', 91.5)]);
    expect(await leaders(kDist, 'year=2024')).toEqual([first('K_DIST', 'D1', 91.5)]);
  });

  it.each([
    ['', 'year', 'required: a four-digit year'],
    ['year=24', 'year', 'expected a four-digit year'],
    ['year=2024&level=nation', 'level', 'Invalid option'],
    ['year=2024&cluster=K_DIST', 'cluster', 'unknown parameter'],
  ])('refuses %s with a 400 naming %s, in English and Vietnamese', async (query, parameter, message) => {
    const res = await as(all, `/api/v1/movements/leaders?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_vi: string; parameter: string };
    expect(body.parameter).toBe(parameter);
    expect(body.error).toContain(`${parameter}: ${message}`);
    expect(body.error_vi).toMatch(new RegExp(`^${parameter}: (giá trị không hợp lệ|tham số không được hỗ trợ)`));
  });
});
