import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import type { KeySlot, KeySlotStore } from '../vault/secret-vault.js';
import type { DocumentFile } from './document-file.js';
import { freezeRecords, serializeStoreDocument } from './document-serializer.js';
import { withFileLock } from './store-lock.js';
import {
  connectionRecord,
  emptyStoreDocument,
  migrateStoreDocument,
  storeDocumentForReading,
  type AssetRecord,
  type ConnectionRecord,
  type FolderRecord,
  type StoreDocument,
} from './store-schema.js';

/** Enough for every write a process makes between two looks of a store watcher (store-change-watcher.ts). */
const OWN_WRITES_KEPT = 64;

/**
 * Folders, credential assets, connections and key slots in one JSON document.
 * - Reads are synchronous and reuse the last parse while the file is unchanged (its signature),
 *   so listing 10,000 connections costs about one JSON.parse, and never decrypts anything.
 * - Every change is one read-modify-write of the whole document under a lock that all processes
 *   sharing the file respect, written atomically: a crash leaves the old or the new file.
 */
export class ConnectionStore implements KeySlotStore {
  private cache: { signature: string; doc: StoreDocument } | null = null;
  /**
   * This instance's recent writes, file signature before → after (oldest first, at most
   * OWN_WRITES_KEPT): how a watcher tells this process's changes from another process's.
   */
  private readonly ownWrites = new Map<string | null, string | null>();

  constructor(
    private readonly file: DocumentFile,
    private readonly options: { now?: () => Date } = {},
  ) {}

