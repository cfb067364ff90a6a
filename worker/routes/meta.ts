import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { readMeta } from '../queries/meta';
import { metaResponse } from '../validation/responses';
import { describeRead } from './describe';

export const metaRoutes = new Hono<AppEnv>().get(
  '/',
  describeRead(
    'Catalog and data version',
    'Award types (the built-in catalog and imported ones), units with parents and validity, unit lineage, clusters with membership, movements, the years with data, and a data version that changes with every import or rollback.',
    metaResponse,
    'meta',
  ),
  async (c) => c.json(await readMeta(c.env.DB, c.get('cost'))),
);
