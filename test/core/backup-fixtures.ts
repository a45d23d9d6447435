import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetValueContext } from '../../main/core/assets/asset-resolver.js';
import { secretContext } from '../../main/core/services/client-credentials.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import type { AssetRecord, ConnectionRecord } from '../../main/core/store/store-schema.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import { sampleRecord } from '../support/sample-record.js';

/** Shared setup of the backup tests (test/core/backup-*.test.ts): real store files, real vaults. */
export const PASSPHRASE = 'orbit-candle-meadow-quartz';

export interface Workspace {
  dir: string;
  store: ConnectionStore;
  vault: SecretVault;
}

const made: string[] = [];

export function tempDir(prefix = 'cd-backup-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A store in its own folder with its own vault (its own random data key). */
export async function openWorkspace(dir = tempDir()): Promise<Workspace> {
  const store = new ConnectionStore(openJsonDocumentFile(dir));
  const vault = await SecretVault.open(store, new DevelopmentKeyProtector());
  return { dir, store, vault };
}

/** A copy of a workspace's files, opened as a second workspace (same data key: the slot is copied). */
export async function copyWorkspace(from: Workspace): Promise<Workspace> {
  const dir = tempDir();
  cpSync(from.dir, dir, { recursive: true });
  return openWorkspace(dir);
}

export interface Secrets {
  clientSecret?: string;
  access: string;
  refresh?: string;
}

/** Saves a connection whose secrets are really sealed with the workspace's vault. */
export async function addConnection(ws: Workspace, overrides: Partial<ConnectionRecord> & { id: string }, secrets: Secrets): Promise<ConnectionRecord> {
  const { id } = overrides;
  const base = sampleRecord({ authType: secrets.clientSecret ? 'byo' : 'managed', ...overrides });
  const record: ConnectionRecord = {
    ...base,
    clientSecret: secrets.clientSecret ? ws.vault.seal(secrets.clientSecret, secretContext.clientSecret(id)) : null,
    tokens: {
      ...base.tokens,
      access: ws.vault.seal(secrets.access, secretContext.accessToken(id)),
      refresh: secrets.refresh ? ws.vault.seal(secrets.refresh, secretContext.refreshToken(id)) : null,
    },
  };
  await ws.store.saveConnection(record);
  return record;
}

/** The secrets of a stored connection, unsealed with the workspace's vault. */
export function readSecrets(ws: Workspace, id: string): Secrets {
  const record = ws.store.getConnection(id);
  return {
    ...(record.clientSecret ? { clientSecret: ws.vault.unseal(record.clientSecret, secretContext.clientSecret(id)) } : {}),
    access: ws.vault.unseal(record.tokens.access, secretContext.accessToken(id)),
    ...(record.tokens.refresh ? { refresh: ws.vault.unseal(record.tokens.refresh, secretContext.refreshToken(id)) } : {}),
  };
}

/** Every file in a folder, concatenated: for "no secret in clear" scans. */
export function allBytes(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

/**
 * A store with two folder trees and three connections:
 *   Shared ─ "Wiki" (BYO app: client secret, access, refresh)
 *   Team ─ "Team docs" (access, refresh)
 *     └ Team/Design ─ "Design" (access only)
 */
export const SECRETS = {
  wiki: { clientSecret: 'cs-wiki-7f3a9c11e0', access: 'at-wiki-5d2e8b44aa', refresh: 'rt-wiki-91c0ffee77' },
  team: { access: 'at-team-0b1c2d3e4f', refresh: 'rt-team-a1b2c3d4e5' },
  design: { access: 'at-design-77aa88bb99' },
} as const;

export async function seededWorkspace(): Promise<Workspace & { teamId: string; designId: string }> {
  const ws = await openWorkspace();
  const team = await ws.store.createFolder('Team', null);
  const design = await ws.store.createFolder('Design', team.id);
  await addConnection(ws, { id: 'conn-wiki', name: 'Wiki', folderId: 'shared', isDefault: true }, SECRETS.wiki);
  await addConnection(ws, { id: 'conn-team', name: 'Team docs', folderId: team.id, isDefault: true }, SECRETS.team);
  await addConnection(ws, { id: 'conn-design', name: 'Design', folderId: design.id, isDefault: true }, SECRETS.design);
  return { ...ws, teamId: team.id, designId: design.id };
}

export function allSecretValues(): string[] {
  return Object.values(SECRETS).flatMap((s) => Object.values(s));
}

/** Adds a credential asset record directly: a stored one sealed with the workspace's vault. */
export async function addAsset(
  ws: Workspace,
  asset: { id: string; folderId: string; name: string } & ({ kind: 'stored'; value: string } | { kind: 'env'; variable: string }),
): Promise<void> {
  const base = { id: asset.id, folderId: asset.folderId, name: asset.name, description: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
  const record: AssetRecord =
    asset.kind === 'stored'
      ? { ...base, kind: 'stored', value: ws.vault.seal(asset.value, assetValueContext(asset.id)) }
      : { ...base, kind: 'env', variable: asset.variable };
  await ws.store.update((doc) => {
    doc.assets.push(record);
  });
}

/** A stored asset's value, unsealed with the workspace's vault. */
export function readAssetValue(ws: Workspace, assetId: string): string {
  const asset = ws.store.findAsset(assetId);
  if (asset?.kind !== 'stored') throw new Error(`no stored asset ${assetId}`);
  return ws.vault.unseal(asset.value, assetValueContext(assetId));
}
