// Prints "tests: N passed, N failed" from vitest's JSON report; exits 1 when nothing ran.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!existsSync(file)) {
  console.log('tests: 0 passed, 0 failed (no report: the test run did not start)');
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
process.exit(r.numTotalTests > 0 ? 0 : 1);
