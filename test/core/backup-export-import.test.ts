import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../main/core/backup/backup-export.js';
import { importBackup, previewBackup } from '../../main/core/backup/backup-import.js';
import { isAppError } from '../../main/core/errors/app-error.js';
import { secretContext } from '../../main/core/services/client-credentials.js';
import { moveFolder } from '../../main/core/services/folder-management.js';
import {
  PASSPHRASE,
  SECRETS,
  addConnection,
  allBytes,
  allSecretValues,
  openWorkspace,
  readSecrets,
  removeTempDirs,
  seededWorkspace,
} from './backup-fixtures.js';

afterEach(removeTempDirs);

/** Every export and import runs scrypt at age's default cost (about a second each here): give slow CI room. */
const SLOW = { timeout: 90_000 };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}

async function decryptToJson(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const d = new Decrypter();
  d.addPassphrase(PASSPHRASE);
  return JSON.parse(await d.decrypt(bytes, 'text')) as Record<string, unknown>;
}

describe('backup export', SLOW, () => {
  it('writes an age passphrase file that holds none of the secrets (nor any name) in clear', async () => {
    const ws = await seededWorkspace();
    const bytes = await exportBackup(ws.store, ws.vault, { scope: { kind: 'all' }, passphrase: PASSPHRASE, appVersion: '1.2.3' });
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('age-encryption.org/v1\n-> scrypt ')).toBe(true);
    for (const secret of allSecretValues()) expect(text).not.toContain(secret);
    for (const name of ['Wiki', 'Team docs', 'Design', 'acme.atlassian.net']) expect(text).not.toContain(name);

    // Inside: secrets in clear (so another vault can seal them), never the vault's key slots.
    const payload = await decryptToJson(bytes);
    expect(payload).toMatchObject({ format: 'connectdesk-backup', formatVersion: 1, createdBy: { app: 'ConnectDesk', version: '1.2.3' }, scope: { kind: 'all' } });
    expect(JSON.stringify(payload)).toContain(SECRETS.wiki.refresh);
    expect(payload).not.toHaveProperty('vault');
    expect(JSON.stringify(payload)).not.toContain(ws.store.readSlots()[0]!.wrapped);
  });

  it('refuses a passphrase shorter than 12 characters', async () => {
    const ws = await openWorkspace();
    expect(await codeOf(exportBackup(ws.store, ws.vault, { scope: { kind: 'all' }, passphrase: 'short-pass1' }))).toBe('BACKUP_PASSPHRASE_TOO_SHORT');
  });

  it('exports one folder with its subfolders and their connections only', async () => {
    const ws = await seededWorkspace();
    const bytes = await exportBackup(ws.store, ws.vault, { scope: { kind: 'folder', folderId: ws.teamId }, passphrase: PASSPHRASE });
    const payload = (await decryptToJson(bytes)) as { scope: unknown; folders: Array<{ name: string }>; connections: Array<{ name: string }> };
    expect(payload.scope).toEqual({ kind: 'folder', folderId: ws.teamId, folderName: 'Team' });
    expect(payload.folders.map((f) => f.name).sort()).toEqual(['Design', 'Team']);
    expect(payload.connections.map((c) => c.name).sort()).toEqual(['Design', 'Team docs']);
    expect(JSON.stringify(payload)).not.toContain(SECRETS.wiki.clientSecret);
  });

  it('exports a connection whose secret cannot be decrypted as Needs reconnect, and the rest intact', async () => {
    const ws = await seededWorkspace();
    const broken = await addConnection(ws, { id: 'conn-broken', name: 'Broken', folderId: 'shared' }, { access: 'at-broken' });
    // Sealed for another connection: this vault cannot open it under conn-broken's context.
    await ws.store.saveConnection({ ...broken, tokens: { ...broken.tokens, access: ws.vault.seal('x', secretContext.accessToken('other')) } });
    const bytes = await exportBackup(ws.store, ws.vault, { scope: { kind: 'all' }, passphrase: PASSPHRASE });
    const target = await openWorkspace();
    await importBackup(target.store, target.vault, bytes, PASSPHRASE, { conflicts: 'skip' });
    expect(target.store.getConnection('conn-broken').status.state).toBe('needs-reconnect');
    expect(target.store.getConnection('conn-broken').status.reason?.code).toBe('SECRET_UNAVAILABLE');
    expect(readSecrets(target, 'conn-wiki')).toEqual(SECRETS.wiki);
  });

});

