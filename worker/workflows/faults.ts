import type { Bindings } from '../env';

// Test only. With TEST_FAULTS = '1' (set in vitest.config.ts, never in wrangler.toml) a test
// steers a step through R2 objects it writes, at a point given by a count (records read, slices
// committed) held in the object:
//   test-faults/fail-<step>  the step fails once past that point, after the work done so far was
//                            written, as a lost connection would leave it (the marker goes first,
//                            so the retry runs normally);
//   test-faults/hold-<step>  the step waits there while the object exists (a cancel can come in).
// The failure comes through a binding the test controls; D1 itself is never replaced.
export async function fault(env: Bindings, step: 'read' | 'commit', at: number): Promise<void> {
  if (env.TEST_FAULTS !== '1') return;
  const past = async (key: string) => {
    const marker = await env.UPLOADS.get(key);
    return marker !== null && at >= Number(await marker.text());
  };
  if (await past(`test-faults/fail-${step}`)) {
    await env.UPLOADS.delete(`test-faults/fail-${step}`);
    throw new Error(`test fault injected in step ${step}`);
  }
  while (await past(`test-faults/hold-${step}`)) await new Promise((r) => setTimeout(r, 50));
}
