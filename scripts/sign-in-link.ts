// `npm run sign-in-link`: a fresh one-click sign-in link for a running `npm start` (the one it
// printed opens one session and lasts 24 h). Signs with the SIGN_IN_SECRET the server runs with:
// from the environment or DATA_DIR/sign-in-secret.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { signInLink } from './lib/signInLink.ts';

const dataDir = path.resolve(process.env.DATA_DIR ?? '.wrangler/state');
const file = path.join(dataDir, 'sign-in-secret');
const secret = process.env.SIGN_IN_SECRET ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
if (!secret) {
  console.error(`No SIGN_IN_SECRET in the environment and no ${file}: run npm start first.`);
  process.exit(1);
}
console.log(await signInLink(`http://127.0.0.1:${process.env.PORT ?? '8787'}`, secret));
