import { afterEach, beforeEach } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, type Harness } from './core-harness.js';

export interface SandboxHarness {
  sandbox: TestSandbox;
  h: Harness;
}

/**
 * Gives every test of the file a fresh sandbox and a harness on it, and closes the sandbox after
 * the test. `use` receives them before each test, to put in the file's own variables.
 * Not in core-harness.ts: scripts/bench loads that outside vitest, where there is no beforeEach.
 */
export function harnessPerTest(use: (started: SandboxHarness) => void): void {
  let sandbox: TestSandbox | undefined;
  beforeEach(async () => {
    sandbox = await startTestSandbox();
    use({ sandbox, h: await createHarness(sandbox) });
  });
  afterEach(() => sandbox?.close());
}
