import type { BackupPreviewDto, ErrorInfoDto, RequestOf, ResponseOf } from '../../preload/contract';
import { InvokeError } from './fake-invoke-error';

/** What the fake's backups hold when previewed (tests replace it). No secrets: main never sends any. */
export const sampleBackupContents: Omit<BackupPreviewDto, 'previewId'> = {
  createdAt: '2026-12-03T09:30:00.000Z',
  createdBy: { app: 'ConnectDesk', version: '1.4.0' },
  scope: { kind: 'folder', folderId: 'eng', folderName: 'Engineering' },
  folders: [
    { id: 'eng', name: 'Engineering', parentId: null },
    { id: 'docs', name: 'Docs team', parentId: 'eng' },
  ],
  assets: [{ id: 'asset-1', name: 'Ops app secret', folderId: 'eng', kind: 'stored' }],
  connections: [
    { id: 'conn-1', name: 'Team wiki', folderId: 'eng', connectorId: 'confluence-cloud', authType: 'byo', siteName: 'Acme Wiki', siteUrl: 'https://acme.atlassian.net' },
    { id: 'conn-2', name: 'Docs search', folderId: 'docs', connectorId: 'confluence-cloud', authType: 'managed', siteName: 'Acme Labs', siteUrl: 'https://acme-labs.atlassian.net' },
  ],
  conflicts: [],
};

const FAKE_AGE_HEADER = 'age-encryption.org/v1\n-> scrypt fake\n';
const MIN_PASSPHRASE = 12;

const unreadable = (message: string): InvokeError =>
  new InvokeError({
    code: 'BACKUP_UNREADABLE',
    message,
    remediation: 'Check the passphrase (it is case-sensitive) and that you chose the right file, then try again. Nothing was imported.',
  });

/**
 * In-memory backups for the fake bridge, answering as main does: an exported "file" opens only
 * with its passphrase (it names it, in a fake age header), a preview is kept under a previewId
 * until imported or discarded, and an unknown previewId is BACKUP_PREVIEW_EXPIRED.
 */
export class FakeBackups {
  contents: Omit<BackupPreviewDto, 'previewId'> = sampleBackupContents;
  counts: ResponseOf<'backup:export'>['counts'] = { folders: 2, connections: 3, assets: 1 };
  /** When set, the next import fails with this error (and keeps the preview, as main does). */
  failNextImport: ErrorInfoDto | null = null;
  readonly openPreviews = new Set<string>();
  /** How long export takes (main runs scrypt for about a second): lets a test see the busy button. */
  exportDelayMs = 0;
  private counter = 0;

  /** The bytes of a backup exported with `passphrase`, as base64 (what a test "chooses" as a file). */
  static fileFor(passphrase: string): string {
    return btoa(`${FAKE_AGE_HEADER}${passphrase}`);
  }

  async export(request: RequestOf<'backup:export'>): Promise<ResponseOf<'backup:export'>> {
    if (this.exportDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.exportDelayMs));
    if ([...request.passphrase].length < MIN_PASSPHRASE) {
      throw new InvokeError({ code: 'BACKUP_PASSPHRASE_TOO_SHORT', message: 'The backup passphrase is too short: use at least 12 characters.', remediation: 'Choose a longer passphrase.' });
    }
    const what = request.scope.kind === 'folder' ? request.scope.folderId : 'backup';
    return { fileName: `connectdesk-${what}-2026-12-03.age`, data: FakeBackups.fileFor(request.passphrase), counts: this.counts };
  }

  preview(request: RequestOf<'backup:preview'>): ResponseOf<'backup:preview'> {
    const text = atob(request.data);
    if (!text.startsWith(FAKE_AGE_HEADER)) throw unreadable('This file is not a ConnectDesk backup (it is not an age-encrypted file).');
    if (text.slice(FAKE_AGE_HEADER.length) !== request.passphrase) throw unreadable('The passphrase does not open this backup.');
    const previewId = `preview-${++this.counter}`;
    this.openPreviews.add(previewId);
    return { previewId, ...structuredClone(this.contents) };
  }

  import(request: RequestOf<'backup:import'>): ResponseOf<'backup:import'> {
    if (!this.openPreviews.has(request.previewId)) {
      throw new InvokeError({ code: 'BACKUP_PREVIEW_EXPIRED', message: 'This backup is no longer open.', remediation: 'Choose the file again and enter its passphrase. Nothing was imported.' });
    }
    if (this.failNextImport) {
      const error = this.failNextImport;
      this.failNextImport = null;
      throw new InvokeError(error);
    }
    this.openPreviews.delete(request.previewId);
    const clashing = this.contents.conflicts.filter((c) => c.kind === 'connection').length;
    const fresh = this.contents.connections.length - clashing;
    return {
      imported: fresh + (request.conflicts === 'keep-both' ? clashing : 0),
      skipped: request.conflicts === 'skip' ? clashing : 0,
      replaced: request.conflicts === 'replace' ? clashing : 0,
      renamed: request.conflicts === 'keep-both' ? clashing : 0,
      folders: { created: this.contents.folders.length, merged: 0, replaced: 0 },
      assets: { imported: this.contents.assets.length, skipped: 0, replaced: 0 },
      connectionIds: this.contents.connections.map((c) => c.id),
    };
  }

  discard(request: RequestOf<'backup:discard'>): ResponseOf<'backup:discard'> {
    this.openPreviews.delete(request.previewId);
    return { ok: true };
  }
}
