import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

// D1 read replication (docs/scaling.md): every API request runs its queries in one D1 session
// (Sessions API), so they are sequentially consistent wherever they are served. A read may start
// on any replica ('first-unconstrained'), but not on one older than the bookmark this browser was
// last given: an analyst who has just imported sees the import at once. A write starts on the
// primary ('first-primary'); its bookmark goes back in a cookie for the dashboard. Every answer
// carries its session's bookmark in the x-d1-bookmark header too, for scripts to send back.

export const BOOKMARK_COOKIE = 'thidua_d1_bookmark';
export const BOOKMARK_HEADER = 'x-d1-bookmark';
// an opaque token from D1 (sortable: newer bookmarks sort after older ones); anything else is ignored
const BOOKMARK = /^[A-Za-z0-9._:-]{1,256}$/;

// the import list and an upload's progress follow what the import Workflow writes outside any
// request's session: read on the primary, and their bookmark kept like a write's (once the page
// says the import is done, the next view counts it)
const PRIMARY_READS = /^\/api\/v1\/(imports|uploads)(\/|$)/;

export const d1Session = createMiddleware<AppEnv>(async (c, next) => {
  const read = (c.req.method === 'GET' || c.req.method === 'HEAD') && !PRIMARY_READS.test(c.req.path);
  const given = c.req.header(BOOKMARK_HEADER) ?? getCookie(c, BOOKMARK_COOKIE);
  const start = !read ? 'first-primary' : given && BOOKMARK.test(given) ? given : 'first-unconstrained';
  const session = c.env.DB.withSession(start);
  // the queries use prepare and batch only, which a session has (worker/db/run.ts)
  c.env = { ...c.env, DB: session as unknown as D1Database };
  await next();
  const bookmark = session.getBookmark();
  if (!bookmark) return;
  c.res.headers.set(BOOKMARK_HEADER, bookmark);
  // the cookie only after a write that went through: what a later read must not be older than
  // (a day is longer than any replica lags; Lax: it travels with the dashboard's own requests)
  if (!read && c.res.status < 400)
    setCookie(c, BOOKMARK_COOKIE, bookmark, {
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      path: '/api',
      maxAge: 86_400,
    });
});
