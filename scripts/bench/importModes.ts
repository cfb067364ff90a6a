// BENCH_COMPARE=1 npm run bench:import: the same award list in codes and in names (Vietnamese
// headers, "UBND xã 5", "Lao động tiên tiến", "Cá nhân"), end to end in one run on one server,
// one after the other, each sent as the Dữ liệu page sends a file over 50 MB (CSV parts of at
// most 25 MB, then the commit) and rolled back before the next, with the load average beside
// each figure: on a shared machine the ratio says more than the rates.
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { splitCsv } from '../../dashboard/src/lib/data/split.ts';
import { writeAwards } from './awardsCsv.ts';

interface Bench {
  api: (p: string) => string;
  auth: Record<string, string>;
  dir: string;
  rows: number;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Sends a CSV in parts and commits it; the seconds from the first byte sent to the commit's answer. */
async function importInParts(b: Bench, file: string): Promise<{ seconds: number; batch: number; parts: number }> {
  const parts = splitCsv(new Uint8Array(readFileSync(file)), 25 * 1024 * 1024);
  const started = performance.now();
  let batch: number | undefined;
  for (const [i, p] of parts.entries()) {
    const q = `part=${i + 1}&first_row=${p.firstRow}${batch ? `&batch=${batch}` : ''}`;
    const res = await fetch(b.api(`/imports/awards?${q}&filename=${path.basename(file)}`), {
      method: 'POST',
      headers: { ...b.auth, 'content-type': 'text/csv' },
      body: new Blob([p.bytes as BlobPart]),
    });
    const body = (await res.json()) as { batch?: { id: number } };
    if (res.status !== 202) throw new Error(`part ${i + 1}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    batch = body.batch!.id;
  }
  const committed = await fetch(b.api(`/imports/${batch}/commit`), { method: 'POST', headers: b.auth });
  if (committed.status !== 201 && committed.status !== 200)
    throw new Error(`commit: ${committed.status} ${(await committed.text()).slice(0, 300)}`);
  return { seconds: (performance.now() - started) / 1000, batch: batch!, parts: parts.length };
}

export async function compareCodesAndNames(b: Bench): Promise<void> {
  const got: Record<string, { rate: number; mb: number; total: number }> = {};
  for (const mode of ['codes', 'names'] as const) {
    const file = path.join(b.dir, `${mode}.csv`);
    await writeAwards(file, b.rows, undefined, mode === 'names');
    const mb = statSync(file).size / 1e6;
    const before = load();
    const { seconds, batch, parts } = await importInParts(b, file);
    const total = ((await (await fetch(b.api('/awards/summary'), { headers: b.auth })).json()) as { total: number })
      .total;
    const check = (await (await fetch(b.api('/imports/consistency'), { headers: b.auth })).json()) as { ok: boolean };
    console.log(
      `${mode}: ${mb.toFixed(1)} MB in ${parts} parts + commit, ${seconds.toFixed(1)} s, ` +
        `${Math.round(b.rows / seconds).toLocaleString('en')} rows/s; total ${total}; ` +
        `consistency ${check.ok ? 'ok' : 'FAILED'}; load average before ${before}, after ${load()}`,
    );
    if (!check.ok) throw new Error('consistency check failed');
    got[mode] = { rate: b.rows / seconds, mb, total };
    const rb = await fetch(b.api(`/imports/${batch}`), { method: 'DELETE', headers: b.auth });
    if (rb.status !== 200) throw new Error(`rollback: ${rb.status}`);
  }
  if (got.names.total !== got.codes.total) throw new Error('names and codes did not count the same');
  console.log(
    `names / codes: ${(got.names.rate / got.codes.rate).toFixed(2)}× the rate, ` +
      `${(got.names.mb / got.codes.mb).toFixed(2)}× the bytes; the same total (${got.codes.total})`,
  );
}
