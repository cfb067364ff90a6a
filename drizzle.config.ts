import { defineConfig } from 'drizzle-kit';

// drizzle-kit writes plain SQL files into migrations/, the folder `wrangler d1 migrations apply`
// reads; the tests apply the very same files to their D1.
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/schema.ts',
  out: './migrations',
});
