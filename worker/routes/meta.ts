import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { readMeta } from '../queries/meta';
import { loadGeography } from '../queries/geography';
import { scopeMeta } from '../plan/scope';
import { callerScope, identityOf } from '../middleware/requireRole';
import { metaResponse } from '../validation/responses';
import { describeRead } from './describe';

export const metaRoutes = new Hono<AppEnv>().get(
  '/',
  describeRead(
    'Catalog and data version',
    'Award types (the built-in catalog and imported ones), units with ' +
      'parents and validity, unit lineage, clusters with membership, ' +
      'movements, the years with data, and a data version that changes with ' +
      'every import or rollback. A scoped user sees the units of their scope ' +
      '(with ancestors and lineage partners) and the clusters they may see.',
    metaResponse,
    'meta',
  ),
  async (c) => {
    const meta = await readMeta(c.env.DB, c.get('cost'), c.get('dataState'));
    if (identityOf(c).scope === null) return c.json(meta);
    const geo = await loadGeography(c.env.DB, c.get('cost'), c.get('dataState'));
    return c.json(scopeMeta(meta, geo, callerScope(c, geo)));
  },
);
