import { Decrypter, armor } from 'age-encryption';
import { AppError, isAppError } from '../errors/app-error.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { StoreDocument } from '../store/store-schema.js';
import type { SecretVault } from '../vault/secret-vault.js';
import { decodeBackupPayload, type BackupPayload, type BackupScope } from './backup-format.js';
import { mergeBackup, type ConflictPolicy, type ImportResult } from './backup-merge.js';

export type { ConflictPolicy, ImportResult } from './backup-merge.js';

export interface BackupConflict {
  kind: 'folder' | 'asset' | 'connection';
  /** The id in the backup (and in this store). */
  id: string;
  /** The name in the backup. */
  name: string;
  /** The name of what already exists here under that id. */
  existingName: string;
}

/** What a backup holds, without any secret: safe to send to the renderer. */
export interface BackupPreview {
  createdAt: string;
  createdBy: { app: string; version: string };
  scope: BackupScope;
  folders: Array<{ id: string; name: string; parentId: string | null }>;
  /** Credential assets; a stored one's value is never part of the preview. */
  assets: Array<{ id: string; name: string; folderId: string; kind: 'stored' | 'keychain' | 'env' }>;
  connections: Array<{ id: string; name: string; folderId: string; connectorId: string; authType: 'managed' | 'byo'; siteName: string; siteUrl: string }>;
  conflicts: BackupConflict[];
}

const ARMOR_HEADER = '-----BEGIN AGE ENCRYPTED FILE-----';

/**
 * Decrypts an age file (binary, or ASCII-armored as `age -a` writes it) with the passphrase and
 * reads the ConnectDesk backup inside. Every failure is BACKUP_UNREADABLE; the error never quotes
 * the file. The returned payload holds secrets in clear: keep it in memory only.
 */
export async function decryptBackup(bytes: Uint8Array, passphrase: string): Promise<BackupPayload> {
  let plaintext: Uint8Array;
  try {
    const decrypter = new Decrypter();
    decrypter.addPassphrase(passphrase);
    plaintext = await decrypter.decrypt(dearmor(bytes));
  } catch (error) {
    throw unreadable(error);
  }
  try {
    return decodeBackupPayload(plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/** The contents of a backup and what would clash with this store, for the import dialog. */
export async function previewBackup(store: ConnectionStore, bytes: Uint8Array, passphrase: string): Promise<BackupPreview> {
  return describeBackup(store.snapshot(), await decryptBackup(bytes, passphrase));
}

/** What a decrypted backup holds and what clashes with `doc`: names and ids only, never a secret. */
export function describeBackup(doc: StoreDocument, payload: BackupPayload): BackupPreview {
  return {
    createdAt: payload.createdAt,
    createdBy: payload.createdBy,
    scope: payload.scope,
    folders: payload.folders.map((f) => ({ id: f.id, name: f.name, parentId: f.parentId })),
    assets: payload.assets.map((a) => ({ id: a.id, name: a.name, folderId: a.folderId, kind: a.kind })),
    connections: payload.connections.map((c) => ({
      id: c.id,
      name: c.name,
      folderId: c.folderId,
      connectorId: c.connectorId,
      authType: c.authType,
      siteName: c.site.name,
      siteUrl: c.site.url,
    })),
    conflicts: findConflicts(doc, payload),
  };
}

/**
 * Imports a backup: folders merged by id, assets and connections added, and clashes by id resolved
 * by the policy. Every secret is sealed again with THIS vault under the id its owner ends up with.
 * One atomic store update: if anything fails, nothing is imported.
 */
export async function importBackup(
  store: ConnectionStore,
  vault: SecretVault,
  bytes: Uint8Array,
  passphrase: string,
  options: { conflicts: ConflictPolicy; now?: () => Date },
): Promise<ImportResult> {
  return importBackupPayload(store, vault, await decryptBackup(bytes, passphrase), options);
}

/** importBackup for a backup already decrypted (the import dialog decrypts once, to preview it). */
export function importBackupPayload(
  store: ConnectionStore,
  vault: SecretVault,
  payload: BackupPayload,
  options: { conflicts: ConflictPolicy; now?: () => Date },
): Promise<ImportResult> {
  const now = options.now?.() ?? new Date();
  return store.update((doc) => mergeBackup(doc, payload, vault, options.conflicts, now));
}

/** Folders here with the same id but another name; assets and connections here with the same id. */
export function findConflicts(doc: StoreDocument, payload: BackupPayload): BackupConflict[] {
  const folders = new Map(doc.folders.map((f) => [f.id, f]));
  const connections = new Map(doc.connections.map((c) => [c.id, c]));
  const conflicts: BackupConflict[] = [];
  for (const f of payload.folders) {
    const existing = folders.get(f.id);
    if (existing && existing.name !== f.name) conflicts.push({ kind: 'folder', id: f.id, name: f.name, existingName: existing.name });
  }
  for (const a of payload.assets) {
    const existing = doc.assets.find((x) => x.id === a.id);
    if (existing) conflicts.push({ kind: 'asset', id: a.id, name: a.name, existingName: existing.name });
  }
  for (const c of payload.connections) {
    const existing = connections.get(c.id);
    if (existing) conflicts.push({ kind: 'connection', id: c.id, name: c.name, existingName: existing.name });
  }
  return conflicts;
}

function dearmor(bytes: Uint8Array): Uint8Array {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  return head.startsWith(ARMOR_HEADER) ? armor.decode(new TextDecoder().decode(bytes)) : bytes;
}

/** age's own messages can quote the file's first line, so they are classified, never passed on. */
function unreadable(error: unknown): AppError {
  if (isAppError(error)) return error;
  const message = error instanceof Error ? error.message : '';
  if (message.includes('no identity matched')) {
    return new AppError('BACKUP_UNREADABLE', {
      message: 'The passphrase does not open this backup.',
      detail: 'wrong passphrase, or the file is not encrypted with a passphrase',
    });
  }
  if (message.startsWith('invalid version')) {
    return new AppError('BACKUP_UNREADABLE', { message: 'This file is not a ConnectDesk backup (it is not an age-encrypted file).', detail: 'not an age file' });
  }
  return new AppError('BACKUP_UNREADABLE', { message: 'This backup is damaged and cannot be opened.', detail: 'the age file is damaged or truncated' });
}
