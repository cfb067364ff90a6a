import { env } from 'cloudflare:test';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api } from './auth';
import { dataset, load, resetDatabase, summary } from './helpers';
import { csv, rollback, upload } from './importHelpers';
import { as, person, resetAccess, type Person } from './people';

// Unit names resolved once on the Dữ liệu page and remembered for later files. Two districts
// each with a Xã Thụy Hải (never guessed), a commune that ended on 30/06/2025 and one that
// began on 01/07/2025.
const GEO = dataset([], {
  units: [
    { code: 'TB', name: 'Tỉnh Thái Bình', kind: 'province' },
    { code: 'TT', name: 'Huyện Thái Thụy', kind: 'district', parent_code: 'TB' },
    { code: 'TT-TH', name: 'Xã Thụy Hải', kind: 'commune', parent_code: 'TT', valid_to: '2025-06-30' },
    { code: 'DH', name: 'Huyện Đông Hưng', kind: 'district', parent_code: 'TB' },
    { code: 'DH-TH', name: 'Xã Thụy Hải', kind: 'commune', parent_code: 'DH' },
    { code: 'DH-DTA', name: 'Xã Đông Thụy Anh', kind: 'commune', parent_code: 'DH', valid_from: '2025-07-01' },
  ],
});

const JSON_TYPE = { 'content-type': 'application/json' };
const URL = 'http://local/api/v1/imports/aliases';

interface Alias {
  id: number;
  alias: string;
  folded: string;
  unit_code: string;
  unit_name: string;
  created_by: string;
  created_at: string;
}

const create = (body: unknown, who?: Person) => {
  const init = { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(body) };
  return who ? as(who, '/api/v1/imports/aliases', init) : api(URL, init);
};
const remove = (id: number | string, who?: Person) =>
  who ? as(who, `/api/v1/imports/aliases/${id}`, { method: 'DELETE' }) : api(`${URL}/${id}`, { method: 'DELETE' });
const list = async () => ((await (await api(URL)).json()) as { aliases: Alias[] }).aliases;
const count = async (table: string, where = '1 = 1') =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).first<{ n: number }>())!.n;
const auditLines = () =>
  env.DB.prepare("SELECT actor, action, target, detail FROM audit_log WHERE action LIKE 'alias_%' ORDER BY id").all<{
    actor: string;
    action: string;
    target: string;
    detail: string;
  }>();

const LIST = (unit: string, year = 2024) =>
  csv(['Năm,Danh hiệu,Đơn vị công tác,Đối tượng,Số lượng', `${year},Lao động tiên tiến,${unit},Cá nhân,2`]);

beforeAll(async () => {
  await resetDatabase();
  await load(GEO);
});
beforeEach(async () => {
  await env.DB.prepare('DELETE FROM unit_aliases').run();
  await resetAccess();
});

