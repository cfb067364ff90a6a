import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import worker from '../../worker/main';
import type { Bindings } from '../../worker/env';
import {
  call,
  createToken,
  cubeByCode,
  dbs,
  freshDatabase,
  importAwards,
  nationalEnv,
  nationalPush,
  PROVINCE_P,
  summaryOf,
} from './federation-fixture';

// The Cron Trigger's handler (worker/main.ts `scheduled`): on a province it sends what the
// national has not acknowledged, or a heartbeat; elsewhere nothing. The national here is the
// real app on its own database; only the network between the two is this test's: fetch to the
// national's address is handed to it.

const NATIONAL_URL = 'https://quoc-gia.example';
const CRON = '17 3 * * *';
const P_UNITS = ['P', 'D1', 'C1', 'C2', 'A'];

let bodies: { full: boolean; rows: unknown[] }[];

beforeEach(async () => {
  await freshDatabase(dbs.DB, PROVINCE_P);
  await freshDatabase(dbs.DB_NATIONAL);
  bodies = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const req = new Request(input, init);
    if (!req.url.startsWith(`${NATIONAL_URL}/api/v1/federation/push`)) throw new Error(`no network: ${req.url}`);
    const body = await req.text();
    bodies.push(JSON.parse(body));
    return nationalPush(body, req.headers.get('X-Federation-Signature') ?? '');
  });
});

afterEach(() => vi.restoreAllMocks());

async function cron(bindings: object) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: CRON }), bindings as Bindings, ctx);
  await waitOnExecutionContext(ctx);
}

const seenAt = async () =>
  (
    (await (await call(nationalEnv(), '/federation/status')).json()) as {
      provinces: { province: string; seen_at: string | null; pushed_at: string | null }[];
    }
  ).provinces.find((p) => p.province === 'P')!;

describe('federation: the Cron Trigger', () => {
  it('on a province: the first push, then heartbeats, then what an import changed', async () => {
    const province = { ...env, DB: dbs.DB, NATIONAL_URL, FEDERATION_TOKEN: await createToken('P') };
    await cron(province);
    expect(bodies.length).toBeGreaterThanOrEqual(2); // the cube's slice(s) and the finish
    expect(bodies.every((b) => b.full)).toBe(true);
    expect(await cubeByCode(dbs.DB_NATIONAL, P_UNITS)).toEqual(await cubeByCode(dbs.DB, P_UNITS));
    const first = await seenAt();
    expect(first.pushed_at).not.toBeNull();

    // nothing changed: a heartbeat, which the national notes without a new version
    bodies = [];
    await new Promise((r) => setTimeout(r, 5));
    await cron(province);
    expect(bodies).toEqual([expect.objectContaining({ full: false, rows: [] })]);
    const beat = await seenAt();
    expect(beat.seen_at! > first.seen_at!).toBe(true);
    expect(beat.pushed_at).toBe(first.pushed_at);

    // an import (its own push found no national: the test's instance has no NATIONAL_URL) goes with the next Cron
    await importAwards(
      { ...env, DB: dbs.DB },
      'year,award_code,unit_code,recipient_kind,quantity\n2025,LDTT,C1,individual,7\n',
    );
    bodies = [];
    await cron(province);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ full: false });
    expect(bodies[0].rows.length).toBeGreaterThan(0);
    expect((await summaryOf(nationalEnv(), 'from=2025&to=2025')).total).toBe(7);
    expect(await cubeByCode(dbs.DB_NATIONAL, P_UNITS)).toEqual(await cubeByCode(dbs.DB, P_UNITS));
  });

  it('on the national and on a stand-alone instance: nothing is sent', async () => {
    await cron(nationalEnv());
    await cron({ ...env, DB: dbs.DB });
    expect(bodies).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });
});
