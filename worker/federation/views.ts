import type { ReadCost } from '../db/run';
import type { ResyncPhase } from '../domain/enums';
import { listProvinces, nationalTotals, type ProvinceListRow } from '../queries/federation/status';

// Status and reconciliation, as the national sees its provinces.

const stateOf = (p: ProvinceListRow, now: number, staleMs: number) => ({
  province: p.province,
  name: p.name,
  version: p.version,
  pushed_at: p.pushed_at,
  seen_at: p.seen_at,
  stale: p.seen_at === null || now - Date.parse(p.seen_at) > staleMs,
  last_rows: p.last_rows,
  units: p.units,
  // the last whole-cube resync; under way (not done), the figures are the previous ones until its flip
  resync: p.resync_phase
    ? {
        phase: p.resync_phase as ResyncPhase,
        rows: p.resync_rows ?? 0,
        requests: p.resync_requests ?? 0,
        longest_batch_ms: p.resync_longest_ms ?? 0,
        started_at: p.resync_started_at ?? '',
        updated_at: p.resync_updated_at ?? '',
      }
    : null,
});

export async function federationStatus(db: D1Database, cost: ReadCost, staleSeconds: number, now = Date.now()) {
  const rows = await listProvinces(db, cost);
  return { stale_after_seconds: staleSeconds, provinces: rows.map((p) => stateOf(p, now, staleSeconds * 1000)) };
}

export async function reconciliationView(db: D1Database, cost: ReadCost, staleSeconds: number, now = Date.now()) {
  const [rows, totals] = [await listProvinces(db, cost), await nationalTotals(db, cost)];
  return {
    provinces: rows.map((p) => {
      const reported = new Map((JSON.parse(p.reported) as { year: number; n: number }[]).map((t) => [t.year, t.n]));
      const national = new Map(totals.filter((t) => t.province === p.province).map((t) => [t.year, t.n]));
      const years = [...new Set([...reported.keys(), ...national.keys()])].sort((a, b) => a - b);
      return {
        ...stateOf(p, now, staleSeconds * 1000),
        years: years.map((year) => ({
          year,
          reported: reported.get(year) ?? 0,
          national: national.get(year) ?? 0,
          difference: (national.get(year) ?? 0) - (reported.get(year) ?? 0),
        })),
      };
    }),
  };
}
