import type { Bindings } from '../env';

// Which part an instance plays in the federation, from its environment (docs/scaling.md):
// ROLE=national receives pushes; NATIONAL_URL + FEDERATION_TOKEN make a province that sends them.
export interface FederationEnv extends Bindings {
  ROLE?: string;
  NATIONAL_URL?: string;
  FEDERATION_TOKEN?: string;
  /** Seconds without a push or heartbeat after which a province is marked stale (default 26 h). */
  FEDERATION_STALE_SECONDS?: string;
  /** Cube rows per slice of a whole-cube push (province) and per step of its removal and merge (national). */
  FEDERATION_SLICE_ROWS?: string;
  /** National: milliseconds one request finishing a resync keeps taking steps before it answers. */
  FEDERATION_FINISH_MS?: string;
}

/** A province is expected to push at least daily (a heartbeat when nothing changed); 2 h of slack. */
export const DEFAULT_STALE_SECONDS = 26 * 3600;

export const isNational = (env: Bindings) => (env as FederationEnv).ROLE === 'national';

export function provinceConfig(env: Bindings): { url: string; token: string } | null {
  const e = env as FederationEnv;
  return e.NATIONAL_URL && e.FEDERATION_TOKEN ? { url: e.NATIONAL_URL, token: e.FEDERATION_TOKEN } : null;
}

export function staleSeconds(env: Bindings): number {
  const n = Number((env as FederationEnv).FEDERATION_STALE_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_STALE_SECONDS;
}

/** FEDERATION_SLICE_ROWS if set to a positive whole number; otherwise undefined (the default applies). */
export function sliceRows(env: Bindings): number | undefined {
  const n = Number((env as FederationEnv).FEDERATION_SLICE_ROWS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** FEDERATION_FINISH_MS if set to a whole number of milliseconds (0: one step per request). */
export function finishBudget(env: Bindings): number | undefined {
  const v = (env as FederationEnv).FEDERATION_FINISH_MS;
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
}
