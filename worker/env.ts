import type { ReadCost } from './db/run';

export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Bootstrap admin token (a secret in production, printed by `npm start` locally). */
  ADMIN_TOKEN?: string;
  /** '1' only under scripts/bench: enables the naive baseline route. */
  BENCH?: string;
}

export interface Variables {
  /** D1 rows read by this request, reported as X-Rows-Read. */
  cost: ReadCost;
  /** The data version read once per request (versionCache), reused by the queries. */
  dataState?: { version: number; updated_at: string };
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
