import { env } from 'cloudflare:test';
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
  const init = {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ chart: 'trend', origin: 'https://portal.example.vn' }),
  };
  const res = p ? await as(p, '/api/v1/embeds', init) : await api('http://local/api/v1/embeds', init);
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

const change = async (p: Person, body: object) => {
  const res = await api(`http://local/api/v1/users/${p.id}`, {
    method: 'PATCH',
    headers: json,
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
};

async function shown(token: string) {
  const data = await anonymous(`http://local/api/v1/embed-data/trend?token=${token}`);
  const page = await anonymous(`http://local/embed/trend?token=${token}`);
  return {
    status: data.status,
    body: (await data.json()) as { total?: number; error?: string },
    page: page.status,
    pageText: await page.text(),
  };
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

describe('the audit log of sharing', () => {
  it('records who made and who revoked an embed token, once', async () => {
    const made = await as(analyst, '/api/v1/embeds', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ chart: 'kinds', origin: 'https://portal.example.vn' }),
    });
    const { id } = (await made.json()) as { id: string };
    for (let i = 0; i < 2; i++)
      expect((await api(`http://local/api/v1/embeds/${id}`, { method: 'DELETE' })).status).toBe(200);
    const lines = (
      await env.DB.prepare('SELECT action, actor, detail FROM audit_log WHERE target = ? ORDER BY id')
        .bind(id)
        .all<{ action: string; actor: string; detail: string }>()
    ).results;
    expect(lines.map((l) => [l.action, l.actor.split(' ')[0]])).toEqual([
      ['embed_create', analyst.email],
      ['embed_revoke', 'ADMIN_TOKEN'],
    ]);
    expect(JSON.parse(lines[0]!.detail)).toMatchObject({ chart: 'kinds', origin: 'https://portal.example.vn' });
  });
});

describe('withdrawing a published snapshot', () => {
  const publish = async (p: Person | null, label: string) => {
    const init = { method: 'POST', headers: json, body: JSON.stringify({ chart: 'kinds', label }) };
    const res = p ? await as(p, '/api/v1/snapshots', init) : await api('http://local/api/v1/snapshots', init);
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const listed = async (p: Person | null) => {
    const res = p ? await as(p, '/api/v1/snapshots') : await api('http://local/api/v1/snapshots');
    expect(res.status).toBe(200);
    return ((await res.json()) as { snapshots: { id: string; status: string; data?: unknown; label: string }[] })
      .snapshots;
  };
  const withdraw = (p: Person | null, id: string) =>
    p
      ? as(p, `/api/v1/snapshots/${id}`, { method: 'DELETE' })
      : api(`http://local/api/v1/snapshots/${id}`, { method: 'DELETE' });
  const stored = (id: string) =>
    env.DB.prepare('SELECT data, withdrawn_at, withdrawn_by FROM snapshots WHERE id = ?')
      .bind(id)
      .first<{ data: string; withdrawn_at: string | null; withdrawn_by: string | null }>();
  const auditOf = async (id: string) =>
    (
      await env.DB.prepare('SELECT action, actor FROM audit_log WHERE target = ? ORDER BY id')
        .bind(id)
        .all<{ action: string; actor: string }>()
    ).results;

  it(
    'the publisher lists theirs (without figures) and withdraws one: its ' +
      'URL then answers 410 and its figures are gone',
    async () => {
      const mine = await publish(analyst, 'Báo cáo sơ kết 6 tháng');
      const other = await person('analyst', null, '-other');
      const theirs = await publish(other, 'Của người khác');

      const list = await listed(analyst);
      expect(list.map((s) => s.id)).toContain(mine);
      expect(list.map((s) => s.id)).not.toContain(theirs);
      expect(list.find((s) => s.id === mine)).toMatchObject({ status: 'published', label: 'Báo cáo sơ kết 6 tháng' });
      expect(list.find((s) => s.id === mine)!.data).toBeUndefined();

      // read once before: no cached copy may outlive the withdrawal
      expect((await anonymous(`http://local/api/v1/snapshots/${mine}`)).status).toBe(200);
      expect((await listed(analyst)).find((s) => s.id === mine)!.status).toBe('published');
      // another analyst can neither see nor withdraw it; nothing changes
      expect((await withdraw(other, mine)).status).toBe(404);
      expect(await stored(mine)).toMatchObject({ withdrawn_at: null });

      const res = await withdraw(analyst, mine);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        id: mine,
        status: 'withdrawn',
        withdrawn_by: expect.stringMatching(new RegExp(`^${analyst.email}`)),
      });
      const row = (await stored(mine))!;
      expect(row.data).toBe('null');
      const publicView = await anonymous(`http://local/api/v1/snapshots/${mine}`);
      expect(publicView.status).toBe(410);
      expect((await listed(analyst)).find((s) => s.id === mine)!.status).toBe('withdrawn');
      const body = (await publicView.json()) as Record<string, unknown>;
      expect(body.error).toMatch(/withdrawn on \d{4}-\d{2}-\d{2}/);
      expect(body.data).toBeUndefined();
      expect(JSON.stringify(body)).not.toMatch(/rows|total/);

      // again: nothing more happens, and the log has one line
      expect((await withdraw(analyst, mine)).status).toBe(200);
      expect((await stored(mine))!.withdrawn_at).toBe(row.withdrawn_at);
      expect((await auditOf(mine)).map((a) => a.action)).toEqual(['snapshot_publish', 'snapshot_withdraw']);
      expect((await anonymous(`http://local/api/v1/snapshots/${theirs}`)).status).toBe(200);
    },
  );

  it('refuses a malformed id with a 400 naming it, and changes nothing', async () => {
    const id = await publish(analyst, 'Không bị gỡ');
    const before = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM snapshots WHERE withdrawn_at IS NOT NULL',
    ).first<number>('n');
    const audit = await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log').first<number>('n');
    const res = await withdraw(analyst, 'x'.repeat(65));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ parameter: 'id' });
    expect(
      await env.DB.prepare('SELECT COUNT(*) AS n FROM snapshots WHERE withdrawn_at IS NOT NULL').first<number>('n'),
    ).toBe(before);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log').first<number>('n')).toBe(audit);
    expect(await stored(id)).toMatchObject({ withdrawn_at: null });
  });

  it('an admin sees every snapshot and may withdraw any; a viewer may do neither', async () => {
    const id = await publish(analyst, 'Để quản trị gỡ');
    const viewer = await person('viewer', null, '-snapshots');
    expect((await as(viewer, '/api/v1/snapshots')).status).toBe(403);
    expect((await withdraw(viewer, id)).status).toBe(403);
    expect((await anonymous(`http://local/api/v1/snapshots/${id}`, { method: 'DELETE' })).status).toBe(401);
    expect(await stored(id)).toMatchObject({ withdrawn_at: null });

    expect((await listed(null)).map((s) => s.id)).toContain(id);
    expect((await withdraw(null, id)).status).toBe(200);
    expect(await auditOf(id)).toEqual([
      { action: 'snapshot_publish', actor: expect.stringMatching(new RegExp(`^${analyst.email}`)) },
      { action: 'snapshot_withdraw', actor: 'ADMIN_TOKEN' },
    ]);
    expect((await anonymous(`http://local/api/v1/snapshots/${id}`)).status).toBe(410);
  });
});
