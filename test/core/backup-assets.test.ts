import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decrypter } from 'age-encryption';
import { exportBackup } from '../../main/core/backup/backup-export.js';
import { importBackup, previewBackup } from '../../main/core/backup/backup-import.js';
import {
  PASSPHRASE,
  SECRETS,
  addAsset,
  addConnection,
  allBytes,
  copyWorkspace,
  openWorkspace,
  readAssetValue,
  readSecrets,
  removeTempDirs,
  seededWorkspace,
} from './backup-fixtures.js';

/**
 * Credential assets travel with a backup: a stored asset's value in clear inside the age file (and
 * sealed anew on import), keychain and environment assets as references. Connections using an
 * asset keep pointing at it, under whatever id it ends up with.
 */
const ASSET_VALUE = 'asset-value-3e7f1b9d2c';
let source: Awaited<ReturnType<typeof seededWorkspace>>;
let all: Uint8Array;

beforeAll(async () => {
  source = await seededWorkspace();
  await addAsset(source, { id: 'asset-team', folderId: source.teamId, name: 'Team app secret', kind: 'stored', value: ASSET_VALUE });
  await addAsset(source, { id: 'asset-env', folderId: 'shared', name: 'CI secret', kind: 'env', variable: 'CONNECTDESK_CI_SECRET' });
  await addConnection(source, { id: 'conn-asset', name: 'Via asset', folderId: source.designId, authType: 'byo', clientSecretAssetId: 'asset-team' }, { access: 'at-asset-42aa' });
  all = await exportBackup(source.store, source.vault, { scope: { kind: 'all' }, passphrase: PASSPHRASE });
}, 90_000);
afterAll(removeTempDirs);

describe('backup of credential assets', { timeout: 90_000 }, () => {
  it('exports assets encrypted, previews them without values, and restores them into another vault', async () => {
    expect(Buffer.from(all).toString('latin1')).not.toContain(ASSET_VALUE);
    const d = new Decrypter();
    d.addPassphrase(PASSPHRASE);
    expect(await d.decrypt(all, 'text')).toContain(ASSET_VALUE);

    const target = await openWorkspace();
    const preview = await previewBackup(target.store, all, PASSPHRASE);
    expect(preview.assets).toEqual(
      expect.arrayContaining([
        { id: 'asset-team', name: 'Team app secret', folderId: source.teamId, kind: 'stored' },
        { id: 'asset-env', name: 'CI secret', folderId: 'shared', kind: 'env' },
      ]),
    );
    expect(JSON.stringify(preview)).not.toContain(ASSET_VALUE);

    const result = await importBackup(target.store, target.vault, all, PASSPHRASE, { conflicts: 'skip' });
    expect(result.assets).toEqual({ imported: 2, skipped: 0, replaced: 0 });
    expect(readAssetValue(target, 'asset-team')).toBe(ASSET_VALUE);
    expect(target.store.findAsset('asset-env')).toMatchObject({ kind: 'env', variable: 'CONNECTDESK_CI_SECRET' });
    expect(target.store.getConnection('conn-asset')).toMatchObject({ clientSecret: null, clientSecretAssetId: 'asset-team', status: { state: 'connected' } });
    expect(readSecrets(target, 'conn-asset')).toEqual({ access: 'at-asset-42aa' });
    expect(allBytes(target.dir)).not.toContain(ASSET_VALUE);
  });

  it('keep-both copies a clashing asset under a new id and name, and the imported connections use the copy', async () => {
    const ws = await copyWorkspace(source);
    const result = await importBackup(ws.store, ws.vault, all, PASSPHRASE, { conflicts: 'keep-both' });
    expect(result.assets).toEqual({ imported: 2, skipped: 0, replaced: 0 });
    const copy = ws.store.listAssets().find((a) => a.name === 'Team app secret (imported)')!;
    expect(copy.id).not.toBe('asset-team');
    expect(readAssetValue(ws, copy.id)).toBe(ASSET_VALUE);
    const connectionCopy = ws.store.listConnections().find((c) => c.name === 'Via asset (imported)')!;
    expect(connectionCopy.clientSecretAssetId).toBe(copy.id);
    expect(ws.store.getConnection('conn-asset').clientSecretAssetId).toBe('asset-team');
  });

  it('a folder backup whose connection uses an asset outside the folder: kept where that asset exists, else Needs reconnect', async () => {
    const design = await exportBackup(source.store, source.vault, { scope: { kind: 'folder', folderId: source.designId }, passphrase: PASSPHRASE });
    const elsewhere = await openWorkspace();
    await importBackup(elsewhere.store, elsewhere.vault, design, PASSPHRASE, { conflicts: 'skip' });
    expect(elsewhere.store.listAssets()).toEqual([]);
    expect(elsewhere.store.getConnection('conn-asset')).toMatchObject({ clientSecretAssetId: null, status: { state: 'needs-reconnect', reason: { code: 'ASSET_NOT_FOUND' } } });
    expect(readSecrets(elsewhere, 'conn-design')).toEqual(SECRETS.design);

    const home = await copyWorkspace(source);
    await importBackup(home.store, home.vault, design, PASSPHRASE, { conflicts: 'keep-both' });
    const copy = home.store.listConnections().find((c) => c.name === 'Via asset (imported)')!;
    expect(copy).toMatchObject({ clientSecretAssetId: 'asset-team', status: { state: 'connected' } });
  });
});
