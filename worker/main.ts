// The Worker's entry (wrangler.toml `main`): the app and the import Workflow's class, which
// Workflows finds among the entry's exports. The app itself (index.ts) stays importable in Node
// (scripts/openapi.ts), where there is no cloudflare:workers module.
export { default } from './index';
export { ImportWorkflow } from './workflows/import';
