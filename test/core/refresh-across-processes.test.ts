import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACK_URL, startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';

let sandbox: TestSandbox;
let h: Harness;
let connectionId: string;
const HOUR = 60 * 60_000;
const refreshRequests = () => sandbox.control.tokenRequests().filter((r) => r.grantType === 'refresh_token');

function worker(env: Record<string, string> = {}): Promise<{ exitCode: number | null; result: { ok: boolean; code?: string; status?: number } | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/refresh-worker.ts', h.dataDir, sandbox.url, connectionId, CALLBACK_URL], {
      env: { ...process.env, CONNECTDESK_TEST_NOW: String(sandbox.clock.now), ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (exitCode) => resolve({ exitCode, result: out ? JSON.parse(out) : null }));
  });
}

beforeEach(async () => {
  sandbox = await startTestSandbox();
  h = await createHarness(sandbox);
  h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
  connectionId = (await h.finished(h.coordinator.begin(draft()).attemptId)).connection!.id;
});
afterEach(() => sandbox.close());

describe('refresh across processes sharing one store', () => {
  it('two processes refreshing the same expired connection at once cause exactly one refresh request', async () => {
    sandbox.clock.advance(2 * HOUR);
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a.result).toEqual({ ok: true, status: 200 });
    expect(b.result).toEqual({ ok: true, status: 200 });
    expect(refreshRequests()).toHaveLength(1);
  }, 60_000);

  it('T5: dying right after the rotated token is saved loses nothing: the next process still refreshes', async () => {
    sandbox.clock.advance(2 * HOUR);
    const died = await worker({ CONNECTDESK_TEST_DIE_AFTER_SAVE: '1' });
    expect(died.exitCode).toBe(9);
    expect(died.result).toBeNull();
    // Far past the 10-minute reuse leeway: only the saved, rotated token can work now.
    sandbox.clock.advance(3 * HOUR);
    const next = await worker();
    expect(next.result).toEqual({ ok: true, status: 200 });
    expect(refreshRequests().map((r) => r.status)).toEqual([200, 200]);
  }, 60_000);
});