describe('backup preview and import', SLOW, () => {
  it('previews contents without secrets, and conflicts against the store', async () => {
    const ws = await seededWorkspace();
    const bytes = await exportBackup(ws.store, ws.vault, { scope: { kind: 'all' }, passphrase: PASSPHRASE });
    const empty = await openWorkspace();
    const fresh = await previewBackup(empty.store, bytes, PASSPHRASE);
    expect(fresh.connections.map((c) => c.name).sort()).toEqual(['Design', 'Team docs', 'Wiki']);
    expect(fresh.folders.map((f) => f.name).sort()).toEqual(['Design', 'Shared', 'Team']);
    expect(fresh.conflicts).toEqual([]);
    for (const secret of allSecretValues()) expect(JSON.stringify(fresh)).not.toContain(secret);

    await ws.store.updateConnection('conn-wiki', (c) => ({ ...c, name: 'Wiki (here)' }));
    const same = await previewBackup(ws.store, bytes, PASSPHRASE);
    expect(same.conflicts).toContainEqual({ kind: 'connection', id: 'conn-wiki', name: 'Wiki', existingName: 'Wiki (here)' });
    expect(same.conflicts.filter((c) => c.kind === 'connection')).toHaveLength(3);
    expect(same.conflicts.filter((c) => c.kind === 'folder')).toEqual([]);
  });

  it('imports into an empty store with another vault: every secret is sealed anew and unseals to the original', async () => {
    const source = await seededWorkspace();
    const bytes = await exportBackup(source.store, source.vault, { scope: { kind: 'all' }, passphrase: PASSPHRASE });
    const target = await openWorkspace();
    const slotsBefore = target.store.readSlots();

    const result = await importBackup(target.store, target.vault, bytes, PASSPHRASE, { conflicts: 'skip' });
    expect(result).toMatchObject({ imported: 3, skipped: 0, replaced: 0, renamed: 0, folders: { created: 2, merged: 1 } });
    expect(readSecrets(target, 'conn-wiki')).toEqual(SECRETS.wiki);
    expect(readSecrets(target, 'conn-team')).toEqual(SECRETS.team);
    expect(readSecrets(target, 'conn-design')).toEqual(SECRETS.design);
    // Sealed with the target's own data key: the source vault cannot open them, and the slots are untouched.
    expect(() => source.vault.unseal(target.store.getConnection('conn-team').tokens.refresh!, secretContext.refreshToken('conn-team'))).toThrow();
    expect(target.store.readSlots()).toEqual(slotsBefore);
    expect(target.store.listFolders().map((f) => f.name).sort()).toEqual(['Design', 'Shared', 'Team']);
    for (const secret of allSecretValues()) expect(allBytes(target.dir)).not.toContain(secret);
  });

  it('imports a folder-scoped backup with its subtree at the top level of a store that lacks its parent', async () => {
    const source = await seededWorkspace();
    const parent = await source.store.createFolder('Departments', null);
    await moveFolder(source.store, source.teamId, parent.id);
    const bytes = await exportBackup(source.store, source.vault, { scope: { kind: 'folder', folderId: source.teamId }, passphrase: PASSPHRASE });
    const target = await openWorkspace();
    const result = await importBackup(target.store, target.vault, bytes, PASSPHRASE, { conflicts: 'skip' });
    expect(result.imported).toBe(2);
    const team = target.store.listFolders().find((f) => f.name === 'Team');
    expect(team?.parentId).toBeNull();
    expect(target.store.listFolders().find((f) => f.name === 'Design')?.parentId).toBe(team?.id);
    expect(target.store.listConnections().map((c) => c.id).sort()).toEqual(['conn-design', 'conn-team']);
    expect(readSecrets(target, 'conn-design')).toEqual(SECRETS.design);
  });

  it('a wrong passphrase, a file that is not age, or a damaged file: BACKUP_UNREADABLE, and nothing changes', async () => {
    const source = await seededWorkspace();
    const bytes = await exportBackup(source.store, source.vault, { scope: { kind: 'all' }, passphrase: PASSPHRASE });
    const target = await openWorkspace();
    await target.store.createFolder('Existing', null);
    const storeFile = join(target.dir, 'connectdesk-store.json');
    const before = readFileSync(storeFile);

    const damaged = Uint8Array.from(bytes);
    damaged[damaged.length - 5]! ^= 0x01;
    const notAge = new TextEncoder().encode('{"format":"connectdesk-backup","secret":"plain"}');
    for (const [file, passphrase] of [[bytes, 'wrong-passphrase-123'], [notAge, PASSPHRASE], [damaged, PASSPHRASE]] as const) {
      expect(await codeOf(previewBackup(target.store, file, passphrase))).toBe('BACKUP_UNREADABLE');
      expect(await codeOf(importBackup(target.store, target.vault, file, passphrase, { conflicts: 'replace' }))).toBe('BACKUP_UNREADABLE');
    }
    const wrong = await importBackup(target.store, target.vault, bytes, 'wrong-passphrase-123', { conflicts: 'skip' }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ message: 'The passphrase does not open this backup.' });
    expect(readFileSync(storeFile).equals(before)).toBe(true);
  });
});
