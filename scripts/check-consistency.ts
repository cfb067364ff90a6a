export {};
// `npm run check:consistency`: asks a running server (URL, default http://127.0.0.1:8787) to
// recompute every award cuboid from the raw committed awards and compare; exits 1 on a mismatch.
const url = process.env.URL ?? `http://127.0.0.1:${process.env.PORT ?? '8787'}`;
const res = await fetch(`${url}/api/v1/imports/consistency`);
const body = (await res.json()) as { ok: boolean };
console.log(JSON.stringify(body, null, 2));
console.log(body.ok ? 'consistent: the award cube equals the raw committed awards' : 'MISMATCH between the award cube and the raw awards');
process.exit(body.ok ? 0 : 1);
