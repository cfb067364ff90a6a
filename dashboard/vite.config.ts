import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built to static assets that the Worker serves ([assets] in wrangler.toml).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    reportCompressedSize: true,
    // read by scripts/check-bundle.mjs for the initial-JS budget
    manifest: true,
  },
  server: {
    // `npm run dev:ui`: Vite with hot reload, API from a running `npm start`.
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