describe('unit aliases: the API', () => {
  it('creates, lists and removes an alias, each in the audit log', async () => {
    const made = await create({ alias: ' UBND xã Thụy Hải (Đông Hưng) ', unit_code: 'DH-TH' });
    expect(made.status).toBe(201);
    const a = (await made.json()) as Alias;
    expect(a).toMatchObject({
      alias: 'UBND xã Thụy Hải (Đông Hưng)',
      folded: 'xa thuy hai dong hung',
      unit_code: 'DH-TH',
      unit_name: 'Xã Thụy Hải',
      created_by: 'ADMIN_TOKEN',
    });
    expect(await list()).toEqual([a]);
    const gone = await remove(a.id);
    expect(gone.status).toBe(200);
    expect(((await gone.json()) as Alias).id).toBe(a.id);
    expect(await list()).toEqual([]);
    const lines = (await auditLines()).results;
    expect(lines.map((l) => [l.action, l.target])).toEqual([
      ['alias_create', 'UBND xã Thụy Hải (Đông Hưng)'],
      ['alias_delete', 'UBND xã Thụy Hải (Đông Hưng)'],
    ]);
    expect(JSON.parse(lines[0].detail)).toEqual({ unit_code: 'DH-TH', folded: 'xa thuy hai dong hung' });
    expect(JSON.parse(lines[1].detail)).toEqual({ unit_code: 'DH-TH', alias_id: a.id });
    expect((await remove(a.id)).status).toBe(404);
    expect((await auditLines()).results).toHaveLength(2);
  });

  it.each([
    [{ alias: 'Xã A' }, 'unit_code'],
    [{ unit_code: 'DH-TH' }, 'alias'],
    [{ alias: '', unit_code: 'DH-TH' }, 'alias'],
    [{ alias: 'x'.repeat(201), unit_code: 'DH-TH' }, 'alias'],
    [{ alias: ' -- ; ', unit_code: 'DH-TH' }, 'alias'],
    [{ alias: 'Xã A', unit_code: 'NO-SUCH' }, 'unit_code'],
    [{ alias: 'Xã A', unit_code: 'DH-TH', year: 2024 }, undefined],
    [{ alias: 7, unit_code: 'DH-TH' }, 'alias'],
  ])('refuses %j with a 400 naming the field and writes nothing', async (body, parameter) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    const e = (await res.json()) as { error: string; error_vi: string; parameter?: string };
    expect(e.error).toBeTruthy();
    expect(e.error_vi).toBeTruthy();
    if (parameter) expect(e.parameter).toBe(parameter);
    expect(await count('unit_aliases')).toBe(0);
    expect((await auditLines()).results).toEqual([]);
  });

  it('answers 400 on a body that is not JSON and 400/404 on bad ids, writing nothing', async () => {
    const res = await api(URL, { method: 'POST', headers: JSON_TYPE, body: '{"alias":' });
    expect(res.status).toBe(400);
    expect((await remove('abc')).status).toBe(400);
    expect((await remove(999999)).status).toBe(404);
    expect(await count('unit_aliases')).toBe(0);
    expect((await auditLines()).results).toEqual([]);
  });

  it('refuses an alias already taken, however it is written (409), keeping the first', async () => {
    expect((await create({ alias: 'Thụy Hải ĐH', unit_code: 'DH-TH' })).status).toBe(201);
    const again = await create({ alias: 'UBND THUY HAI dh', unit_code: 'TT-TH' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error_vi: string }).error_vi).toContain('đã được ghi nhớ');
    expect((await list()).map((a) => a.unit_code)).toEqual(['DH-TH']);
    expect((await auditLines()).results).toHaveLength(1);
  });

  it('of ten concurrent POSTs of the same alias exactly one is created and audited', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => create({ alias: `Xã Thụy Hải${' '.repeat(i)}`, unit_code: 'DH-TH' })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    expect(await count('unit_aliases')).toBe(1);
    expect((await auditLines()).results).toHaveLength(1);
  });

  it('of concurrent DELETEs of one alias one removes it and one line is written', async () => {
    const a = (await (await create({ alias: 'Thụy Hải', unit_code: 'DH-TH' })).json()) as Alias;
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => remove(a.id)))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 404, 404, 404, 404]);
    expect((await auditLines()).results.map((l) => l.action)).toEqual(['alias_create', 'alias_delete']);
  });

  it('is for editors; a scoped editor names and removes only units in scope', async () => {
    const analyst = await person('analyst');
    const ownTT = await person('editor', { unit: 'TT' });
    const res = await create({ alias: 'Thụy Hải', unit_code: 'TT-TH' }, analyst);
    expect(res.status).toBe(403);
    expect((await as(analyst, '/api/v1/imports/aliases')).status).toBe(403);
    const outside = await create({ alias: 'Thụy Hải', unit_code: 'DH-TH' }, ownTT);
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { parameter: string }).parameter).toBe('unit_code');
    expect(await count('unit_aliases')).toBe(0);
    const inside = await create({ alias: 'Thụy Hải', unit_code: 'TT-TH' }, ownTT);
    expect(inside.status).toBe(201);
    expect(((await inside.json()) as Alias).created_by).toContain(ownTT.email);
    const theirs = (await (await create({ alias: 'Thụy Hải ĐH', unit_code: 'DH-TH' })).json()) as Alias;
    expect((await remove(theirs.id, ownTT)).status).toBe(403);
    // the list they see is of their units, as the catalog they see
    const seen = (await (await as(ownTT, '/api/v1/imports/aliases')).json()) as { aliases: Alias[] };
    expect(seen.aliases.map((a) => a.unit_code)).toEqual(['TT-TH']);
    expect((await list()).map((a) => a.unit_code).sort()).toEqual(['DH-TH', 'TT-TH']);
    expect(await count('unit_aliases')).toBe(2);
    expect((await auditLines()).results.map((l) => [l.actor, l.action])).toEqual([
      [expect.stringContaining(ownTT.email), 'alias_create'],
      ['ADMIN_TOKEN', 'alias_create'],
    ]);
  });
});

