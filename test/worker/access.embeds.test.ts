import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_FIXTURE, IN_SCOPE } from './access-fixture';
import { anonymous, api } from './auth';
import { load, resetDatabase } from './helpers';
import { as, person, resetAccess, type Person } from './people';

// An embedded chart shows its creator's numbers to anyone holding the token, so it must stop
// when the creator loses the right to share them: disabled, lowered below analyst, or moved
// to another scope. Giving the creator more (no scope) keeps it working: it still shows less.

const json = { 'content-type': 'application/json' };
const WITHDRAWN = /creator no longer has the right to share this chart/;

let analyst: Person;

async function makeEmbed(p: Person | null): Promise<string> {
  const init = { method: 'POST', headers: json, body: JSON.stringify({ chart: 'trend', origin: 'https://portal.example.vn' }) };
  const res = p ? await as(p, '/api/v1/embeds', init) : await api('http://local/api/v1/embeds', init);
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

const change = async (p: Person, body: object) => {
  const res = await api(`http://local/api/v1/users/${p.id}`, { method: 'PATCH', headers: json, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(200);
};

async function shown(token: string) {
  const data = await anonymous(`http://local/api/v1/embed-data/trend?token=${token}`);
  const page = await anonymous(`http://local/embed/trend?token=${token}`);
  return { status: data.status, body: (await data.json()) as { total?: number; error?: string }, page: page.status, pageText: await page.text() };
}

beforeAll(async () => {
  await resetAccess();
  await resetDatabase();
  await load(ACCESS_FIXTURE);
  analyst = await person('analyst', { unit: 'D1' }, '-embeds');
});

describe('an embed follows its creator’s access', () => {
  it('works while the creator may share it, and stops (401, page and data) when they are disabled', async () => {
    const token = await makeEmbed(analyst);
    expect(await shown(token)).toMatchObject({ status: 200, body: { total: IN_SCOPE.D1 } });
    await change(analyst, { disabled: true });
    const off = await shown(token);
    expect(off).toMatchObject({ status: 401, page: 401 });
    expect(off.body.error).toMatch(WITHDRAWN);
    expect(off.body.total).toBeUndefined();
    expect(off.pageText).toMatch(WITHDRAWN);
    await change(analyst, { disabled: false });
    expect(await shown(token)).toMatchObject({ status: 200, body: { total: IN_SCOPE.D1 } });
  });

  it('stops when the creator is lowered to viewer', async () => {
    const token = await makeEmbed(analyst);
    await change(analyst, { role: 'viewer' });
    expect(await shown(token)).toMatchObject({ status: 401, body: { error: expect.stringMatching(WITHDRAWN) } });
    await change(analyst, { role: 'analyst' });
    expect((await shown(token)).status).toBe(200);
  });

  it('stops when the creator moves to another scope, and keeps its own numbers when the scope is lifted', async () => {
    const token = await makeEmbed(analyst);
    await change(analyst, { scope_unit: 'D2' });
    expect(await shown(token)).toMatchObject({ status: 401, body: { error: expect.stringMatching(WITHDRAWN) } });
    await change(analyst, { scope_unit: null });
    // still the scope signed into the token, not the creator's new, wider one
    expect(await shown(token)).toMatchObject({ status: 200, body: { total: IN_SCOPE.D1 } });
    await change(analyst, { scope_unit: 'D1' });
  });

  it('is tied to the user, whichever of their credentials made it; the bootstrap admin’s needs no user', async () => {
    // `as` signs in with the analyst's API token, so created_by names the token too
    const list = (await (await as(analyst, '/api/v1/embeds')).json()) as { tokens: { created_by: string }[] };
    expect(list.tokens[0]!.created_by).toMatch(new RegExp(`^${analyst.email} \\(token `));
    const admins = await makeEmbed(null);
    expect((await shown(admins)).status).toBe(200);
  });
});
