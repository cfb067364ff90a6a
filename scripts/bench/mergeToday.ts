// `tsx scripts/bench/mergeToday.ts <copy of a national D1 file>`: what award_cube_today's triggers
// add to the merge of a batch into award_cube. A million of the file's own award rows become a new
// batch whose delta is built with the worker's statements (kept in the file: use a copy), then
// its merge (mergeDeltaSlice, 5,000 keys a step) is timed with the triggers following it (ready)
// and not (stale), alternating, each merge rolled back after it is timed (node:sqlite, no
// wrangler: the statements' own cost, without D1's round trips).
import { DatabaseSync } from 'node:sqlite';
import { loadavg } from 'node:os';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { mergeDeltaSlice } from '../../worker/queries/cube/refresh.ts';
import { expandSums, sumSlice } from '../../worker/queries/cube/sums.ts';

const db = new DatabaseSync(process.argv[2]);
const d = new SQLiteSyncDialect();
const exec = (q: Parameters<typeof d.sqlToQuery>[0]) => {
  const { sql, params } = d.sqlToQuery(q);
  return db.prepare(sql).run(...(params as never[]));
};
const B = 900001;
const n = (q: string) => (db.prepare(q).get() as { n: number }).n;
if (!n(`SELECT COUNT(*) n FROM award_cube_delta WHERE batch_id = ${B}`)) {
  const t = performance.now();
  db.exec(`INSERT INTO import_batches (id, dataset, format, content_hash, rows, created_by, created_at, status)
    VALUES (${B}, 'awards', 'csv', 'merge-bench', 1000000, 'bench', '2026-12-02', 'committing')`);
  // a million of the benchmark's own rows, in every year and all over the country
  db.exec(`INSERT INTO awards (batch_id, row_no, year, award_code, unit_id, recipient_kind, quantity, gender,
      recipient_class, method, ethnic_minority, movement_id, decision_no, decision_date)
    SELECT ${B}, row_no, year, award_code, unit_id, recipient_kind, quantity, gender, recipient_class, method,
      ethnic_minority, movement_id, decision_no, decision_date FROM awards WHERE id % 2 = 0 LIMIT 1000000`);
  const lo = n(`SELECT MIN(id) - 1 AS n FROM awards WHERE batch_id = ${B}`);
  const hi = n(`SELECT MAX(id) AS n FROM awards WHERE batch_id = ${B}`);
  db.exec('BEGIN');
  for (let a = lo; a < hi; a += 25000) exec(sumSlice(B, a, Math.min(a + 25000, hi)));
  exec(expandSums(B, 1, 0, Number.MAX_SAFE_INTEGER));
  db.exec('COMMIT');
  console.log(`delta built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const deltaRows = n(`SELECT COUNT(*) n FROM award_cube_delta WHERE batch_id = ${B}`);
// what the triggers write: one award_cube_today upsert per kernel entry of each merged key's unit
const todayUpserts = n(`SELECT SUM(c) n FROM award_cube_delta d JOIN (SELECT unit_id, COUNT(*) c FROM today_kernel
  GROUP BY unit_id) k ON k.unit_id = d.unit_id WHERE d.batch_id = ${B}`);
console.log(JSON.stringify({ deltaRows, todayUpserts }));
for (let round = 1; round <= 2; round++)
  for (const mode of round === 1 ? ['ready', 'stale'] : ['stale', 'ready']) {
    const load = loadavg()[0].toFixed(2);
    db.exec('BEGIN');
    if (mode === 'stale') db.exec(`UPDATE today_state SET cursor = -1`);
    const before = n('SELECT COUNT(*) n FROM award_cube_today');
    const t = performance.now();
    let slices = 0;
    let worst = 0;
    for (;;) {
      const s = performance.now();
      const res = mergeDeltaSlice(B, 5000).map(exec);
      worst = Math.max(worst, performance.now() - s);
      slices++;
      if (!res[2].changes) break;
    }
    const seconds = (performance.now() - t) / 1000;
    const after = n('SELECT COUNT(*) n FROM award_cube_today');
    db.exec('ROLLBACK');
    console.log(
      JSON.stringify({
        round,
        mode,
        seconds: +seconds.toFixed(1),
        slices,
        worstSliceMs: Math.round(worst),
        todayRowsAdded: after - before,
        loadBefore: load,
        loadAfter: loadavg()[0].toFixed(2),
      }),
    );
  }
