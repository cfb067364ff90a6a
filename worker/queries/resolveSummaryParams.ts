import { sql } from 'drizzle-orm';
import { all, type ReadCost } from '../db/run';
import type { CubeDimension } from './cube/dimensions';
import type { SummaryParams } from './awardsSummary';
import type { SummaryQuery } from '../validation/summaryQuery';
import { BadParameter } from '../validation/params';

async function existing(d1: D1Database, cost: ReadCost, table: 'units' | 'movements' | 'award_types', codes: string[]) {
  const idCol = table === 'award_types' ? sql`code` : sql`id`;
  const rows = await all<{ id: number | string; code: string }>(
    d1,
    cost,
    sql`SELECT ${idCol} AS id, code FROM ${sql.identifier(table)} WHERE code IN (SELECT value FROM json_each(${JSON.stringify(codes)}))`,
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function resolve(
  d1: D1Database,
  cost: ReadCost,
  parameter: string,
  table: 'units' | 'movements' | 'award_types',
  codes: string[],
) {
  const found = await existing(d1, cost, table, codes);
  const missing = codes.filter((c) => !found.has(c));
  if (missing.length) throw new BadParameter(parameter, `unknown code ${missing.map((m) => `'${m}'`).join(', ')}`);
  return codes.map((c) => found.get(c)!);
}

/** Turns validated query parameters into query inputs, checking that every code exists. */
export async function resolveSummaryParams(d1: D1Database, cost: ReadCost, q: SummaryQuery): Promise<SummaryParams> {
  const filters: SummaryParams['filters'] = {};
  const plain: [keyof SummaryQuery & CubeDimension][] = [['tier'], ['category'], ['kind'], ['gender'], ['class'], ['method']];
  for (const [dim] of plain) {
    const v = q[dim];
    if (v) filters[dim] = v as string[];
  }
  if (q.award) filters.award = (await resolve(d1, cost, 'award', 'award_types', q.award)) as string[];
  if (q.movement) filters.movement = (await resolve(d1, cost, 'movement', 'movements', q.movement)) as number[];
  const unit = q.unit ? { id: (await resolve(d1, cost, 'unit', 'units', [q.unit]))[0] as number, code: q.unit } : undefined;
  return { groupBy: q.group_by ?? [], from: q.from, to: q.to, unit, filters };
}
