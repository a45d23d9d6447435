import { Encrypter } from 'age-encryption';
import { assetValueContext } from '../assets/asset-resolver.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { secretContext } from '../services/client-credentials.js';
import { subtreeIds } from '../services/folder-management.js';
import type { ConnectionStore } from '../store/connection-store.js';
import { connectionRecord, type AssetRecord, type ConnectionRecord, type StoreDocument } from '../store/store-schema.js';
import type { SealedSecret } from '../vault/sealed-secret.js';
import type { SecretVault } from '../vault/secret-vault.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  encodeBackupPayload,
  type BackupAsset,
  type BackupConnection,
  type BackupPayload,
  type BackupScope,
} from './backup-format.js';

export const MIN_BACKUP_PASSPHRASE_LENGTH = 12;

export type BackupScopeRequest = { kind: 'all' } | { kind: 'folder'; folderId: string };

export interface ExportBackupOptions {
  scope: BackupScopeRequest;
  passphrase: string;
  /** Recorded in the backup (createdBy.version); the Electron side passes app.getVersion(). */
  appVersion?: string;
  now?: () => Date;
}

/** Refuses a passphrase an offline guesser could break: the file may end up anywhere. */
export function assertBackupPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_BACKUP_PASSPHRASE_LENGTH) throw new AppError('BACKUP_PASSPHRASE_TOO_SHORT');
}

/**
 * Exports folders, credential assets and connections (with their secrets) as one age file, encrypted with the
 * passphrase (scrypt recipient, age's default work factor 2^18), in age's binary format. The
 * plaintext exists only in memory and is overwritten once encrypted; it is never written to disk.
 */
export async function exportBackup(store: ConnectionStore, vault: SecretVault, options: ExportBackupOptions): Promise<Uint8Array> {
  return (await exportBackupWithSummary(store, vault, options)).bytes;
}

/** How many of each the backup holds, for the "Saved … — 3 connections, 2 folders" line. */
export interface BackupCounts {
  folders: number;
  connections: number;
  assets: number;
}

export interface ExportedBackup {
  bytes: Uint8Array;
  scope: BackupScope;
  counts: BackupCounts;
}

/** exportBackup, also telling what went into the file (counted from the payload itself, so they always agree). */
export async function exportBackupWithSummary(store: ConnectionStore, vault: SecretVault, options: ExportBackupOptions): Promise<ExportedBackup> {
  assertBackupPassphrase(options.passphrase);
  const payload = buildBackupPayload(store.snapshot(), vault, options);
  const counts = { folders: payload.folders.length, connections: payload.connections.length, assets: payload.assets.length };
  const plaintext = encodeBackupPayload(payload);
  try {
    const encrypter = new Encrypter();
    encrypter.setPassphrase(options.passphrase);
    return { bytes: await encrypter.encrypt(plaintext), scope: payload.scope, counts };
  } finally {
    plaintext.fill(0);
  }
}

/** The plaintext payload of a backup of `doc` (exported for tests and tools; keep it in memory). */
export function buildBackupPayload(doc: StoreDocument, vault: SecretVault, options: Pick<ExportBackupOptions, 'scope' | 'appVersion' | 'now'>): BackupPayload {
  let scope: BackupScope;
  let folders = doc.folders;
  if (options.scope.kind === 'folder') {
    const folderId = options.scope.folderId;
    const root = doc.folders.find((f) => f.id === folderId);
    if (!root) throw new AppError('NOT_FOUND', { message: 'That folder no longer exists.', remediation: 'Choose another folder to export.' });
    const ids = subtreeIds(doc, folderId);
    folders = doc.folders.filter((f) => ids.has(f.id));
    scope = { kind: 'folder', folderId, folderName: root.name };
  } else {
    scope = { kind: 'all' };
  }
  const folderIds = new Set(folders.map((f) => f.id));
  const connections = doc.connections.filter((c) => folderIds.has(c.folderId)).map((c) => unsealedConnection(c, vault));
  const assets = doc.assets.filter((a) => folderIds.has(a.folderId)).flatMap((a) => unsealedAsset(a, vault));
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdBy: { app: 'ConnectDesk', version: options.appVersion ?? 'unknown' },
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    scope,
    folders: folders.map((f) => ({ ...f })),
    assets,
    connections,
  };
}

/**
 * One connection with its secrets in clear. A secret this vault cannot decrypt is left out and the
 * connection is exported as Needs reconnect, like it would show here; the rest is still backed up.
 */
function unsealedConnection(stored: ConnectionRecord, vault: SecretVault): BackupConnection {
  const valid = connectionRecord.safeParse(stored);
  if (!valid.success) throw new AppError('STORE_DAMAGED', { detail: `connection ${stored.id} is incomplete, so it cannot be backed up` });
  const record = valid.data;
  let unreadable = false;
  const open = (sealed: SealedSecret | null, context: string): string | null => {
    if (sealed === null) return null;
    try {
      return vault.unseal(sealed, context);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'SECRET_UNAVAILABLE') throw error;
      unreadable = true;
      return null;
    }
  };
  const clientSecret = open(record.clientSecret, secretContext.clientSecret(record.id));
  const access = open(record.tokens.access, secretContext.accessToken(record.id));
  const refresh = open(record.tokens.refresh, secretContext.refreshToken(record.id));
  return {
    ...record,
    clientSecret,
    tokens: { ...record.tokens, access, refresh },
    status: unreadable ? { state: 'needs-reconnect', reason: new AppError('SECRET_UNAVAILABLE').toInfo() } : record.status,
  };
}

/**
 * A credential asset as backed up: a stored value in clear; a keychain entry or environment variable
 * as the reference it is (their values stay where they are). A stored value this vault cannot
 * decrypt cannot be restored, so the asset is left out; connections using it then need a reconnect
 * after an import (backup-merge.ts).
 */
function unsealedAsset(asset: AssetRecord, vault: SecretVault): BackupAsset[] {
  if (asset.kind !== 'stored') return [{ ...asset }];
  try {
    return [{ ...asset, value: vault.unseal(asset.value, assetValueContext(asset.id)) }];
  } catch (error) {
    if (isAppError(error) && error.code === 'SECRET_UNAVAILABLE') return [];
    throw error;
  }
}
