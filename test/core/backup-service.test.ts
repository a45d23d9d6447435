import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupFileName } from '../../main/core/backup/backup-file-name.js';
import { BackupService, PREVIEW_TTL_MS } from '../../main/core/backup/backup-service.js';
import { AppError, isAppError } from '../../main/core/errors/app-error.js';
import type { ConnectionStore } from '../../main/core/store/connection-store.js';
import type { StoreDocument } from '../../main/core/store/store-schema.js';
import type { ServiceEvent } from '../../main/core/services/service-events.js';
import { PASSPHRASE, SECRETS, addAsset, allSecretValues, openWorkspace, readAssetValue, readSecrets, removeTempDirs, seededWorkspace, type Workspace } from './backup-fixtures.js';

/** Every export and preview runs scrypt at age's default cost (about a second here). */
const SLOW = { timeout: 90_000 };
// Noon UTC: the same calendar day in every time zone the tests may run in.
const NOW = new Date('2026-12-03T12:00:00.000Z');
const ASSET_VALUE = 'asset-value-3e1f0c9d77';

function serviceFor(ws: Workspace, limits?: { ttlMs: number; maxOpen: number }) {
  const events: ServiceEvent[] = [];
  const service = new BackupService({ store: ws.store, vault: ws.vault, emit: (e) => events.push(e), now: () => NOW }, limits);
  return { service, events };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}

let source: Awaited<ReturnType<typeof seededWorkspace>>;
let everything: Uint8Array;

beforeAll(async () => {
  source = await seededWorkspace();
  await addAsset(source, { id: 'asset-team', folderId: source.teamId, name: 'Team secret', kind: 'stored', value: ASSET_VALUE });
  everything = (await serviceFor(source).service.export({ kind: 'all' }, PASSPHRASE, '1.4.0')).bytes;
}, 90_000);
afterEach(() => vi.useRealTimers());
// The source workspace serves every test: remove the folders once all are done.
afterAll(removeTempDirs);

describe('BackupService export', SLOW, () => {
  it('names the file by date, or by folder and date, and counts what went in', async () => {
    const { service } = serviceFor(source);
    const all = await service.export({ kind: 'all' }, PASSPHRASE, '1.4.0');
    expect(all.fileName).toBe('connectdesk-backup-2026-12-03.age');
    expect(all.counts).toEqual({ folders: 3, connections: 3, assets: 1 });
    expect(Buffer.from(all.bytes).toString('latin1').startsWith('age-encryption.org/v1\n')).toBe(true);

    const team = await service.export({ kind: 'folder', folderId: source.teamId }, PASSPHRASE, '1.4.0');
    expect(team.fileName).toBe('connectdesk-team-2026-12-03.age');
    expect(team.counts).toEqual({ folders: 2, connections: 2, assets: 1 });
  });

  it('refuses a short passphrase before doing any work', async () => {
    expect(await codeOf(serviceFor(source).service.export({ kind: 'all' }, 'short', '1.4.0'))).toBe('BACKUP_PASSPHRASE_TOO_SHORT');
  });
});

