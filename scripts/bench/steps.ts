// Benchmark-only: what the D1 calls recorded by the bench entry's binding (timedD1.ts) say,
// grouped by their statements, slowest first.

export interface Timing {
  at: number;
  ms: number;
  sql: string[];
  /** rows_written (absent from an older bench entry) */
  written?: number;
}
const pct = (xs: number[], p: number) =>
  xs.length ? xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] : NaN;

/** The D1 calls of the writer (not the readers' SELECTs), grouped by their statements. */
export function printSteps(name: string, ts: Timing[]) {
  const writes = ts.filter((t) => t.sql.some((s) => !/^SELECT/i.test(s)));
  const groups = new Map<string, number[]>();
  const written = new Map<string, number>();
  // when each group's calls began and ended: which phases ran one after another, which overlapped
  const span = new Map<string, [number, number]>();
  for (const t of writes) {
    const key = t.sql.map((s) => s.slice(0, 60)).join(' ; ');
    groups.set(key, [...(groups.get(key) ?? []), t.ms]);
    written.set(key, (written.get(key) ?? 0) + (t.written ?? 0));
    const [from, to] = span.get(key) ?? [t.at, t.at + t.ms];
    span.set(key, [Math.min(from, t.at), Math.max(to, t.at + t.ms)]);
  }
  console.log(`${name}: ${writes.length} writer calls, ${ts.length - writes.length} reads`);
  // the calls over a second, any kind, in the Worker's clock from the phase's first call
  const t0 = ts.length ? Math.min(...ts.map((t) => t.at)) : 0;
  for (const t of ts.filter((t) => t.ms > 1000).sort((a, b) => a.at - b.at))
    console.log(`  +${((t.at - t0) / 1000).toFixed(1)} s: ${t.ms.toFixed(0)} ms ${t.sql.join(' ; ').slice(0, 110)}`);
  const seconds = (at: number[]) => at.map((x) => ((x - t0) / 1000).toFixed(1)).join(', ');
  const total = writes.reduce((s, t) => s + (t.written ?? 0), 0);
  console.log(`rows written: ${total.toLocaleString('en')} in all`);
  console.log('| statements (first line of each) | calls | total s | p50 ms | max ms | rows written | from, to s |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [key, ms] of [...groups].sort((a, b) => Math.max(...b[1]) - Math.max(...a[1])).slice(0, 12))
    console.log(
      `| ${key.slice(0, 240)} | ${ms.length} | ${(ms.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} | ` +
        `${pct(ms, 50).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ` +
        `${(written.get(key) ?? 0).toLocaleString('en')} | ${seconds(span.get(key)!)} |`,
    );
}
