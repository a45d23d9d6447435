import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { assetRecord, connectionRecord, folderRecord } from '../store/store-schema.js';

/**
 * The plaintext inside a ConnectDesk backup (an age file). It exists only in memory: built, encrypted
 * and dropped on export; decrypted, checked and dropped on import. Secrets are UNSEALED here — the
 * data key of the exporting vault never leaves its machine, so the importing vault seals them anew.
 * Key slots are never part of a backup.
 */
export const BACKUP_FORMAT = 'connectdesk-backup';
export const BACKUP_FORMAT_VERSION = 1;

const backupTokens = connectionRecord.shape.tokens.extend({
  /** null only when the exporting vault could not decrypt it (the connection then needs a reconnect). */
  access: z.string().nullable(),
  refresh: z.string().nullable(),
});

export const backupConnection = connectionRecord.extend({
  clientSecret: z.string().nullable(),
  tokens: backupTokens,
});
export type BackupConnection = z.output<typeof backupConnection>;

/** A credential asset: a stored one with its value in clear; keychain and env ones are references only. */
const [storedAsset, keychainAsset, envAsset] = assetRecord.options;
export const backupAsset = z.discriminatedUnion('kind', [storedAsset.extend({ value: z.string() }), keychainAsset, envAsset]);
export type BackupAsset = z.output<typeof backupAsset>;

export const backupScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('folder'), folderId: z.string(), folderName: z.string() }),
]);
export type BackupScope = z.output<typeof backupScope>;

export const backupPayload = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    createdBy: z.object({ app: z.literal('ConnectDesk'), version: z.string() }),
    createdAt: z.string(),
    scope: backupScope,
    folders: z.array(folderRecord),
    assets: z.array(backupAsset).default([]),
    connections: z.array(backupConnection),
  })
  .superRefine((payload, ctx) => {
    const folderIds = new Set(payload.folders.map((f) => f.id));
    if (folderIds.size !== payload.folders.length) ctx.addIssue({ code: 'custom', message: 'duplicate folder id', path: ['folders'] });
    if (new Set(payload.assets.map((a) => a.id)).size !== payload.assets.length) ctx.addIssue({ code: 'custom', message: 'duplicate asset id', path: ['assets'] });
    payload.assets.forEach((a, i) => {
      if (!folderIds.has(a.folderId)) ctx.addIssue({ code: 'custom', message: 'asset outside the backup folders', path: ['assets', i, 'folderId'] });
    });
    const connectionIds = new Set(payload.connections.map((c) => c.id));
    if (connectionIds.size !== payload.connections.length) ctx.addIssue({ code: 'custom', message: 'duplicate connection id', path: ['connections'] });
    payload.connections.forEach((c, i) => {
      if (!folderIds.has(c.folderId)) ctx.addIssue({ code: 'custom', message: 'connection outside the backup folders', path: ['connections', i, 'folderId'] });
    });
  });
export type BackupPayload = z.output<typeof backupPayload>;

/** The payload as bytes for encryption. */
export function encodeBackupPayload(payload: BackupPayload): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(payload));
}

/**
 * Reads decrypted bytes back into a payload. Never quotes the content in an error: it holds
 * secrets in clear.
 */
export function decodeBackupPayload(plaintext: Uint8Array): BackupPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    throw new AppError('BACKUP_UNREADABLE', { message: 'This file opened, but it is not a ConnectDesk backup.', detail: 'decrypted content is not JSON' });
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== BACKUP_FORMAT) {
    throw new AppError('BACKUP_UNREADABLE', { message: 'This file opened, but it is not a ConnectDesk backup.', detail: 'no connectdesk-backup marker' });
  }
  if (typeof head.formatVersion === 'number' && head.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new AppError('BACKUP_UNREADABLE', {
      message: 'This backup was made by a newer version of ConnectDesk.',
      remediation: 'Update ConnectDesk, then import the backup again. Nothing was imported.',
      detail: `backup format version ${String(head.formatVersion)}`,
    });
  }
  const parsed = backupPayload.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('BACKUP_UNREADABLE', {
      message: 'This backup is incomplete or damaged.',
      detail: parsed.error.issues.slice(0, 3).map((i) => i.path.join('.')).join(', '),
    });
  }
  return parsed.data;
}
