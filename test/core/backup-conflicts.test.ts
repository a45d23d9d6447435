import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup } from '../../main/core/backup/backup-export.js';
import { importBackup } from '../../main/core/backup/backup-import.js';
import { AppError } from '../../main/core/errors/app-error.js';
import { secretContext } from '../../main/core/services/client-credentials.js';
import { renameFolder } from '../../main/core/services/folder-management.js';
import type { SecretVault } from '../../main/core/vault/secret-vault.js';
import { PASSPHRASE, SECRETS, allBytes, allSecretValues, copyWorkspace, readSecrets, removeTempDirs, seededWorkspace, type Workspace } from './backup-fixtures.js';

/**
 * The backup holds the seeded store; the store it is imported into is a copy that changed since:
 * "Team docs" renamed and its refresh token rotated, the Team folder renamed.
 */
let source: Awaited<ReturnType<typeof seededWorkspace>>;
let backup: Uint8Array;

beforeAll(async () => {
  source = await seededWorkspace();
  backup = await exportBackup(source.store, source.vault, { scope: { kind: 'all' }, passphrase: PASSPHRASE });
}, 90_000);
afterAll(removeTempDirs);

async function changedCopy(): Promise<Workspace> {
  const ws = await copyWorkspace(source);
  await ws.store.updateConnection('conn-team', (c) => ({
    ...c,
    name: 'Team docs (local)',
    tokens: { ...c.tokens, refresh: ws.vault.seal('rt-team-local', secretContext.refreshToken('conn-team')) },
  }));
  await renameFolder(ws.store, source.teamId, 'Team (local)');
  return ws;
}

const folderName = (ws: Workspace, id: string) => ws.store.listFolders().find((f) => f.id === id)?.name;

describe('backup import conflicts', { timeout: 90_000 }, () => {
  it('skip keeps what is here and imports nothing that clashes', async () => {
    const ws = await changedCopy();
    const result = await importBackup(ws.store, ws.vault, backup, PASSPHRASE, { conflicts: 'skip' });
    expect(result).toMatchObject({ imported: 0, skipped: 3, replaced: 0, renamed: 0 });
    expect(ws.store.getConnection('conn-team').name).toBe('Team docs (local)');
    expect(readSecrets(ws, 'conn-team').refresh).toBe('rt-team-local');
    expect(folderName(ws, source.teamId)).toBe('Team (local)');
    expect(ws.store.listConnections()).toHaveLength(3);
  });

  it('replace puts the backup version back, secrets included', async () => {
    const ws = await changedCopy();
    const result = await importBackup(ws.store, ws.vault, backup, PASSPHRASE, { conflicts: 'replace' });
    expect(result).toMatchObject({ imported: 0, skipped: 0, replaced: 3, folders: { replaced: 1 } });
    expect(ws.store.getConnection('conn-team').name).toBe('Team docs');
    expect(readSecrets(ws, 'conn-team')).toEqual(SECRETS.team);
    expect(readSecrets(ws, 'conn-wiki')).toEqual(SECRETS.wiki);
    expect(folderName(ws, source.teamId)).toBe('Team');
    expect(ws.store.listConnections()).toHaveLength(3);
  });

  it('keep-both adds copies with new ids and "(imported)" names, sealed under their new ids', async () => {
    const ws = await changedCopy();
    const result = await importBackup(ws.store, ws.vault, backup, PASSPHRASE, { conflicts: 'keep-both' });
    expect(result).toMatchObject({ imported: 3, skipped: 0, replaced: 0, renamed: 3, folders: { created: 1, merged: 2 } });
    expect(ws.store.listConnections()).toHaveLength(6);
    // What was here is untouched.
    expect(ws.store.getConnection('conn-team').name).toBe('Team docs (local)');
    expect(readSecrets(ws, 'conn-team').refresh).toBe('rt-team-local');
    expect(folderName(ws, source.teamId)).toBe('Team (local)');

    const copy = ws.store.listConnections().find((c) => c.name === 'Team docs (imported)')!;
    expect(copy.id).not.toBe('conn-team');
    expect(result.connectionIds).toContain(copy.id);
    expect(readSecrets(ws, copy.id)).toEqual(SECRETS.team);
    // The Team folder had another name here, so the backup's Team became a new folder next to it.
    const newTeam = ws.store.listFolders().find((f) => f.id === copy.folderId)!;
    expect(newTeam).toMatchObject({ name: 'Team', parentId: null });
    expect(newTeam.id).not.toBe(source.teamId);
    const design = ws.store.listConnections().find((c) => c.name === 'Design (imported)')!;
    expect(readSecrets(ws, design.id)).toEqual(SECRETS.design);
    // One default per connector per folder: the one that was here keeps it.
    const wikis = ws.store.listConnections('shared');
    expect(wikis.filter((c) => c.isDefault).map((c) => c.id)).toEqual(['conn-wiki']);
    for (const secret of allSecretValues()) expect(allBytes(ws.dir)).not.toContain(secret);
  });

  it('a failure while importing imports nothing (one atomic store update)', async () => {
    const ws = await changedCopy();
    const storeFile = join(ws.dir, 'connectdesk-store.json');
    const before = readFileSync(storeFile);
    let seals = 0;
    const failing = {
      seal: (plaintext: string, context: string) => {
        seals += 1;
        if (seals > 4) throw new AppError('VAULT_LOCKED');
        return ws.vault.seal(plaintext, context);
      },
      unseal: (sealed: never, context: string) => ws.vault.unseal(sealed, context),
    } as unknown as SecretVault;
    await expect(importBackup(ws.store, failing, backup, PASSPHRASE, { conflicts: 'keep-both' })).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(seals).toBeGreaterThan(4);
    expect(readFileSync(storeFile).equals(before)).toBe(true);
    expect(ws.store.listConnections()).toHaveLength(3);
    expect(ws.store.listFolders()).toHaveLength(3);
  });
});
