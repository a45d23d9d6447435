import { describe, expect, it } from 'vitest';
import type { InvokeDispatcher } from '../../main/ipc/bridge-types.js';
import type { ConnectionDiagnosticsDto } from '../../preload/contract.js';
import type { TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { draft, type Harness } from '../support/core-harness.js';
import { codesOf, leakedIn, recordCallbacks, signIn, tokensOf } from '../support/diagnostics-helpers.js';
import { ipcHarnessPerTest } from '../support/ipc-harness.js';

let sandbox: TestSandbox;
let h: Harness;
let dispatch: InvokeDispatcher;
ipcHarnessPerTest((started) => ({ sandbox, h, dispatch } = started));

async function diagnostics(connectionId: string): Promise<ConnectionDiagnosticsDto> {
  const answer = await dispatch('diagnostics:get', { connectionId });
  if (!answer.ok) throw new Error(`diagnostics:get failed: ${answer.error.code}`);
  return answer.value as ConnectionDiagnosticsDto;
}

describe("'diagnostics:get' through the dispatcher", () => {
  it('answers a valid diagnostics object naming the cause and the fix, with no secret in it', async () => {
    const callbacks = recordCallbacks(h);
    sandbox.control.setSwitches({ grantFewerScopes: ['write:confluence-content'] });
    const { connectionId } = await signIn(h, draft());
    expect((await dispatch('connections:check', { connectionId })).ok).toBe(true);

    const d = await diagnostics(connectionId);
    expect(d.connection.id).toBe(connectionId);
    expect(d.verdict).toMatchObject({ healthy: false, cause: { code: 'SCOPE_MISSING', remediation: expect.any(String) } });
    expect(d.verdict.headline).toContain('Update: creating and editing pages fails');
    expect(d.scopes.missing.map((m) => m.scope)).toEqual(['write:confluence-content']);
    expect(d.lastCheck?.ok).toBe(false);
    expect(d.events.map((e) => e.type)).toEqual(['checked', 'call-failed', 'refreshed', 'created']);
    // The contract's shape only: the journal's own fields stay in main.
    expect(d.traces.every((t) => !('connectionId' in t))).toBe(true);
    expect(d.events.every((e) => !('attemptId' in e) && !('connectionId' in e))).toBe(true);
    expect(leakedIn(d, { 'client secret': [sandbox.managedApp.clientSecret], codes: codesOf(callbacks), tokens: tokensOf(h, connectionId) })).toEqual([]);
  });

  it('an unknown connection: NOT_FOUND with its fix; a bad request: VALIDATION_FAILED', async () => {
    expect(await dispatch('diagnostics:get', { connectionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', remediation: expect.any(String) } });
    expect(await dispatch('diagnostics:get', { connectionId: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('renaming, moving and deleting through IPC are in the history', async () => {
    const { connectionId } = await signIn(h, draft());
    const team = await h.store.createFolder('Team', null);
    await dispatch('connections:update', { connectionId, name: 'Wiki', description: '' });
    await dispatch('connections:move', { connectionId, folderId: team.id });
    const d = await diagnostics(connectionId);
    expect(d.events.map((e) => e.type)).toEqual(['moved', 'renamed', 'created']);
    await dispatch('connections:delete', { connectionId });
    expect(h.ctx.journal!.events(connectionId).at(-1)).toMatchObject({ type: 'deleted' });
  });
});
