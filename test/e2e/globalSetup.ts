import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where startServer keeps the data directories it prepares once per run (test/e2e/server.ts). */
    e2eTemplates: string;
  }
}

export default function setup(project: TestProject) {
  const root = mkdtempSync(path.join(tmpdir(), 'thidua-e2e-templates-'));
  project.provide('e2eTemplates', root);
  return () => rmSync(root, { recursive: true, force: true });
}
