import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { scopeKey } from '../auth/identity';
import { currentVersion } from '../queries/geography';

// Answers to reads change only when the data version does (every import and rollback bumps
// it). So the version is the ETag, and a response is kept in the edge cache (Cache API) under
// the normalised query plus the version: a repeated view costs one row read. Note: the Cache
// API is a no-op on *.workers.dev hostnames; it works on a custom domain.
const CACHE_HOST = 'https://thidua-cache.invalid';

// embed tokens and their data depend on revocation, snapshots on withdrawal, and accounts,
// tokens, the audit log, the import list, uploads' progress, targets and chart notes change without
// a new data version
const NOT_CACHED =
  /^\/api\/v1\/(embeds|embed-data|snapshots|auth|users|tokens|audit|imports|uploads|targets|annotations)(\/|$)/;

// Answers differ by the caller's role and scope, so both are part of the cache key and of the
// ETag: a shared browser must not revalidate one user's copy for another.
function normalisedKey(url: URL, version: number, who: string): string {
  const params = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  return `${CACHE_HOST}/v${version}/${encodeURIComponent(who)}${url.pathname}?${new URLSearchParams(params)}`;
}

export const versionCache = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET' || NOT_CACHED.test(c.req.path)) return next();
  const state = await currentVersion(c.env.DB, c.get('cost'));
  c.set('dataState', state);
  const { version } = state;
  const identity = c.get('identity');
  const who = identity ? scopeKey(identity) : 'public';
  const etag = `W/"v${version}-${encodeURIComponent(who)}"`;
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
  if (
    c.req
      .header('If-None-Match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  )
    return c.body(null, 304, headers);

  const key = new Request(normalisedKey(new URL(c.req.url), version, who));
  // the DOM lib's CacheStorage type hides the Workers one, which has .default
  const cache = typeof caches === 'undefined' ? undefined : (caches as unknown as { default: Cache }).default;
  // `X-Cache-Bypass: 1` recomputes the answer: the benchmark measures real query cost with it.
  // Admins only, so nobody else can make every request cost a full query.
  const bypass = c.req.header('X-Cache-Bypass') === '1' && identity?.role === 'admin';
  const hit = bypass ? undefined : await cache?.match(key);
  if (hit) {
    c.res = new Response(hit.body, { status: hit.status, headers: hit.headers });
    c.res.headers.set('X-Cache', 'HIT');
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
    return;
  }
  await next();
  if (c.res.status !== 200) return;
  for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
  c.res.headers.set('X-Cache', 'MISS');
  if (cache) {
    // the stored copy may live long: its key changes with the version
    const stored = new Response(c.res.clone().body, c.res);
    stored.headers.set('Cache-Control', 'public, max-age=86400');
    stored.headers.delete('X-Rows-Read');
    stored.headers.delete('Server-Timing');
    c.executionCtx.waitUntil(cache.put(key, stored));
  }
});
