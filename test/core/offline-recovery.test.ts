import { describe, expect, it } from 'vitest';
import { startOfflineRecovery } from '../../main/core/services/offline-recovery.js';
import type { TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { draft, type Harness } from '../support/core-harness.js';
import { harnessPerTest } from '../support/harness-per-test.js';

let sandbox: TestSandbox;
let h: Harness;
harnessPerTest((started) => ({ sandbox, h } = started));

async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('recovering by itself', () => {
  for (const [name, breakIt, fixIt, state] of [
    ['Offline', () => sandbox.control.setSwitches({ offline: true }), () => sandbox.control.setSwitches({ offline: false }), 'offline'],
    ['rate limited', () => sandbox.control.setSwitches({ api: 'rate-limited' }), () => sandbox.control.setSwitches({ api: 'normal' }), 'error'],
  ] as const) {
    it(`${name} → back to Connected without anyone clicking`, async () => {
      h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
      const id = (await h.finished(h.coordinator.begin(draft()).attemptId)).connection!.id;
      breakIt();
      await h.services.checker.check(id);
      expect(h.store.getConnection(id).status.state).toBe(state);
      const stop = startOfflineRecovery(h.ctx, h.services, 200);
      try {
        fixIt();
        await until(() => h.store.getConnection(id).status.state === 'connected');
      } finally {
        stop();
      }
    });
  }

  it('leaves Needs reconnect alone: only a person can fix it', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const id = (await h.finished(h.coordinator.begin(draft()).attemptId)).connection!.id;
    sandbox.control.revokeGrant();
    await h.services.checker.check(id);
    const requests = sandbox.control.tokenRequests().length;
    const stop = startOfflineRecovery(h.ctx, h.services, 100);
    await new Promise((r) => setTimeout(r, 500));
    stop();
    expect(h.store.getConnection(id).status.state).toBe('needs-reconnect');
    expect(sandbox.control.tokenRequests().length).toBe(requests);
  });

  it('tries nothing while paused (the secret store is locked), then recovers once unpaused', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const id = (await h.finished(h.coordinator.begin(draft()).attemptId)).connection!.id;
    sandbox.control.setSwitches({ offline: true });
    await h.services.checker.check(id);
    sandbox.control.setSwitches({ offline: false });
    const events = h.events.length;
    let paused = true;
    const stop = startOfflineRecovery(h.ctx, h.services, 100, { paused: () => paused });
    try {
      await new Promise((r) => setTimeout(r, 500));
      expect(h.store.getConnection(id).status.state).toBe('offline');
      expect(h.events.length).toBe(events);
      paused = false;
      await until(() => h.store.getConnection(id).status.state === 'connected');
    } finally {
      stop();
    }
  });
});
