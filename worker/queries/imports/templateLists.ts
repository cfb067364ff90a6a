import { sql } from 'drizzle-orm';
import { batch, type ReadCost } from '../../db/run';
import type { AwardScope, AwardTier, UnitKind } from '../../domain/enums';

export interface TemplateUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent_code: string | null;
  parent_name: string | null;
}

export interface TemplateAwardType {
  code: string;
  name_vi: string;
  tier: AwardTier;
  scope: AwardScope;
  household_allowed: number;
}

export interface TemplateLists {
  units: TemplateUnit[];
  awardTypes: TemplateAwardType[];
}

/**
 * The units and award types an award list may name today (the template's code sheets): a unit
 * that has not begun or has ended, or a form no longer awarded, would only mislead there.
 */
export async function templateLists(d1: D1Database, cost: ReadCost, today: string): Promise<TemplateLists> {
  const [units, types] = await batch(d1, cost, [
    sql`SELECT u.code, u.name, u.kind, p.code AS parent_code, p.name AS parent_name
        FROM units u LEFT JOIN units p ON p.id = u.parent_id
        WHERE (u.valid_from IS NULL OR u.valid_from <= ${today}) AND (u.valid_to IS NULL OR u.valid_to >= ${today})
        ORDER BY u.parent_id IS NOT NULL, p.code, u.code`,
    sql`SELECT code, name_vi, tier, scope, household_allowed FROM award_types
        WHERE valid_to IS NULL OR valid_to >= ${today} ORDER BY sort_order, code`,
  ]);
  return {
    units: units.results as unknown as TemplateUnit[],
    awardTypes: types.results as unknown as TemplateAwardType[],
  };
}
