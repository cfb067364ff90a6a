// Initial-JavaScript budget, gzipped: the entry chunk with everything it imports statically,
// and (stricter) what the first screen needs, the entry plus the page it lands on with that
// page's chunks (chart.js comes with the first chart page). Both must stay within 150 kB.
// Reads Vite's build manifest.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/dashboard';
const BUDGET = 150 * 1000;
const manifest = JSON.parse(readFileSync(`${DIST}/.vite/manifest.json`, 'utf8'));

const gz = (file) => gzipSync(readFileSync(`${DIST}/${file}`), { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

/** A chunk and its static imports, transitively, as a set of files. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const size = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((a, f) => a + gz(f), 0);

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const initial = closure(entryKey);
const initialJs = size(initial);
console.log(`initial JS (entry + static imports), gzipped: ${kb(initialJs)} of ${kb(BUDGET)}`);
let firstScreen = initialJs;
for (const key of manifest[entryKey].dynamicImports ?? []) {
  const added = size([...closure(key)].filter((f) => !initial.has(f)));
  firstScreen = Math.max(firstScreen, initialJs + added);
  console.log(`  landing on ${manifest[key].name ?? key}: +${kb(added)} = ${kb(initialJs + added)}`);
}
console.log(`largest first screen, gzipped: ${kb(firstScreen)} of ${kb(BUDGET)}`);
if (firstScreen > BUDGET) {
  console.error(`JavaScript for the first screen (${kb(firstScreen)}) exceeds the ${kb(BUDGET)} budget`);
  process.exit(1);
}
