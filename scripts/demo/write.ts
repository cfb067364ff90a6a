// `npm run demo:sql [file]`: writes the demo dataset as one SQL script.
import { writeFileSync } from 'node:fs';
import { generateDemo } from './index.ts';
import { demoToSql } from './toSql.ts';

const target = process.argv[2] ?? '.wrangler/demo.sql';
writeFileSync(target, demoToSql(generateDemo()).join('\n'));
console.log(`wrote ${target}`);
