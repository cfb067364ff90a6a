// Benchmark-only: a D1 binding that records how long each call takes (a statement, or a batch
// with the first line of each of its statements), so that bench:lifecycle can say which steps
// of a commit or rollback hold the database. The deployed Worker never wraps its binding.

export interface Timing {
  /** When the call started, ms since the isolate's origin. */
  at: number;
  ms: number;
  /** The first line of each statement, up to 90 characters. */
  sql: string[];
  /** D1's rows_written of the call (triggers' writes included). */
  written: number;
}

export const timings: Timing[] = [];
const sqlOf = new WeakMap<object, string>();
const head = (s: string) => s.split('\n')[0].slice(0, 90);

const writtenBy = (r: unknown): number =>
  Array.isArray(r)
    ? r.reduce((s: number, x) => s + writtenBy(x), 0)
    : ((r as { meta?: { rows_written?: number } } | null)?.meta?.rows_written ?? 0);

async function timed<T>(sql: string[], run: () => Promise<T>): Promise<T> {
  const at = performance.now();
  let written = 0;
  try {
    const r = await run();
    written = writtenBy(r);
    return r;
  } finally {
    // workerd's clock only advances across I/O, which every D1 call is
    timings.push({ at, ms: performance.now() - at, sql, written });
  }
}

function wrapStatement(s: D1PreparedStatement, text: string): D1PreparedStatement {
  const w: D1PreparedStatement = Object.create(s);
  sqlOf.set(w, text);
  w.bind = (...values: unknown[]) => wrapStatement(s.bind(...values), text);
  w.all = ((...a: []) => timed([head(text)], () => s.all(...a))) as D1PreparedStatement['all'];
  w.first = ((...a: [string]) => timed([head(text)], () => s.first(...a))) as D1PreparedStatement['first'];
  w.run = ((...a: []) => timed([head(text)], () => s.run(...a))) as D1PreparedStatement['run'];
  w.raw = ((...a: []) => timed([head(text)], () => s.raw(...a))) as D1PreparedStatement['raw'];
  return w;
}

// a database or a D1 session (Sessions API): both run prepare and batch, which are what is timed
function wrapCalls<T extends D1Database | D1DatabaseSession>(db: T): T {
  const w: T = Object.create(db);
  w.prepare = (query: string) => wrapStatement(db.prepare(query), query);
  w.batch = ((statements: D1PreparedStatement[]) =>
    timed(
      statements.map((s) => head(sqlOf.get(s) ?? '?')),
      () => db.batch(statements.map((s) => Object.getPrototypeOf(s) as D1PreparedStatement)),
    )) as T['batch'];
  return w;
}

export function timedD1(db: D1Database): D1Database {
  const w = wrapCalls(db);
  // the binding's and the session's own methods read private fields, so called on a wrapper they
  // would throw: the Worker opens a session per request (worker/middleware/d1Session.ts)
  w.withSession = (constraint) => {
    const session = db.withSession(constraint);
    const ws = wrapCalls(session);
    ws.getBookmark = () => session.getBookmark();
    return ws;
  };
  return w;
}
