import { describe, expect, it } from 'vitest';
import { handlerRegistry } from '../../main/ipc/handler-registry.js';
import type { InvokeDispatcher } from '../../main/ipc/bridge-types.js';
import { secretContext } from '../../main/core/services/client-credentials.js';
import { invokeChannels, type AuthProgressDto } from '../../preload/contract.js';
import { ipcHarnessPerTest } from '../support/ipc-harness.js';
import { draft, type Harness } from '../support/core-harness.js';

let h: Harness;
let dispatch: InvokeDispatcher;
ipcHarnessPerTest((started) => ({ h, dispatch } = started));

describe('invoke dispatcher (the one path from renderer to core)', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlerRegistry).sort()).toEqual([...invokeChannels].sort());
  });

  it('rejects invalid requests with VALIDATION_FAILED and a message for the user', async () => {
    const result = await dispatch('folders:create', { name: '   ', parentId: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Enter a folder name' } });
    const extra = await dispatch('folders:list', { sneaky: true });
    expect(extra.ok).toBe(false);
    const byo = await dispatch('connections:begin-authorization', { ...draft(), authType: 'byo' });
    expect(byo).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('answers known failures as values with code, message and remediation', async () => {
    const result = await dispatch('connections:check', { connectionId: 'missing' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', remediation: expect.any(String) } });
  });

  it('never hands a token or client secret to the renderer, in answers or events', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const begun = await dispatch('connections:begin-authorization', { ...draft(), authType: 'byo', clientId: 'demo-byo-app', clientSecret: 'demo-byo-secret-0123' });
    expect(begun.ok).toBe(true);
    const attemptId = (begun as { value: { attemptId: string } }).value.attemptId;
    await h.finished(attemptId);
    const record = h.store.listConnections()[0]!;
    const secrets = [
      'demo-byo-secret-0123',
      h.ctx.vault.unseal(record.tokens.access, secretContext.accessToken(record.id)),
      h.ctx.vault.unseal(record.tokens.refresh!, secretContext.refreshToken(record.id)),
      record.tokens.access.ct,
    ];
    const answers = [
      await dispatch('connections:list', { folderId: 'shared' }),
      await dispatch('folders:list', {}),
      await dispatch('connections:check', { connectionId: record.id }),
      await dispatch('app:get-info', {}),
    ];
    const wire = JSON.stringify([answers, h.events]);
    for (const secret of secrets) expect(wire).not.toContain(secret);
    const listed = (answers[0] as { value: Array<Record<string, unknown>> }).value[0]!;
    expect(listed.clientIdMasked).toBe('••••-app');
    expect(listed).not.toHaveProperty('tokens');
    expect(listed).not.toHaveProperty('clientSecret');
    const progress = h.events.filter((e) => e.type === 'auth:progress').map((e) => e.payload as AuthProgressDto);
    expect(progress.at(-1)?.phase).toBe('connected');
  });

  it('creation context tells the callback URL to register and whether a managed app exists', async () => {
    const result = await dispatch('connections:creation-context', { connectorId: 'confluence-cloud' });
    expect(result.ok).toBe(true);
    const value = (result as { value: { callbackUrl: string; managedApp: { available: boolean }; connector: { scopes: Array<{ scope: string; default: boolean }> } } }).value;
    expect(value.callbackUrl).toBe('http://localhost:47615/oauth/callback');
    expect(value.managedApp.available).toBe(true);
    expect(value.connector.scopes.filter((s) => s.default).map((s) => s.scope)).toEqual([
      'write:confluence-file',
      'read:confluence-space.summary',
      'write:confluence-content',
      'read:confluence-content.summary',
      'search:confluence',
      'offline_access',
    ]);
  });
});
