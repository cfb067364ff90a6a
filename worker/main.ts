// The Worker's entry (wrangler.toml `main`): the app, the Cron Trigger's handler and the import
// Workflow's class, which Workflows finds among the entry's exports. The app itself (index.ts)
// stays importable in Node (scripts/openapi.ts), where there is no cloudflare:workers module.
import type { Bindings } from './env';
import { scheduled } from './federation/cron';
import app from './index';

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>;
export { ImportWorkflow } from './workflows/import';
