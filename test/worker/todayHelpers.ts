import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { resolveSummaryParams } from '../../worker/plan/resolveSummaryParams';
import { ALL } from '../../worker/plan/scope';
import { awardsSummary } from '../../worker/queries/awardsSummary';
import { loadGeography } from '../../worker/queries/geography';
import { summaryQuery } from '../../worker/validation/summaryQuery';

/** A summary as the route answers it, and the same through the plan alone; `used`: how award_cube_today took part. */
export async function answers(query: string) {
  const geo = await loadGeography(env.DB, { rowsRead: 0 });
  const q = summaryQuery.parse(Object.fromEntries(new URLSearchParams(query)));
  const params = resolveSummaryParams(geo, q, ALL);
  const cost: { rowsRead: number; today?: 'used' | 'stale' } = { rowsRead: 0 };
  const today = await awardsSummary(env.DB, cost, geo, params);
  const plan = await awardsSummary(env.DB, { rowsRead: 0 }, geo, { ...params, today: false });
  return { today, plan, used: cost.today };
}

/** The two answers equal to 6 decimals (rows in the same order, same labels). */
export function expectSame(a: Awaited<ReturnType<typeof answers>>, query: string) {
  const label = (r: Record<string, unknown>) => JSON.stringify({ ...r, count: undefined });
  expect(a.today.rows.map(label), query).toEqual(a.plan.rows.map(label));
  for (const [i, r] of a.today.rows.entries())
    expect(r.count, `${query} ${label(r)}`).toBeCloseTo(a.plan.rows[i].count, 6);
  expect(a.today.total).toBeCloseTo(a.plan.total, 6);
  expect(JSON.stringify(a.today.undated ?? null)).toBe(JSON.stringify(a.plan.undated ?? null));
}