  get path(): string {
    return this.file.path;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The current document; parsed and validated again only when the file changed. */
  private read(signature = this.file.signature()): StoreDocument {
    if (this.cache && signature !== null && this.cache.signature === signature) return this.cache.doc;
    const raw = this.file.read();
    if (raw === undefined || raw === null || (typeof raw === 'object' && Object.keys(raw).length === 0)) {
      return emptyStoreDocument(this.now());
    }
    const parsed = storeDocumentForReading.safeParse(raw);
    if (!parsed.success) {
      const migrated = migrateStoreDocument(raw);
      if (migrated) return migrated;
      throw new AppError('STORE_DAMAGED', {
        detail: `${this.file.path}: ${parsed.error.issues.slice(0, 3).map((i) => i.path.join('.')).join(', ')}`,
      });
    }
    // Not frozen yet: freezing 10,000 records would add to every open; the first write freezes them.
    const doc = parsed.data;
    // Cached under the signature seen BEFORE reading: if another process replaced the file since,
    // the next read sees a different signature and parses again. (A signature taken after the
    // parse could belong to a newer file than the bytes parsed, hiding that write for good.)
    if (signature !== null) this.cache = { signature, doc };
    return doc;
  }

  /**
   * One atomic read-modify-write under the cross-process lock. The mutator may throw to abort
   * without writing anything; the cached document is then dropped, so nothing half-changed survives.
   */
  async update<T>(mutate: (doc: StoreDocument) => T): Promise<T> {
    return withFileLock(this.file.path, () => {
      try {
        // Under the lock no other process writes, so this is the very file the write replaces.
        const before = this.file.signature();
        const doc = this.read(before);
        const result = mutate(doc);
        freezeRecords(doc);
        this.file.write(serializeStoreDocument(doc));
        const signature = this.file.signature();
        this.cache = signature === null ? null : { signature, doc };
        this.rememberOwnWrite(before, signature);
        return result;
      } catch (error) {
        this.cache = null;
        throw error;
      }
    });
  }

  snapshot(): StoreDocument {
    return this.read();
  }

  /**
   * True when the file went from signature `from` to `to` through this instance's own writes alone
   * (another process wrote nothing in between). False also when more than OWN_WRITES_KEPT writes
   * separate them: the caller then treats the change as another process's, which is only a spare refresh.
   */
  changedOnlyByThisInstance(from: string | null, to: string | null): boolean {
    let at = from;
    for (let steps = 0; at !== to; steps++) {
      const next = this.ownWrites.get(at);
      if (next === undefined || steps >= this.ownWrites.size) return false;
      at = next;
    }
    return true;
  }

  private rememberOwnWrite(before: string | null, after: string | null): void {
    this.ownWrites.delete(before);
    this.ownWrites.set(before, after);
    if (this.ownWrites.size > OWN_WRITES_KEPT) this.ownWrites.delete(this.ownWrites.keys().next().value as string | null);
  }

  // ---- key slots (vault) ----
  readSlots(): KeySlot[] {
    return this.read().vault.slots;
  }

  async writeSlots(slots: KeySlot[]): Promise<void> {
    await this.update((doc) => {
      doc.vault.slots = slots;
    });
  }

  // ---- folders ----
  listFolders(): FolderRecord[] {
    return this.read().folders;
  }

  requireFolder(folderId: string): FolderRecord {
    const folder = this.read().folders.find((f) => f.id === folderId);
    if (!folder) throw new AppError('NOT_FOUND', { message: 'That folder no longer exists.', remediation: 'Choose another folder.' });
    return folder;
  }

  async createFolder(name: string, parentId: string | null): Promise<FolderRecord> {
    return this.update((doc) => {
      if (parentId !== null && !doc.folders.some((f) => f.id === parentId)) {
        throw new AppError('NOT_FOUND', { message: 'The parent folder no longer exists.' });
      }
      assertFolderNameFree(doc, name, parentId, null);
      const folder: FolderRecord = { id: randomUUID(), name, parentId, createdAt: this.now().toISOString() };
      doc.folders.push(folder);
      return folder;
    });
  }

  // ---- credential assets (changed through assets/asset-service.ts) ----
  /** Asset records as stored: references and sealed values only, nothing is resolved or decrypted. */
  listAssets(folderId?: string): AssetRecord[] {
    const all = this.read().assets;
    return folderId === undefined ? all : all.filter((a) => a.folderId === folderId);
  }

  findAsset(assetId: string): AssetRecord | undefined {
    return this.read().assets.find((a) => a.id === assetId);
  }

  // ---- connections ----
  listConnections(folderId?: string): ConnectionRecord[] {
    const all = this.read().connections;
    return folderId === undefined ? all : all.filter((c) => c.folderId === folderId);
  }

  /** One connection, fully validated: it is about to be used. */
  getConnection(connectionId: string): ConnectionRecord {
    const found = this.read().connections.find((c) => c.id === connectionId);
    if (!found) throw new AppError('NOT_FOUND', { message: 'That connection no longer exists.' });
    const valid = connectionRecord.safeParse(found);
    if (!valid.success) throw new AppError('STORE_DAMAGED', { detail: `${this.file.path}: connection ${connectionId}` });
    return valid.data;
  }

  /** Inserts or replaces a connection in one atomic write. */
  async saveConnection(record: ConnectionRecord): Promise<void> {
    const valid = connectionRecord.parse(record);
    await this.update((doc) => {
      if (!doc.folders.some((f) => f.id === valid.folderId)) {
        throw new AppError('NOT_FOUND', { message: 'The folder of this connection no longer exists.', remediation: 'Choose another folder and connect again.' });
      }
      assertAssetExists(doc, valid);
      const index = doc.connections.findIndex((c) => c.id === valid.id);
      if (index === -1) doc.connections.push(valid);
      else doc.connections[index] = valid;
    });
  }

  /** Applies a change to one stored connection atomically; the change sees the latest version on disk. */
  async updateConnection(connectionId: string, change: (record: ConnectionRecord) => ConnectionRecord): Promise<ConnectionRecord> {
    return this.update((doc) => {
      const index = doc.connections.findIndex((c) => c.id === connectionId);
      const current = doc.connections[index];
      if (!current) throw new AppError('NOT_FOUND', { message: 'That connection no longer exists.' });
      const next = connectionRecord.parse(change(current));
      assertAssetExists(doc, next);
      doc.connections[index] = next;
      return next;
    });
  }
}

/**
 * A connection may only reference an asset that exists, checked in the same write that saves it
 * (an asset deleted during a sign-in cannot leave a dangling reference). No cost for other connections.
 */
function assertAssetExists(doc: StoreDocument, record: ConnectionRecord): void {
  const assetId = record.clientSecretAssetId;
  if (assetId && !doc.assets.some((a) => a.id === assetId)) {
    throw new AppError('ASSET_NOT_FOUND', { detail: `asset ${assetId}` });
  }
}

/** Folder names are unique among siblings, case-insensitively. */
export function assertFolderNameFree(doc: StoreDocument, name: string, parentId: string | null, exceptId: string | null): void {
  const clash = doc.folders.some((f) => f.id !== exceptId && f.parentId === parentId && f.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new AppError('CONFLICT', { message: `A folder named "${name}" already exists here.` });
}
