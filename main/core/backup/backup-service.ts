import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { nowOf, type ServiceContext } from '../services/service-context.js';
import { exportBackupWithSummary, type BackupCounts, type BackupScopeRequest } from './backup-export.js';
import { backupFileName } from './backup-file-name.js';
import type { BackupPayload } from './backup-format.js';
import { decryptBackup, describeBackup, importBackupPayload, type BackupPreview, type ConflictPolicy, type ImportResult } from './backup-import.js';

/** How long a decrypted backup waits for its Import: long enough to read the preview, short for secrets in memory. */
export const PREVIEW_TTL_MS = 10 * 60_000;
/** Decrypted backups held at once; opening another drops the oldest (a person imports one at a time). */
export const MAX_OPEN_PREVIEWS = 3;

export interface BackupFile {
  /** Suggested file name, e.g. connectdesk-backup-2026-12-03.age */
  fileName: string;
  bytes: Uint8Array;
  counts: BackupCounts;
}

export type OpenedBackup = BackupPreview & { previewId: string };

interface OpenPreview {
  payload: BackupPayload;
  timer: ReturnType<typeof setTimeout>;
  expired: boolean;
}

type BackupContext = Pick<ServiceContext, 'store' | 'vault' | 'emit' | 'now'>;

/**
 * Export and the two-step import (preview, then import) of encrypted backups. The import dialog
 * shows what a backup holds before anything changes; decrypting costs a second of scrypt and
 * needs the passphrase, so the decrypted payload is kept here, in memory only, under a random
 * previewId until it is imported, discarded or PREVIEW_TTL_MS pass. Only names and counts leave.
 */
export class BackupService {
  private readonly open = new Map<string, OpenPreview>();

  constructor(
    private readonly ctx: BackupContext,
    private readonly limits: { ttlMs: number; maxOpen: number } = { ttlMs: PREVIEW_TTL_MS, maxOpen: MAX_OPEN_PREVIEWS },
  ) {}

  async export(scope: BackupScopeRequest, passphrase: string, appVersion: string): Promise<BackupFile> {
    const now = nowOf(this.ctx);
    const exported = await exportBackupWithSummary(this.ctx.store, this.ctx.vault, { scope, passphrase, appVersion, now: () => now });
    return { fileName: backupFileName(exported.scope, now), bytes: exported.bytes, counts: exported.counts };
  }

  /** Decrypts once and keeps the payload for import(); a wrong passphrase keeps nothing. */
  async preview(bytes: Uint8Array, passphrase: string): Promise<OpenedBackup> {
    const payload = await decryptBackup(bytes, passphrase);
    const previewId = randomUUID();
    this.keep(previewId, payload);
    return { previewId, ...describeBackup(this.ctx.store.snapshot(), payload) };
  }

  /** Applies a previewed backup. Taken out while it runs, so a second click cannot import it twice. */
  async import(previewId: string, policy: ConflictPolicy): Promise<ImportResult> {
    const entry = this.open.get(previewId);
    if (!entry) throw new AppError('BACKUP_PREVIEW_EXPIRED');
    this.open.delete(previewId);
    let result: ImportResult;
    try {
      result = await importBackupPayload(this.ctx.store, this.ctx.vault, entry.payload, { conflicts: policy, now: () => nowOf(this.ctx) });
    } catch (error) {
      // Nothing was imported (one atomic update): the person may try again while it is still open.
      if (!entry.expired) this.open.set(previewId, entry);
      throw error;
    }
    clearTimeout(entry.timer);
    // Folders may have been created too, so every list reloads.
    this.ctx.emit({ type: 'connections:changed', payload: { folderId: null } });
    return result;
  }

  /** Forgets a previewed backup (Cancel in the import dialog). Unknown ids are fine: it may have expired. */
  discard(previewId: string): void {
    const entry = this.open.get(previewId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.open.delete(previewId);
  }

  /** How many decrypted backups are held right now. */
  get openCount(): number {
    return this.open.size;
  }

  private keep(previewId: string, payload: BackupPayload): void {
    for (const oldest of this.open.keys()) {
      if (this.open.size < this.limits.maxOpen) break;
      this.discard(oldest);
    }
    const entry: OpenPreview = {
      payload,
      expired: false,
      timer: setTimeout(() => {
        entry.expired = true;
        this.open.delete(previewId);
      }, this.limits.ttlMs),
    };
    // A waiting preview must never keep a CLI or test process alive.
    entry.timer.unref?.();
    this.open.set(previewId, entry);
  }
}
