// `npm run bench:check-names`: the parse and check of an awards CSV (POST …?dry_run=1, nothing
// written) with codes and with Vietnamese headers and names (the same list), side by side, on
// `npm start` (DEMO=0, a temporary DATA_DIR, a free port). ROWS (default 200,000) sets the size;
// each file is sent twice and the faster run is kept, since other jobs share the machine.
import { createReadStream, mkdtempSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startServer } from '../../test/e2e/server.ts';
import { importGeography, writeAwards } from './awardsCsv.ts';

const ROWS = Number(process.env.ROWS ?? 200_000);
const TOKEN = 'bench-token';
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-names-'));
const server = await startServer({ DEMO: '0', ADMIN_TOKEN: TOKEN });
const auth = { authorization: `Bearer ${TOKEN}` };

async function dryRun(file: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/v1/imports/awards?dry_run=1`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const body = (await res.json()) as { batch?: { rows: number } };
  if (res.status !== 200 || body.batch?.rows !== ROWS)
    throw new Error(`dry run refused: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return (performance.now() - started) / 1000;
}

try {
  await importGeography(server.api);
  const rates: Record<string, number> = {};
  for (const names of [false, true]) {
    const file = path.join(dir, names ? 'names.csv' : 'codes.csv');
    await writeAwards(file, ROWS, undefined, names);
    const seconds = Math.min(await dryRun(file), await dryRun(file));
    rates[names ? 'names' : 'codes'] = ROWS / seconds;
    console.log(
      `${names ? 'names' : 'codes'}: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${seconds.toFixed(2)} s, ` +
        `${Math.round(ROWS / seconds).toLocaleString('en')} rows/s (load ${loadavg()[0].toFixed(2)})`,
    );
  }
  console.log(`names / codes: ${(rates.names / rates.codes).toFixed(2)}`);
} finally {
  await server.stop();
}
