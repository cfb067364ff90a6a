// `npm run sign-in-link`: a fresh one-click sign-in link for a running `npm start` (the one it
// printed lasts 24 h). Reads the same ADMIN_TOKEN: from the environment or DATA_DIR/admin-token.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { signInLink } from './lib/signInLink.ts';

const dataDir = path.resolve(process.env.DATA_DIR ?? '.wrangler/state');
const file = path.join(dataDir, 'admin-token');
const token = process.env.ADMIN_TOKEN ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
if (!token) {
  console.error(`No ADMIN_TOKEN in the environment and no ${file}: run npm start first.`);
  process.exit(1);
}
console.log(await signInLink(`http://127.0.0.1:${process.env.PORT ?? '8787'}`, token));
