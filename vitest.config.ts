import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { exportJWK, generateKeyPair } from 'jose';
import { defineConfig } from 'vitest/config';

// Cloudflare Access in the worker tests: a key pair made for this run; the worker fetches the
// public half from the team's certs URL (answered here, as Cloudflare would), and the tests sign
// Access JWTs with the private half (and forge others with keys they make themselves).
const ACCESS_TEAM = 'https://thidua-test.cloudflareaccess.com';
const accessKeys = await generateKeyPair('RS256', { extractable: true });
const accessKid = 'test-access-key';
const accessPublic = { ...(await exportJWK(accessKeys.publicKey)), kid: accessKid, alg: 'RS256', use: 'sig' };
const accessPrivate = { ...(await exportJWK(accessKeys.privateKey)), kid: accessKid, alg: 'RS256' };

// Two suites: the worker's, inside the real workerd runtime against a local D1 migrated with
// the same files `wrangler d1 migrations apply` deploys; and the end-to-end one, in Node,
// driving `npm start` and Debian's Chromium.
export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    // Two files at a time, whatever their project: vitest's default on 2 cores is one worker,
    // which ran the 63 files one after another (30 min, mostly waiting on `npm start` and
    // workerd); a file that disables parallelism would also be put in a group run on its own.
    maxWorkers: 2,
    projects: [
      {
        // pure modules (registry, parsers, dates, as_of, the CSV splitter): plain Node, no workerd
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // the federation tests: a national and a second province beside the province in DB
              d1Databases: ['DB_NATIONAL', 'DB_PROVINCE_B'],
              bindings: {
                ADMIN_TOKEN: 'test-admin-token-7Qm2xWv9Lk4Rt8Zp3Hs6Jd1N',
                SIGN_IN_SECRET: 'test-sign-in-secret-Xk29Vq7LmB3wRz8T5nHc',
                ACCESS_TEAM_DOMAIN: ACCESS_TEAM,
                ACCESS_AUD: 'test-access-aud',
                TEST_ACCESS_PRIVATE_JWK: JSON.stringify(accessPrivate),
                EMBED_SECRET: 'test-embed-secret-0123456789abcdef',
                // lets a test make an import Workflow step fail once or wait (worker/workflows/faults.ts)
                TEST_FAULTS: '1',
                TEST_MIGRATIONS: await readD1Migrations('./migrations'),
              },
              outboundService: (request: Request) => {
                if (request.url === `${ACCESS_TEAM}/cdn-cgi/access/certs`)
                  return Response.json({ keys: [accessPublic] });
                return new Response('no network in tests', { status: 502 });
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          setupFiles: ['./test/worker/setup.ts'],
          // a guard against a hang, not a speed check: vitest's 5 s default failed imports of a
          // few thousand rows when the machine's 2 cores were shared (9.5 s for a 4 s test)
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // one prepared demo directory per run, copied for each file's `npm start`
          globalSetup: ['./test/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // what a page shows after a click can take seconds while another file's server and
          // Chromium share the 2 cores; vitest's default of 1 s failed a back/forward check
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
