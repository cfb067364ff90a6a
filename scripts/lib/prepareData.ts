import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemo } from '../demo/index.ts';
import { demoToSql } from '../demo/toSql.ts';
import { wrangler } from './run.ts';

// What `npm start` does to a data directory before it serves it: the deploy migrations, then the
// demo into an empty database. The end-to-end tests prepare one demo directory this way per run
// and copy it for each test file (loading the demo took about 30 s of every start).

const persist = (dataDir: string) => ['--local', '--persist-to', dataDir];

export async function migrate(dataDir: string): Promise<void> {
  await wrangler(['d1', 'migrations', 'apply', 'DB', ...persist(dataDir)], { quiet: true });
}

/** Clears the address failure counts (locally every client is one address) and counts the batches. */
export async function resetFailuresAndCountBatches(dataDir: string): Promise<number> {
  const out = await wrangler(
    [
      'd1',
      'execute',
      'DB',
      ...persist(dataDir),
      '--json',
      '--command',
      'DELETE FROM auth_failures; SELECT COUNT(*) AS n FROM import_batches',
    ],
    { capture: true },
  );
  return (JSON.parse(out) as { results: { n?: number }[] }[]).at(-1)!.results[0]!.n as number;
}

/** Loads the demo into a migrated, empty database; the seconds it took. */
export async function loadDemo(dataDir: string): Promise<number> {
  const started = Date.now();
  const file = path.join(dataDir, 'demo.sql');
  writeFileSync(file, demoToSql(generateDemo()).join('\n'));
  await wrangler(['d1', 'execute', 'DB', ...persist(dataDir), '--file', file, '--yes'], { quiet: true });
  return (Date.now() - started) / 1000;
}
