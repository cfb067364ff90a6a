// Biome's formatter keeps a long string or a long line of Svelte markup as it is, so the width it
// is set to (biome.json) is checked here over every tracked source file. Generated files are left out.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const WIDTH = JSON.parse(readFileSync('biome.json', 'utf8')).formatter.lineWidth;
const SOURCE = /\.(ts|js|mjs|svelte|css|html|svg|toml|sh|json)$/;
const GENERATED = ['worker/worker-configuration.d.ts', 'dashboard/src/lib/api-schema.d.ts', 'docs/openapi.json'];
const skip = (f) => GENERATED.includes(f) || f === 'package-lock.json' || f.startsWith('migrations/meta/');

const files = [
  ...new Set(
    execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => SOURCE.test(f) && !skip(f)),
  ),
];
const long = [];
for (const f of files) {
  let text;
  try {
    text = readFileSync(f, 'utf8');
  } catch {
    continue; // deleted in the work tree, still in the index
  }
  text.split('\n').forEach((line, i) => {
    const n = [...line].length; // characters, as the formatter counts them, not UTF-8 bytes
    if (n > WIDTH) long.push(`${f}:${i + 1}: ${n} characters`);
  });
}
if (long.length) {
  console.error(`${long.length} line(s) over ${WIDTH} characters:\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`line width: ${files.length} files, no line over ${WIDTH} characters`);
