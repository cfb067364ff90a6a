import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import app from '../../worker/index';
import { BOOKMARK_COOKIE, BOOKMARK_HEADER } from '../../worker/middleware/d1Session';
import { ADMIN_TOKEN } from './auth';
import { freshDatabase, PROVINCE_P } from './federation-fixture';

beforeAll(() => freshDatabase(env.DB, PROVINCE_P));

// D1 read replication through the Sessions API (worker/middleware/d1Session.ts): each request one
// session, a read starting anywhere no older than the browser's bookmark, a write on the primary,
// the bookmark back in a cookie. The local runtime has no replicas (every session is served by the
// primary), so what is tested is that the right constraint reaches the real binding and the
// bookmark makes its round trip; that a read after an import sees it is true here by construction.

/** The real binding, with every withSession call noted. */
function watchedDb() {
  const calls: string[] = [];
  const db = new Proxy(env.DB, {
    get(target, key) {
      if (key === 'withSession')
        return (start: string) => {
          calls.push(start);
          return target.withSession(start);
        };
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { calls, db };
}

async function request(db: D1Database, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${ADMIN_TOKEN}`);
  headers.set('X-Cache-Bypass', '1');
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://local/api/v1${path}`, { ...init, headers }), { ...env, DB: db }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${BOOKMARK_COOKIE}=`))
    ?.split(';')[0]
    .slice(BOOKMARK_COOKIE.length + 1);

describe('D1 sessions: read replicas with a bookmark', () => {
  it('a read starts anywhere, answers its bookmark in a header (no cookie); the next read starts from it', async () => {
    const { calls, db } = watchedDb();
    const first = await request(db, '/awards/summary?group_by=year');
    expect(first.status).toBe(200);
    const bookmark = first.headers.get(BOOKMARK_HEADER);
    expect(bookmark).toBeTruthy();
    expect(cookieOf(first)).toBeUndefined();
    await request(db, '/awards/summary?group_by=year', { headers: { cookie: `${BOOKMARK_COOKIE}=${bookmark}` } });
    await request(db, '/meta', { headers: { [BOOKMARK_HEADER]: bookmark! } });
    expect(calls).toEqual(['first-unconstrained', bookmark, bookmark]);
  });

  it('an import goes to the primary, and a read with its bookmark counts it at once', async () => {
    const { calls, db } = watchedDb();
    const before = await request(db, '/awards/summary?from=2025&to=2025');
    const total = ((await before.json()) as { total: number }).total;
    const imported = await request(db, '/imports/awards?filename=moi.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: `${BOOKMARK_COOKIE}=${before.headers.get(BOOKMARK_HEADER)}` },
      body: 'year,award_code,unit_code,recipient_kind,quantity\n2025,LDTT,C1,individual,3\n',
    });
    expect(imported.status).toBe(201);
    const bookmark = cookieOf(imported)!;
    expect(bookmark).toBe(imported.headers.get(BOOKMARK_HEADER));
    const attributes = imported.headers.getSetCookie().find((c) => c.startsWith(BOOKMARK_COOKIE))!;
    expect(attributes).toMatch(/HttpOnly/);
    expect(attributes).toMatch(/SameSite=Lax/);
    expect(attributes).toMatch(/Path=\/api/);
    // bookmarks sort by the database state they stand for
    expect(bookmark >= before.headers.get(BOOKMARK_HEADER)!).toBe(true);
    const after = await request(db, '/awards/summary?from=2025&to=2025', {
      headers: { cookie: `${BOOKMARK_COOKIE}=${bookmark}` },
    });
    expect(((await after.json()) as { total: number }).total).toBe(total + 3);
    expect(calls).toEqual(['first-unconstrained', 'first-primary', bookmark]);
  });

  it('a bookmark that is not one is ignored: the read starts anywhere and still answers', async () => {
    const { calls, db } = watchedDb();
    const res = await request(db, '/meta', { headers: { cookie: `${BOOKMARK_COOKIE}=x%27%20OR%201%3D1` } });
    expect(res.status).toBe(200);
    expect(calls).toEqual(['first-unconstrained']);
  });

  it('the import list (what the import Workflow writes) is read on the primary, its bookmark kept', async () => {
    const { calls, db } = watchedDb();
    const res = await request(db, '/imports');
    expect(res.status).toBe(200);
    expect(calls).toEqual(['first-primary']);
    expect(cookieOf(res)).toBe(res.headers.get(BOOKMARK_HEADER));
  });

  it('a write refused sets no cookie (nothing was written to wait for)', async () => {
    const { db } = watchedDb();
    const res = await request(db, '/imports/awards?filename=x.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'year,award_code,unit_code,recipient_kind,quantity\n2025,LDTT,KHONG_CO,individual,1\n',
    });
    expect(res.status).toBe(422);
    expect(cookieOf(res)).toBeUndefined();
  });
});
