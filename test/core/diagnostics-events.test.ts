import { describe, expect, it } from 'vitest';
import { deleteConnection, editConnection, moveConnection } from '../../main/core/services/connection-management.js';
import type { TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { draft, type Harness } from '../support/core-harness.js';
import { harnessPerTest } from '../support/harness-per-test.js';
import { signIn } from '../support/diagnostics-helpers.js';

let sandbox: TestSandbox;
let h: Harness;
harnessPerTest((started) => ({ sandbox, h } = started));

/** "type outcome [code]" of each event, oldest first. */
const history = (connectionId: string) =>
  h.ctx.journal!.events(connectionId).map((e) => [e.type, e.outcome, e.error?.code].filter(Boolean).join(' '));

describe('events recorded by the services', () => {
  it('sign-in: created (with its attempt); reconnect: reconnected; a failed reconnect: signed-in failed with its code', async () => {
    const { attemptId, connectionId } = await signIn(h, draft());
    const [created] = h.ctx.journal!.events(connectionId);
    expect(created).toMatchObject({ type: 'created', outcome: 'ok', attemptId, detail: expect.stringMatching(/site https?:\/\/.+, 6 of 6 requested scopes granted/) });

    const again = await signIn(h, draft({ reconnectConnectionId: connectionId }));
    h.authorizer.script = { kind: 'close' };
    await h.finished(h.coordinator.begin(draft({ reconnectConnectionId: connectionId })).attemptId);

    expect(history(connectionId)).toEqual(['created ok', 'reconnected ok', 'signed-in failed OAUTH_WINDOW_CLOSED']);
    expect(h.ctx.journal!.events(connectionId)[1]!.attemptId).toBe(again.attemptId);
  });

  it('a new connection whose sign-in fails leaves no connection history, but its attempt is traced', async () => {
    h.authorizer.script = { kind: 'close' };
    const { attemptId } = h.coordinator.begin(draft());
    await h.finished(attemptId);
    expect(h.ctx.journal!.traces({ attemptId }).map((t) => [t.operation, t.networkError])).toContainEqual([
      'authorize',
      expect.stringContaining('closed'),
    ]);
  });

  it('refresh: refreshed; then a revoked grant: refresh-failed and call-failed once, however often it is used', async () => {
    const { connectionId } = await signIn(h, draft());
    sandbox.clock.advance(2 * 60 * 60_000);
    await h.services.api.accessibleResources(connectionId);
    expect(h.ctx.journal!.events(connectionId).at(-1)).toMatchObject({ type: 'refreshed', detail: expect.stringContaining('rotated') });

    sandbox.control.revokeGrant();
    sandbox.clock.advance(2 * 60 * 60_000);
    for (let n = 0; n < 3; n++) await expect(h.services.api.accessibleResources(connectionId)).rejects.toMatchObject({ code: 'ATLASSIAN_INVALID_GRANT' });

    expect(history(connectionId)).toEqual(['created ok', 'refreshed ok', 'refresh-failed failed ATLASSIAN_INVALID_GRANT', 'call-failed failed ATLASSIAN_INVALID_GRANT']);
    expect(h.ctx.journal!.events(connectionId).at(-1)!.detail).toBe('GET accessible-resources');
  });

  it('check: checked with "n of m steps passed" and the steps as the last check', async () => {
    const { connectionId } = await signIn(h, draft());
    await h.services.checker.check(connectionId);
    expect(h.ctx.journal!.events(connectionId).at(-1)).toMatchObject({ type: 'checked', outcome: 'ok', detail: '7 of 7 steps passed' });
    expect(h.ctx.journal!.lastCheck(connectionId)).toMatchObject({ ok: true, missingScopes: [], steps: expect.arrayContaining([expect.objectContaining({ name: 'Search', outcome: 'passed' })]) });

    sandbox.control.setSwitches({ api: 'server-error' });
    await h.services.checker.check(connectionId);
    expect(h.ctx.journal!.events(connectionId).at(-1)).toMatchObject({
      type: 'checked',
      outcome: 'failed',
      error: { code: 'ATLASSIAN_SERVER_ERROR' },
      detail: '0 of 1 steps passed (6 skipped)',
    });
    const failed = h.ctx.journal!.lastCheck(connectionId)!;
    expect(failed.ok).toBe(false);
    expect(failed.steps[0]).toMatchObject({ name: 'Access token usable', outcome: 'failed', error: { code: 'ATLASSIAN_SERVER_ERROR' } });
  });

  it('an API call that fails: call-failed with the call', async () => {
    sandbox.control.setSwitches({ grantFewerScopes: ['search:confluence'] });
    const { connectionId } = await signIn(h, draft());
    await expect(h.services.api.confluence(connectionId, 'wiki/rest/api/search?cql=type%3Dpage', { neededScope: 'search:confluence' })).rejects.toThrow();
    expect(h.ctx.journal!.events(connectionId).at(-1)).toMatchObject({ type: 'call-failed', error: { code: 'SCOPE_MISSING' }, detail: 'GET wiki/rest/api/search' });
  });

  it('rename, move and delete', async () => {
    const { connectionId } = await signIn(h, draft());
    const team = await h.store.createFolder('Team', null);
    await editConnection(h.store, connectionId, { name: 'Team docs', description: 'same name: no event' }, new Date(), h.ctx);
    await editConnection(h.store, connectionId, { name: 'Wiki', description: '' }, new Date(), h.ctx);
    await moveConnection(h.store, connectionId, team.id, h.ctx);
    await deleteConnection(h.store, connectionId, h.ctx);
    expect(h.ctx.journal!.events(connectionId).slice(1).map((e) => [e.type, e.detail])).toEqual([
      ['renamed', '"Team docs" → "Wiki"'],
      ['moved', 'from "Shared" to "Team"'],
      ['deleted', '"Wiki"'],
    ]);
  });
});
