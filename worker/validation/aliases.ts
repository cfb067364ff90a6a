import { z } from 'zod';

export const aliasBody = z
  .object({
    alias: z.string().trim().min(1).max(200).describe("A unit name as the lists write it (e.g. 'UBND xã Thuỵ Hải')"),
    unit_code: z.string().trim().min(1).max(64).describe('The unit it means'),
  })
  .strict();

export const aliasIdParam = z.object({ id: z.coerce.number().int().positive() });

export const unitAlias = z.object({
  id: z.number().int(),
  alias: z.string().describe('The text as given'),
  folded: z.string().describe('What files are matched by: no case, diacritics or UBND prefix'),
  unit_code: z.string(),
  unit_name: z.string(),
  created_by: z.string(),
  created_at: z.string(),
});

export const aliasList = z.object({ aliases: z.array(unitAlias) });
