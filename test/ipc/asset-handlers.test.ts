import { describe, expect, it } from 'vitest';
import type { InvokeDispatcher } from '../../main/ipc/bridge-types.js';
import { ipcHarnessPerTest } from '../support/ipc-harness.js';
import { draft, type Harness } from '../support/core-harness.js';

let h: Harness;
let dispatch: InvokeDispatcher;
ipcHarnessPerTest((started) => ({ h, dispatch } = started));

const value = <T>(result: unknown) => (result as { value: T }).value;

describe('credential assets over IPC', () => {
  it('creates, lists (never the value), uses as a client secret, refuses deleting while used', async () => {
    const created = await dispatch('assets:create', { folderId: 'shared', name: 'BYO secret', source: { kind: 'stored', value: 'demo-byo-secret-0123' } });
    expect(created.ok).toBe(true);
    const asset = value<{ id: string }>(created);
    const listed = await dispatch('assets:list', { folderId: 'shared' });
    expect(JSON.stringify(listed)).not.toContain('demo-byo-secret-0123');

    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const begun = await dispatch('connections:begin-authorization', { ...draft({ authType: 'byo', clientId: 'demo-byo-app' }), clientSecretAssetId: asset.id });
    expect(begun.ok).toBe(true);
    expect((await h.finished(value<{ attemptId: string }>(begun).attemptId)).phase).toBe('connected');

    const refused = await dispatch('assets:delete', { assetId: asset.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ASSET_IN_USE', message: expect.stringContaining('Team docs') } });
    expect(value<Array<{ usedBy: unknown[] }>>(await dispatch('assets:list', { folderId: 'shared' }))[0]?.usedBy).toHaveLength(1);
  });

  it('a BYO draft needs a typed secret or an asset, not both', async () => {
    const both = await dispatch('connections:begin-authorization', { ...draft({ authType: 'byo', clientId: 'x', clientSecret: 'y' }), clientSecretAssetId: 'asset-1' });
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const neither = await dispatch('connections:begin-authorization', { ...draft({ authType: 'byo', clientId: 'x' }) });
    expect(neither).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses an environment variable name that is not one', async () => {
    const bad = await dispatch('assets:create', { folderId: 'shared', name: 'Env', source: { kind: 'env', variable: 'NOT A NAME' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
