import { sql } from 'drizzle-orm';
import { CUBOIDS } from '../cube/dimensions';

// award_cube_today has award_cube's key (cuboid, unit, year, the other dimensions), the unit
// being a target of today_kernel.
export const TODAY_DIMS =
  'award_code, tier, category, recipient_kind, gender, recipient_class, method, movement_id, ethnic_minority, ' +
  'decision_month';
export const TODAY_KEY = sql.raw(`cuboid, unit_id, year, ${TODAY_DIMS}`);
const prefixed = (p: string) =>
  TODAY_DIMS.split(', ')
    .map((c) => `${p}.${c}`)
    .join(', ');
export const CUBE_DIMS_OF = (p: string) => sql.raw(prefixed(p));

/** The cuboid ids, inlined (our own constants), so an IN list probes award_cube_key per cuboid. */
export const CUBOID_LIST = sql.raw(CUBOIDS.map((c) => c.id).join(', '));

/** No unit is above this: the cursor of a complete award_cube_today. */
export const ALL_UNITS = Number.MAX_SAFE_INTEGER;

/** Sums of shares that cancel leave float residue: below this a key is taken as zero. */
export const ZERO = 1e-7;
