import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// `npm run check:consistency`: asks a running server (URL, default http://127.0.0.1:8787) to
// recompute every award cuboid from the raw committed awards and compare; exits 1 on a mismatch.
const url = process.env.URL ?? `http://127.0.0.1:${process.env.PORT ?? '8787'}`;
// an editor's or admin's token: TOKEN, else ADMIN_TOKEN, else the one `npm start` keeps in DATA_DIR
const file = path.join(path.resolve(process.env.DATA_DIR ?? '.wrangler/state'), 'admin-token');
const token =
  process.env.TOKEN ?? process.env.ADMIN_TOKEN ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
const res = await fetch(`${url}/api/v1/imports/consistency`, { headers: { authorization: `Bearer ${token}` } });
if (res.status === 401 || res.status === 403) {
  console.error(`${res.status}: ${((await res.json()) as { error: string }).error}`);
  process.exit(2);
}
const body = (await res.json()) as { ok: boolean };
console.log(JSON.stringify(body, null, 2));
console.log(
  body.ok
    ? 'consistent: the award cube equals the raw committed awards'
    : 'MISMATCH between the award cube and the raw awards',
);
process.exit(body.ok ? 0 : 1);
