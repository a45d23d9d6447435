import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssetService, assetValueContext, resolveAssetValue } from '../../main/core/assets/asset-service.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import { sampleRecord } from '../support/sample-record.js';

const ENV_NAME = 'CD_TEST_ASSET_SERVICE_SECRET';

async function open(dir = mkdtempSync(join(tmpdir(), 'cd-assets-'))) {
  const store = new ConnectionStore(openJsonDocumentFile(dir));
  const vault = await SecretVault.open(store, new DevelopmentKeyProtector());
  return { dir, store, vault, assets: new AssetService({ store, vault }) };
}

let t: Awaited<ReturnType<typeof open>>;
beforeEach(async () => {
  t = await open();
});
afterEach(() => {
  delete process.env[ENV_NAME];
  vi.restoreAllMocks();
});

describe('credential assets (store and service)', () => {
  it('creates the three kinds; a stored value is sealed with its own context and never written in clear', async () => {
    const stored = await t.assets.create({ folderId: 'shared', name: 'Prod secret', description: 'BYO app', source: { kind: 'stored', value: 'sv-0123456789' } });
    const keychain = await t.assets.create({ folderId: 'shared', name: 'Keychain secret', source: { kind: 'keychain', service: ' connectdesk ', account: 'prod' } });
    const env = await t.assets.create({ folderId: 'shared', name: 'Env secret', source: { kind: 'env', variable: ENV_NAME } });
    expect(stored).toMatchObject({ kind: 'stored', reference: null, description: 'BYO app', usedBy: [] });
    expect(keychain.reference).toEqual({ service: 'connectdesk', account: 'prod' });
    expect(env.reference).toEqual({ variable: ENV_NAME });

    expect(readFileSync(t.store.path, 'utf8')).not.toContain('sv-0123456789');
    const record = t.store.findAsset(stored.id);
    expect(record?.kind).toBe('stored');
    if (record?.kind !== 'stored') throw new Error('unreachable');
    expect(t.vault.unseal(record.value, assetValueContext(stored.id))).toBe('sv-0123456789');
    expect(() => t.vault.unseal(record.value, assetValueContext('another-asset'))).toThrow();

    // Survives reopening the store.
    const reopened = await open(t.dir);
    expect(reopened.assets.list('shared').map((a) => a.name)).toEqual(['Env secret', 'Keychain secret', 'Prod secret']);
    expect(resolveAssetValue(reopened, stored.id)).toBe('sv-0123456789');
  });

  it('names are unique per folder, case-insensitively, on create and rename', async () => {
    const team = await t.store.createFolder('Team', null);
    const first = await t.assets.create({ folderId: 'shared', name: 'Prod secret', source: { kind: 'env', variable: 'A' } });
    await expect(t.assets.create({ folderId: 'shared', name: ' prod SECRET ', source: { kind: 'env', variable: 'B' } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already exists in this folder'),
    });
    // The same name in another folder is fine.
    await t.assets.create({ folderId: team.id, name: 'Prod secret', source: { kind: 'env', variable: 'C' } });
    const second = await t.assets.create({ folderId: 'shared', name: 'Other', source: { kind: 'env', variable: 'D' } });
    await expect(t.assets.update(second.id, { name: 'PROD secret' })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Renaming to itself (another case) is allowed.
    expect((await t.assets.update(first.id, { name: 'PROD SECRET' })).name).toBe('PROD SECRET');
    expect(t.assets.list('shared')).toHaveLength(2);
    expect(t.assets.list(team.id)).toHaveLength(1);
  });

  it('validates input and the folder', async () => {
    const bad = [
      { folderId: 'shared', name: '  ', source: { kind: 'env', variable: 'A' } },
      { folderId: 'shared', name: 'x', source: { kind: 'env', variable: '1BAD' } },
      { folderId: 'shared', name: 'x', source: { kind: 'stored', value: '' } },
      { folderId: 'shared', name: 'x', source: { kind: 'keychain', service: 'svc', account: ' ' } },
    ] as const;
    for (const input of bad) await expect(t.assets.create(input)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(t.assets.create({ folderId: 'missing', name: 'x', source: { kind: 'env', variable: 'A' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(t.store.listAssets()).toHaveLength(0);
  });

  it('listing never decrypts or resolves anything', async () => {
    await t.assets.create({ folderId: 'shared', name: 'Stored', source: { kind: 'stored', value: 'sv-1' } });
    await t.assets.create({ folderId: 'shared', name: 'Env', source: { kind: 'env', variable: ENV_NAME } });
    const unseal = vi.spyOn(t.vault, 'unseal');
    const listed = t.assets.list('shared');
    t.assets.get(listed[0]!.id);
    (await open(t.dir)).assets.list('shared');
    expect(unseal).not.toHaveBeenCalled();
    expect(JSON.stringify(listed)).not.toContain('sv-1');
    expect(JSON.stringify(listed)).not.toMatch(/"ct"|"iv"/);
  });

  it('update replaces the value or the reference; resolution always reads the current one', async () => {
    const asset = await t.assets.create({ folderId: 'shared', name: 'Rotating', source: { kind: 'stored', value: 'one' } });
    expect(t.assets.resolve(asset.id)).toBe('one');
    await t.assets.update(asset.id, { source: { kind: 'stored', value: 'two' }, description: 'rotated' });
    expect(t.assets.resolve(asset.id)).toBe('two');
    process.env[ENV_NAME] = 'from-env';
    const switched = await t.assets.update(asset.id, { source: { kind: 'env', variable: ENV_NAME } });
    expect(switched).toMatchObject({ kind: 'env', description: 'rotated', name: 'Rotating' });
    expect(t.store.findAsset(asset.id)).not.toHaveProperty('value');
    expect(t.assets.resolve(asset.id)).toBe('from-env');
  });

  it('environment variable asset: resolves when set; unset or empty → ASSET_ENV_MISSING with the name and a fix', async () => {
    const asset = await t.assets.create({ folderId: 'shared', name: 'CI secret', source: { kind: 'env', variable: ENV_NAME } });
    for (const value of [undefined, '']) {
      if (value === undefined) delete process.env[ENV_NAME];
      else process.env[ENV_NAME] = value;
      let error: unknown;
      try {
        t.assets.resolve(asset.id);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'ASSET_ENV_MISSING', message: expect.stringContaining(ENV_NAME), remediation: expect.stringContaining(`Set ${ENV_NAME}`) });
      expect((error as Error).message).toContain('"CI secret"');
    }
    process.env[ENV_NAME] = 'now-set';
    expect(t.assets.resolve(asset.id)).toBe('now-set');
  });

  it('a missing asset → ASSET_NOT_FOUND; a stored value that does not decrypt → ASSET_UNREADABLE, nothing else lost', async () => {
    expect(() => resolveAssetValue(t, 'nope')).toThrow(expect.objectContaining({ code: 'ASSET_NOT_FOUND' }));
    const asset = await t.assets.create({ folderId: 'shared', name: 'Damaged', source: { kind: 'stored', value: 'sv-damaged' } });
    const other = await t.assets.create({ folderId: 'shared', name: 'Fine', source: { kind: 'stored', value: 'sv-fine' } });
    const doc = JSON.parse(readFileSync(t.store.path, 'utf8'));
    const target = doc.assets.find((a: { id: string }) => a.id === asset.id);
    target.value.ct = Buffer.from('tampered').toString('base64');
    writeFileSync(t.store.path, JSON.stringify(doc));
    const reopened = await open(t.dir);
    expect(() => reopened.assets.resolve(asset.id)).toThrow(expect.objectContaining({ code: 'ASSET_UNREADABLE', message: expect.stringContaining('"Damaged"') }));
    expect(reopened.assets.resolve(other.id)).toBe('sv-fine');
    expect(reopened.assets.list('shared')).toHaveLength(2);
  });

  it('delete is refused while connections use the asset, naming them; allowed once unused', async () => {
    const asset = await t.assets.create({ folderId: 'shared', name: 'Shared secret', source: { kind: 'env', variable: 'X' } });
    await t.store.saveConnection(sampleRecord({ id: 'c1', name: 'Team docs', authType: 'byo', clientSecretAssetId: asset.id }));
    await t.store.saveConnection(sampleRecord({ id: 'c2', name: 'Ops wiki', authType: 'byo', clientSecretAssetId: asset.id }));
    await t.store.saveConnection(sampleRecord({ id: 'c3', name: 'Unrelated' }));
    expect(t.assets.usedBy(asset.id).map((u) => u.name)).toEqual(['Team docs', 'Ops wiki']);
    expect(t.assets.list('shared')[0]?.usedBy.map((u) => u.connectionId)).toEqual(['c1', 'c2']);

    const refused = await t.assets.delete(asset.id).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'ASSET_IN_USE', message: expect.stringMatching(/used by 2 connections: "Team docs", "Ops wiki"/) });
    expect(t.store.findAsset(asset.id)).toBeDefined();

    await t.store.update((doc) => {
      doc.connections = doc.connections.filter((c) => c.id !== 'c1' && c.id !== 'c2');
    });
    await t.assets.delete(asset.id);
    expect(t.store.listAssets()).toHaveLength(0);
    await expect(t.assets.delete(asset.id)).rejects.toMatchObject({ code: 'ASSET_NOT_FOUND' });
  });

  it('a connection cannot be saved referring to an asset that does not exist', async () => {
    await expect(t.store.saveConnection(sampleRecord({ authType: 'byo', clientSecretAssetId: 'missing' }))).rejects.toMatchObject({ code: 'ASSET_NOT_FOUND' });
    expect(t.store.listConnections()).toHaveLength(0);
  });

  it('a version-2 file written before assets existed reads with no assets, and the next write adds the collection', async () => {
    const doc = JSON.parse(readFileSync(t.store.path, 'utf8'));
    delete doc.assets;
    doc.connections = [sampleRecord()];
    writeFileSync(t.store.path, JSON.stringify(doc));
    const reopened = await open(t.dir);
    expect(reopened.store.listAssets()).toEqual([]);
    expect(reopened.store.getConnection('c1').clientSecretAssetId ?? null).toBeNull();
    await reopened.assets.create({ folderId: 'shared', name: 'New', source: { kind: 'env', variable: 'A' } });
    expect(JSON.parse(readFileSync(t.store.path, 'utf8')).assets).toHaveLength(1);
    expect(reopened.store.listConnections()).toHaveLength(1);
  });
});

describe('credential assets and folder deletion', () => {
  it('move-to-parent moves a folder’s assets along (renamed on a clash); delete removes them unless used elsewhere', async () => {
    const { deleteFolder } = await import('../../main/core/services/folder-management.js');
    const team = await t.store.createFolder('Team', null);
    await t.assets.create({ folderId: 'shared', name: 'Token', source: { kind: 'env', variable: 'X_TOKEN' } });
    await t.assets.create({ folderId: team.id, name: 'Token', source: { kind: 'env', variable: 'Y_TOKEN' } });
    await deleteFolder(t.store, team.id, 'move-to-parent');
    expect(t.assets.list('shared').map((a) => a.name)).toEqual(['Token', 'Token (2)']);

    const other = await t.store.createFolder('Other', null);
    const used = await t.assets.create({ folderId: other.id, name: 'Used', source: { kind: 'stored', value: 'v' } });
    await t.store.saveConnection(sampleRecord({ id: 'c9', authType: 'byo', clientSecretAssetId: used.id }));
    await expect(deleteFolder(t.store, other.id, 'delete')).rejects.toMatchObject({ code: 'ASSET_IN_USE' });
    expect(t.assets.list(other.id)).toHaveLength(1);
  });
});
