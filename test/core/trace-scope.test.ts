import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { currentTraceScope, runForConnection, runInTraceScope } from '../../main/core/diagnostics/trace-scope.js';

describe('trace scope', () => {
  it('is absent outside a scope, and follows the work across awaits, timers and promise chains', async () => {
    expect(currentTraceScope()).toBeNull();
    const seen = await runInTraceScope({ connectionId: 'c1', attemptId: null, operation: 'check' }, async () => {
      const before = currentTraceScope();
      await sleep(5);
      const afterTimer = currentTraceScope();
      const inChain = await Promise.resolve().then(() => currentTraceScope());
      const inCallback = await new Promise((resolve) => setImmediate(() => resolve(currentTraceScope())));
      return [before, afterTimer, inChain, inCallback];
    });
    for (const scope of seen) expect(scope).toEqual({ connectionId: 'c1', attemptId: null, operation: 'check' });
    expect(currentTraceScope()).toBeNull();
  });

  it('keeps concurrent scopes apart', async () => {
    const run = (attemptId: string, delay: number) =>
      runInTraceScope({ connectionId: null, attemptId, operation: 'authorize' }, async () => {
        await sleep(delay);
        return currentTraceScope()?.attemptId;
      });
    expect(await Promise.all([run('a1', 15), run('a2', 1), run('a3', 8)])).toEqual(['a1', 'a2', 'a3']);
  });

  it('a call for the same connection stays part of the enclosing operation; another connection gets its own scope', async () => {
    await runInTraceScope({ connectionId: 'c1', attemptId: null, operation: 'check' }, async () => {
      expect(await runForConnection('c1', 'api', async () => currentTraceScope())).toEqual({ connectionId: 'c1', attemptId: null, operation: 'check' });
      expect(await runForConnection('c2', 'api', async () => currentTraceScope())).toEqual({ connectionId: 'c2', attemptId: null, operation: 'api' });
      // Back in the check once the inner scope ended.
      expect(currentTraceScope()?.operation).toBe('check');
    });
    expect(runForConnection('c3', 'token-refresh', () => currentTraceScope())).toEqual({ connectionId: 'c3', attemptId: null, operation: 'token-refresh' });
  });
});
