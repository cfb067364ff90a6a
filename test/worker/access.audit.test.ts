import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_FIXTURE } from './access-fixture';
import { anonymous, api, bootstrapTicket } from './auth';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person } from './people';

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}
const json = { 'content-type': 'application/json' };
const audit = async (query = '') =>
  ((await (await api(`http://local/api/v1/audit${query}`)).json()) as { entries: Entry[] }).entries;

let editor: Person;
let scoped: Person;

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  editor = await person('editor');
  scoped = await person('editor', { unit: 'D1' });
});

describe('audit log', () => {
  it('records imports and rollbacks with who did them', async () => {
    const csv = 'year,award_code,unit_code,recipient_kind,quantity\n2025,LDTT,C1,individual,3\n';
    const made = await as(scoped, '/api/v1/imports/awards?filename=d1.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(made.status).toBe(201);
    const { batch } = (await made.json()) as { batch: { id: number; created_by: string } };
    expect(batch.created_by).toBe(`${scoped.email} (token ${(await tokenId(scoped)).slice(0, 8)})`);

    // another scoped editor's batch is not theirs to roll back; the unscoped editor may
    const other = await person('editor', { unit: 'D1' }, '-other');
    expect((await as(other, `/api/v1/imports/${batch.id}`, { method: 'DELETE' })).status).toBe(403);
    expect(((await (await as(other, '/api/v1/imports')).json()) as { batches: unknown[] }).batches).toEqual([]);
    expect((await as(editor, `/api/v1/imports/${batch.id}`, { method: 'DELETE' })).status).toBe(200);

    const [rollback, imported] = (await audit()).filter((e) => e.action === 'rollback' || e.action === 'import');
    expect(imported).toMatchObject({
      actor: batch.created_by,
      action: 'import',
      target: `batch ${batch.id}`,
      detail: { dataset: 'awards', rows: 1, filename: 'd1.csv' },
    });
    expect(rollback).toMatchObject({
      actor: expect.stringContaining(editor.email),
      action: 'rollback',
      target: `batch ${batch.id}`,
      detail: { dataset: 'awards', rows: 1 },
    });
  });

  it('records user and token changes and sign-ins', async () => {
    const made = await api('http://local/api/v1/users', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        email: 'Chi.Tran@Example.vn',
        name: 'Trần Thị Chi',
        role: 'analyst',
        scope_cluster: 'K_DIST',
      }),
    });
    expect(made.status).toBe(201);
    const user = (await made.json()) as { id: number; email: string; scope: unknown };
    expect(user).toMatchObject({ email: 'chi.tran@example.vn', scope: { cluster: 'K_DIST' } });
    await api(`http://local/api/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ role: 'editor', scope_unit: 'D1' }),
    });
    const tok = (await (
      await api('http://local/api/v1/tokens', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ label: 'báo cáo', user_id: user.id }),
      })
    ).json()) as { id: string };
    await api(`http://local/api/v1/tokens/${tok.id}`, { method: 'DELETE' });
    for (const disabled of [true, false])
      await api(`http://local/api/v1/users/${user.id}`, {
        method: 'PATCH',
        headers: json,
        body: JSON.stringify({ disabled }),
      });
    const signedIn = await anonymous(`http://local/api/v1/auth/sign-in?ticket=${await bootstrapTicket(60)}`, {
      redirect: 'manual',
    });
    const cookie = /thidua_session=[^;]+/.exec(signedIn.headers.get('Set-Cookie')!)![0];
    expect(
      (
        await anonymous('http://local/api/v1/auth/sign-out', {
          method: 'POST',
          headers: { cookie, Origin: 'http://local' },
        })
      ).status,
    ).toBe(200);

    const entries = await audit();
    const find = (action: string) => entries.find((e) => e.action === action && (e.target ?? '').includes('chi.tran'));
    expect(find('user_create')).toMatchObject({
      actor: 'ADMIN_TOKEN',
      detail: { role: 'analyst', scope: { cluster: 'K_DIST' } },
    });
    expect(find('user_update')).toMatchObject({ detail: { role: 'editor', scope_unit: 'D1', scope_cluster: null } });
    expect(find('token_create')).toMatchObject({
      target: `chi.tran@example.vn (token ${tok.id.slice(0, 8)})`,
      detail: { label: 'báo cáo' },
    });
    expect(find('token_revoke')).toMatchObject({ target: `chi.tran@example.vn (token ${tok.id.slice(0, 8)})` });
    expect(entries.find((e) => e.action === 'sign_in')).toMatchObject({
      actor: 'ADMIN_TOKEN',
      detail: { via: 'link' },
    });
    expect(entries.find((e) => e.action === 'sign_out')).toMatchObject({ actor: 'ADMIN_TOKEN' });
    expect(find('user_disable')).toBeDefined();
    expect(find('user_enable')).toMatchObject({ detail: { disabled_at: null } });
    // newest first, and paged by id
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
    const page = await audit(`?limit=2&before=${entries[1]!.id}`);
    expect(page.map((e) => e.id)).toEqual([entries[2]!.id, entries[3]!.id]);
    expect((await audit('?action=token_revoke')).every((e) => e.action === 'token_revoke')).toBe(true);
  });

  it('refuses changes that would lock an admin out, and duplicate or unknown users and scopes', async () => {
    const admin = await person('admin', null, '-self');
    const self = (body: unknown) =>
      as(admin, `/api/v1/users/${admin.id}`, { method: 'PATCH', headers: json, body: JSON.stringify(body) });
    expect((await self({ role: 'viewer' })).status).toBe(409);
    expect((await self({ disabled: true })).status).toBe(409);
    expect((await self({ name: 'Quản trị' })).status).toBe(200);
    const add = (body: unknown) =>
      api('http://local/api/v1/users', { method: 'POST', headers: json, body: JSON.stringify(body) });
    expect((await add({ email: admin.email, role: 'viewer' })).status).toBe(409);
    expect(await (await add({ email: 'x@example.vn', role: 'viewer', scope_unit: 'NOPE' })).json()).toMatchObject({
      parameter: 'scope_unit',
    });
    expect(await (await add({ email: 'x@example.vn', role: 'boss' })).json()).toMatchObject({ parameter: 'role' });
    expect(
      await (await add({ email: 'x@example.vn', role: 'viewer', scope_unit: 'D1', scope_cluster: 'K_DIST' })).json(),
    ).toMatchObject({ parameter: 'scope_cluster' });
  });
});

async function tokenId(p: Person): Promise<string> {
  const { tokens } = (await (await api('http://local/api/v1/tokens')).json()) as {
    tokens: { id: string; user_id: number }[];
  };
  return tokens.find((t) => t.user_id === p.id)!.id;
}
