import { describe, expect, it } from 'vitest';
import { secretContext } from '../../main/core/services/client-credentials.js';
import type { InvokeDispatcher } from '../../main/ipc/bridge-types.js';
import type { BackupPreviewDto, ResponseOf } from '../../preload/contract.js';
import { ipcHarnessPerTest } from '../support/ipc-harness.js';
import { draft, type Harness } from '../support/core-harness.js';

const PASSPHRASE = 'lantern-orchid-gravel-novel';
const BYO_SECRET = 'demo-byo-secret-0123';
/** Each export and preview runs scrypt at age's default cost (about a second here). */
const SLOW = { timeout: 90_000 };

let h: Harness;
let dispatch: InvokeDispatcher;
ipcHarnessPerTest((started) => ({ h, dispatch } = started));

function value<T>(result: unknown): T {
  expect(result).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}

/** A BYO connection in Shared whose client secret is a stored credential asset; returns its id. */
async function connectionUsingAsset(): Promise<string> {
  const asset = value<{ id: string }>(await dispatch('assets:create', { folderId: 'shared', name: 'BYO secret', source: { kind: 'stored', value: BYO_SECRET } }));
  h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
  const begun = value<{ attemptId: string }>(await dispatch('connections:begin-authorization', { ...draft({ authType: 'byo', clientId: 'demo-byo-app' }), clientSecretAssetId: asset.id }));
  const done = await h.finished(begun.attemptId);
  expect(done.phase).toBe('connected');
  return done.connection!.id;
}

function tokensOf(connectionId: string): string[] {
  const record = h.store.getConnection(connectionId);
  return [h.ctx.vault.unseal(record.tokens.access, secretContext.accessToken(connectionId)), h.ctx.vault.unseal(record.tokens.refresh!, secretContext.refreshToken(connectionId))];
}

describe('backups over IPC', SLOW, () => {
  it('exports as base64 age, previews without secrets, imports the previewed backup once', async () => {
    const connectionId = await connectionUsingAsset();
    const secrets = [BYO_SECRET, ...tokensOf(connectionId)];

    const exported = value<ResponseOf<'backup:export'>>(await dispatch('backup:export', { scope: { kind: 'folder', folderId: 'shared' }, passphrase: PASSPHRASE }));
    expect(exported.fileName).toMatch(/^connectdesk-shared-\d{4}-\d{2}-\d{2}\.age$/);
    expect(exported.counts).toEqual({ folders: 1, connections: 1, assets: 1 });
    const file = Buffer.from(exported.data, 'base64').toString('latin1');
    expect(file.startsWith('age-encryption.org/v1\n-> scrypt ')).toBe(true);
    for (const secret of secrets) expect(file).not.toContain(secret);

    expect(await dispatch('backup:preview', { data: exported.data, passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNREADABLE', message: 'The passphrase does not open this backup.' } });
    const previewed = await dispatch('backup:preview', { data: exported.data, passphrase: PASSPHRASE });
    for (const secret of secrets) expect(JSON.stringify(previewed)).not.toContain(secret);
    const preview = value<BackupPreviewDto>(previewed);
    expect(preview).toMatchObject({ createdBy: { app: 'ConnectDesk', version: '1.0.0' }, scope: { kind: 'folder', folderId: 'shared', folderName: 'Shared' } });
    expect(preview.connections).toEqual([expect.objectContaining({ id: connectionId, name: 'Team docs', authType: 'byo', siteUrl: expect.stringMatching(/^https?:/) })]);
    expect(preview.conflicts.map((c) => c.kind).sort()).toEqual(['asset', 'connection']);

    value(await dispatch('connections:delete', { connectionId }));
    h.events.length = 0;
    const result = value<ResponseOf<'backup:import'>>(await dispatch('backup:import', { previewId: preview.previewId, conflicts: 'skip' }));
    expect(result).toMatchObject({ imported: 1, skipped: 0, assets: { skipped: 1 }, connectionIds: [connectionId] });
    expect(h.events).toContainEqual({ type: 'connections:changed', payload: { folderId: null } });
    expect(value<Array<{ id: string; status: string }>>(await dispatch('connections:list', { folderId: 'shared' }))).toEqual([expect.objectContaining({ id: connectionId, status: 'connected' })]);
    expect(tokensOf(connectionId)).toEqual(secrets.slice(1));

    expect(await dispatch('backup:import', { previewId: preview.previewId, conflicts: 'skip' })).toMatchObject({ ok: false, error: { code: 'BACKUP_PREVIEW_EXPIRED' } });
  });

  it('refuses a short export passphrase, a file that is not a backup, and forgets a discarded preview', async () => {
    expect(await dispatch('backup:export', { scope: { kind: 'all' }, passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'BACKUP_PASSPHRASE_TOO_SHORT' } });
    expect(await dispatch('backup:export', { scope: { kind: 'all' }, passphrase: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const notAge = Buffer.from('just some text\n').toString('base64');
    expect(await dispatch('backup:preview', { data: notAge, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNREADABLE' } });

    const exported = value<ResponseOf<'backup:export'>>(await dispatch('backup:export', { scope: { kind: 'all' }, passphrase: PASSPHRASE }));
    expect(exported.fileName).toMatch(/^connectdesk-backup-\d{4}-\d{2}-\d{2}\.age$/);
    const preview = value<BackupPreviewDto>(await dispatch('backup:preview', { data: exported.data, passphrase: PASSPHRASE }));
    expect(value(await dispatch('backup:discard', { previewId: preview.previewId }))).toEqual({ ok: true });
    expect(value(await dispatch('backup:discard', { previewId: 'gone-already' }))).toEqual({ ok: true });
    expect(await dispatch('backup:import', { previewId: preview.previewId, conflicts: 'replace' })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_PREVIEW_EXPIRED', remediation: expect.stringContaining('Choose the file again') },
    });
  });
});
