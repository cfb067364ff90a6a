import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { readMeta } from '../queries/meta';

export const metaRoutes = new Hono<AppEnv>().get('/', async (c) => c.json(await readMeta(c.env.DB, c.get('cost'))));