describe('unit aliases: the importer', () => {
  it('an ambiguous name is an error whose group lists the candidates; remembered, the same file imports', async () => {
    const before = await upload('awards', LIST('UBND xã Thụy Hải'));
    expect(before.status).toBe(422);
    const groups = (before.body as { error_groups: { column: string; candidates?: unknown }[] }).error_groups;
    expect(groups).toEqual([
      expect.objectContaining({
        column: 'unit_code',
        value: 'UBND xã Thụy Hải',
        candidates: [
          { code: 'TT-TH', name: 'TT-TH (Xã Thụy Hải, Huyện Thái Thụy)' },
          { code: 'DH-TH', name: 'DH-TH (Xã Thụy Hải, Huyện Đông Hưng)' },
        ],
      }),
    ]);
    expect(await count('awards')).toBe(0);
    expect((await create({ alias: 'UBND xã Thụy Hải', unit_code: 'DH-TH' })).status).toBe(201);
    const after = await upload('awards', LIST('Xã Thụy Hải'));
    expect(after.status).toBe(201);
    expect((await summary('from=2024&to=2024&unit=DH-TH')).body.total).toBe(2);
    expect((await summary('from=2024&to=2024&unit=TT-TH')).body.total).toBe(0);
    expect((await rollback(after.body.batch!.id!)).status).toBe(200);
  });

  it('an unknown name gets ranked suggestions; an alias wins over name matching', async () => {
    const unknown = await upload('awards', LIST('Thuy Hai'));
    expect(unknown.status).toBe(422);
    const g = (unknown.body as { error_groups: { candidates?: { code: string }[] }[] }).error_groups[0];
    // the three closest, equally close ones by code ('Huyện Thái Thụy' shares 'thuy')
    expect(g.candidates?.map((c) => c.code)).toEqual(['DH-TH', 'TT', 'TT-TH']);
    // a name that matches a unit exactly still means the alias's unit once remembered
    expect((await create({ alias: 'Xã Đông Thụy Anh', unit_code: 'DH-TH' })).status).toBe(201);
    const ok = await upload('awards', LIST('xa dong thuy anh', 2025));
    expect(ok.status).toBe(201);
    expect((await summary('from=2025&to=2025&unit=DH-TH')).body.total).toBe(2);
    expect((await summary('from=2025&to=2025&unit=DH-DTA')).body.total).toBe(0);
    expect((await rollback(ok.body.batch!.id!)).status).toBe(200);
  });

  it("an alias to a unit that did not exist in the award's year is a row error naming the alias", async () => {
    expect((await create({ alias: 'Thụy Hải cũ', unit_code: 'TT-TH' })).status).toBe(201);
    const [awards, batches] = [await count('awards'), await count('import_batches')];
    const res = await upload('awards', LIST('Thụy Hải cũ', 2026));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'unit_code',
        value: 'Thụy Hải cũ',
        message_vi: expect.stringContaining("'Thụy Hải cũ' đã được ghi nhớ là TT-TH"),
      }),
    ]);
    expect(res.body.errors![0].message_vi).toContain('không tồn tại vào năm 2026');
    expect(await count('awards')).toBe(awards);
    expect(await count('import_batches')).toBe(batches);
    expect((await summary('from=2026&to=2026&unit=TT')).body.total).toBe(0);
  });

  it('rolling back the units batch that brought a unit removes its aliases with it', async () => {
    const units = await upload('units', csv(['code,name,kind,parent_code', 'DH-NEW,Xã Mới,commune,DH']));
    expect(units.status).toBe(201);
    expect((await create({ alias: 'Xã Mới lập', unit_code: 'DH-NEW' })).status).toBe(201);
    expect((await create({ alias: 'Thụy Hải ĐH', unit_code: 'DH-TH' })).status).toBe(201);
    expect((await rollback(units.body.batch!.id!)).status).toBe(200);
    expect((await list()).map((a) => a.unit_code)).toEqual(['DH-TH']);
  });
});
