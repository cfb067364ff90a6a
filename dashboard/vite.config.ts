import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { staticHeadersFile } from '../worker/security/pageHeaders.ts';

// Workers static assets read `_headers` from the assets directory: security headers (CSP
// without inline scripts, no framing) on the shell and every asset.
const securityHeaders = (): Plugin => ({
  name: 'thidua-security-headers',
  apply: 'build',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: '_headers', source: staticHeadersFile() });
  },
});

// Built to static assets that the Worker serves ([assets] in wrangler.toml).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [svelte(), securityHeaders()],
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
