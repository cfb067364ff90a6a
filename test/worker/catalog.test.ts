import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../worker/queries/catalog/snapshot';
import { currentVersion } from '../../worker/queries/geography';
import { api } from './auth';
import { bumpDataVersion, load, resetDatabase } from './helpers';
import { rollback, upload } from './importHelpers';
import { REORG } from './reorg-fixture';

// The catalogue's snapshot: written with the change that makes it, never used stale, rebuilt
// from the tables when missing, cut into rows under D1's 2 MB per value.

const state = () => env.DB.prepare('SELECT * FROM data_state WHERE id = 1').first<Record<string, number | string>>();
const parts = async () =>
  (
    await env.DB.prepare(
      'SELECT part, version, length(CAST(body AS BLOB)) AS bytes FROM catalog_snapshot ORDER BY part',
    ).all<{ part: string; version: number; bytes: number }>()
  ).results;
const meta = async () =>
  (await (await api('http://local/api/v1/meta')).json()) as { units: { code: string; name: string }[] };
/** The catalogue as the tables hold it, in /meta's terms. */
const tableUnits = async () =>
  (await env.DB.prepare('SELECT code, name FROM units ORDER BY id').all<{ code: string; name: string }>()).results;

beforeAll(async () => {
  await resetDatabase();
  await load(REORG);
});

describe('the catalogue snapshot', () => {
  it('is written by the demo loader and read in a few rows by a cold reader', async () => {
    const s = (await state())!;
    expect(s.catalog_clean).toBe(1);
    const p = await parts();
    expect(p.every((x) => x.version === s.catalog_version)).toBe(true);
    expect(p.map((x) => x.part)).toContain('units:0');
    const cost = { rowsRead: 0 };
    // a cold isolate: nothing kept under this stamp
    const catalog = await readCatalog(env.DB, cost, {
      ...(await currentVersion(env.DB, { rowsRead: 0 })),
      catalog_stamp: 'cold',
    });
    expect(catalog.rows.units).toHaveLength(REORG.units.length);
    expect(cost.rowsRead).toBeLessThanOrEqual(p.length + 1);
  });

  it('is rewritten in the transaction of a reference import and of its rollback', async () => {
    const res = await upload('units', 'code,name,kind,parent_code\nPC,Tỉnh C,province,\n');
    expect(res.status).toBe(201);
    const s = (await state())!;
    expect(s.catalog_clean).toBe(1);
    expect((await parts())[0].version).toBe(s.catalog_version);
    expect((await meta()).units.map((u) => u.code)).toContain('PC');
    expect((await rollback(res.body.batch!.id!)).status).toBe(200);
    const after = (await state())!;
    expect(after.catalog_clean).toBe(1);
    expect(after.catalog_version).toBeGreaterThan(s.catalog_version as number);
    expect((await meta()).units.map((u) => u.code)).not.toContain('PC');
  });

  it('is never used after a change made behind its back: the next reader writes it anew', async () => {
    const before = (await state())!;
    await env.DB.prepare("UPDATE units SET name = 'Xã N1 (đổi tên)' WHERE code = 'N1'").run();
    expect((await state())!.catalog_clean).toBe(0);
    await bumpDataVersion(); // as any writer does; the snapshot itself does not rely on it
    const units = (await meta()).units;
    expect(units.find((u) => u.code === 'N1')?.name).toBe('Xã N1 (đổi tên)');
    expect(units.map((u) => ({ code: u.code, name: u.name }))).toEqual(await tableUnits());
    const after = (await state())!;
    expect(after.catalog_clean).toBe(1);
    expect(after.catalog_stamp).not.toBe(before.catalog_stamp);
  });

  it('is rebuilt from the tables when it is missing', async () => {
    await env.DB.prepare('DELETE FROM catalog_snapshot').run();
    const catalog = await readCatalog(
      env.DB,
      { rowsRead: 0 },
      { ...(await currentVersion(env.DB, { rowsRead: 0 })), catalog_stamp: 'cold' },
    );
    expect(catalog.rows.units.map((u) => u.code)).toEqual((await tableUnits()).map((u) => u.code));
    expect((await parts()).length).toBeGreaterThan(1);
  });

  it('cuts a large catalogue into rows under 2 MB and reads it back whole', async () => {
    // 5,000 units with 400-character Vietnamese names: about 2.6 MB of UTF-8
    const name = 'Ủy ban nhân dân xã Đông Hưng '.repeat(14).slice(0, 400);
    const rows = Array.from({ length: 5000 }, (_, i) => `BIG${i},${name},commune,PA`);
    const res = await upload('units', `code,name,kind,parent_code\n${rows.join('\n')}\n`);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    const p = await parts();
    const unitParts = p.filter((x) => x.part.startsWith('units:'));
    expect(unitParts.reduce((n, x) => n + x.bytes, 0)).toBeGreaterThan(2_500_000);
    expect(unitParts.length).toBeGreaterThanOrEqual(3);
    for (const x of p) expect(x.bytes).toBeLessThan(2_000_000);
    const units = (await meta()).units;
    expect(units.map((u) => u.code)).toEqual((await tableUnits()).map((u) => u.code));
    expect(units.find((u) => u.code === 'BIG4999')?.name).toBe(name);
  });
});
