import type { Bindings } from '../env';

// Test only. With TEST_FAULTS = '1' (set in vitest.config.ts, never in wrangler.toml) a step fails
// once where an R2 object `test-faults/<step>` asks for it: after the work done so far was
// written, as a lost connection would leave it. The marker goes first, so the retry runs normally.
// This injects the failure through a binding the test controls; D1 itself is never replaced.
export async function fault(env: Bindings, step: 'read' | 'commit'): Promise<void> {
  if (env.TEST_FAULTS !== '1') return;
  const key = `test-faults/${step}`;
  if (!(await env.UPLOADS.head(key))) return;
  await env.UPLOADS.delete(key);
  throw new Error(`test fault injected in step ${step}`);
}
