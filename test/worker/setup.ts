import { applyD1Migrations, env } from 'cloudflare:test';

// The same migration files wrangler applies locally and in production.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