describe('BackupService preview and import', SLOW, () => {
  it('previews without any secret, then imports the kept payload without the passphrase again', async () => {
    const target = await openWorkspace();
    const { service, events } = serviceFor(target);
    const preview = await service.preview(everything, PASSPHRASE);
    expect(preview).toMatchObject({ createdBy: { app: 'ConnectDesk', version: '1.4.0' }, scope: { kind: 'all' }, conflicts: [] });
    expect(preview.connections.map((c) => c.name).sort()).toEqual(['Design', 'Team docs', 'Wiki']);
    expect(preview.assets).toEqual([{ id: 'asset-team', name: 'Team secret', folderId: source.teamId, kind: 'stored' }]);
    const shown = JSON.stringify(preview);
    for (const secret of [...allSecretValues(), ASSET_VALUE]) expect(shown).not.toContain(secret);
    expect(service.openCount).toBe(1);

    const result = await service.import(preview.previewId, 'skip');
    expect(result).toMatchObject({ imported: 3, skipped: 0, assets: { imported: 1 } });
    expect(readSecrets(target, 'conn-wiki')).toEqual(SECRETS.wiki);
    expect(readAssetValue(target, 'asset-team')).toBe(ASSET_VALUE);
    expect(events).toEqual([{ type: 'connections:changed', payload: { folderId: null } }]);

    // Imported: gone from memory, so it cannot be imported twice.
    expect(service.openCount).toBe(0);
    expect(await codeOf(service.import(preview.previewId, 'keep-both'))).toBe('BACKUP_PREVIEW_EXPIRED');
  });

  it('lists conflicts with this store and applies the chosen policy', async () => {
    const { service } = serviceFor(source);
    const preview = await service.preview(everything, PASSPHRASE);
    expect(preview.conflicts.map((c) => `${c.kind}:${c.name}`).sort()).toEqual(['asset:Team secret', 'connection:Design', 'connection:Team docs', 'connection:Wiki']);
    const result = await service.import(preview.previewId, 'keep-both');
    expect(result).toMatchObject({ imported: 3, renamed: 4 });
    expect(source.store.snapshot().connections.map((c) => c.name)).toContain('Wiki (imported)');
  });

  it('keeps nothing when the passphrase is wrong', async () => {
    const { service } = serviceFor(await openWorkspace());
    expect(await codeOf(service.preview(everything, 'not-the-passphrase'))).toBe('BACKUP_UNREADABLE');
    expect(service.openCount).toBe(0);
  });

  it('forgets a discarded preview, and an unknown previewId is a clear error', async () => {
    const { service } = serviceFor(await openWorkspace());
    const preview = await service.preview(everything, PASSPHRASE);
    service.discard(preview.previewId);
    service.discard(preview.previewId); // twice is fine: Cancel may race the expiry
    expect(service.openCount).toBe(0);
    const error = await service.import(preview.previewId, 'skip').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BACKUP_PREVIEW_EXPIRED', remediation: expect.stringContaining('Choose the file again') });
  });

  it('drops a preview after 10 minutes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const target = await openWorkspace();
    const { service } = serviceFor(target);
    const preview = await service.preview(everything, PASSPHRASE);
    vi.advanceTimersByTime(PREVIEW_TTL_MS - 1);
    expect(service.openCount).toBe(1);
    vi.advanceTimersByTime(1);
    expect(service.openCount).toBe(0);
    expect(await codeOf(service.import(preview.previewId, 'skip'))).toBe('BACKUP_PREVIEW_EXPIRED');
    expect(target.store.snapshot().connections).toEqual([]);
  });

  it('keeps the preview when the import fails, so Import can be tried again', async () => {
    const target = await openWorkspace();
    let failures = 1;
    const store = Object.create(target.store) as ConnectionStore;
    store.update = <T,>(mutate: (doc: StoreDocument) => T): Promise<T> => (failures-- > 0 ? Promise.reject(new AppError('STORE_LOCKED')) : target.store.update(mutate));
    const service = new BackupService({ store, vault: target.vault, emit: () => undefined, now: () => NOW });
    const preview = await service.preview(everything, PASSPHRASE);
    expect(await codeOf(service.import(preview.previewId, 'skip'))).toBe('STORE_LOCKED');
    expect(service.openCount).toBe(1);
    expect((await service.import(preview.previewId, 'skip')).imported).toBe(3);
  });

  it('holds only a few decrypted backups: opening another drops the oldest', async () => {
    const { service } = serviceFor(await openWorkspace(), { ttlMs: PREVIEW_TTL_MS, maxOpen: 2 });
    const first = await service.preview(everything, PASSPHRASE);
    const second = await service.preview(everything, PASSPHRASE);
    const third = await service.preview(everything, PASSPHRASE);
    expect(service.openCount).toBe(2);
    expect(await codeOf(service.import(first.previewId, 'skip'))).toBe('BACKUP_PREVIEW_EXPIRED');
    service.discard(second.previewId);
    expect((await service.import(third.previewId, 'skip')).imported).toBe(3);
  });
});

describe('backupFileName', () => {
  it('turns a folder name into a short slug of letters and digits', () => {
    const folder = (folderName: string) => backupFileName({ kind: 'folder', folderId: 'f', folderName }, NOW);
    expect(folder('Team Docs / Ops')).toBe('connectdesk-team-docs-ops-2026-12-03.age');
    expect(folder('Équipe Zürich')).toBe('connectdesk-equipe-zurich-2026-12-03.age');
    expect(folder('***')).toBe('connectdesk-folder-2026-12-03.age');
    expect(folder('x'.repeat(80))).toBe(`connectdesk-${'x'.repeat(40)}-2026-12-03.age`);
  });
});
