import type { ReadCost } from './db/run';

export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Bootstrap admin token (a secret in production, printed by `npm start` locally). */
  ADMIN_TOKEN?: string;
}

export interface Variables {
  /** D1 rows read by this request, reported as X-Rows-Read. */
  cost: ReadCost;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
