import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import type { KeySlot, KeySlotStore } from '../vault/secret-vault.js';
import type { DocumentFile } from './document-file.js';
import {
  emptyStoreDocument,
  storeDocument,
  type ConnectionRecord,
  type FolderRecord,
  type StoreDocument,
} from './store-schema.js';

export type EnvironmentId = StoreDocument['settings']['environmentId'];

/**
 * Folders, connections, settings and key slots in one JSON document. Every change is a
 * read-modify-write of the whole document, written atomically, so a crash leaves either the old
 * or the new file. Listing never decrypts anything.
 */
export class ConnectionStore implements KeySlotStore {
  constructor(
    private readonly file: DocumentFile,
    private readonly options: { now?: () => Date; defaultEnvironmentId?: EnvironmentId } = {},
  ) {}

  get path(): string {
    return this.file.path;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Reads and validates the document; an empty file becomes a fresh store with the Shared folder. */
  private read(): StoreDocument {
    const raw = this.file.read();
    if (raw === undefined || raw === null || (typeof raw === 'object' && Object.keys(raw).length === 0)) {
      const fresh = emptyStoreDocument(this.now(), this.options.defaultEnvironmentId ?? 'atlassian-cloud');
      this.file.write(fresh);
      return fresh;
    }
    const parsed = storeDocument.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('STORE_DAMAGED', {
        detail: `${this.file.path}: ${parsed.error.issues.slice(0, 3).map((i) => i.path.join('.')).join(', ')}`,
      });
    }
    return parsed.data;
  }

  /** One atomic read-modify-write. The mutator may throw to abort without writing anything. */
  update<T>(mutate: (doc: StoreDocument) => T): T {
    const doc = this.read();
    const result = mutate(doc);
    this.file.write(storeDocument.parse(doc));
    return result;
  }

  snapshot(): StoreDocument {
    return this.read();
  }

  // ---- settings ----
  environmentId(): EnvironmentId {
    return this.read().settings.environmentId;
  }

  setEnvironmentId(environmentId: EnvironmentId): void {
    this.update((doc) => {
      doc.settings.environmentId = environmentId;
    });
  }

  // ---- key slots (vault) ----
  readSlots(): KeySlot[] {
    return this.read().vault.slots;
  }

  writeSlots(slots: KeySlot[]): void {
    this.update((doc) => {
      doc.vault.slots = slots;
    });
  }

  // ---- folders ----
  listFolders(): FolderRecord[] {
    return this.read().folders;
  }

  createFolder(name: string, parentId: string | null): FolderRecord {
    return this.update((doc) => {
      if (parentId !== null && !doc.folders.some((f) => f.id === parentId)) {
        throw new AppError('NOT_FOUND', { message: 'The parent folder no longer exists.' });
      }
      const clash = doc.folders.some((f) => f.parentId === parentId && f.name.toLowerCase() === name.toLowerCase());
      if (clash) throw new AppError('CONFLICT', { message: `A folder named "${name}" already exists here.` });
      const folder: FolderRecord = { id: randomUUID(), name, parentId, createdAt: this.now().toISOString() };
      doc.folders.push(folder);
      return folder;
    });
  }

  requireFolder(folderId: string): FolderRecord {
    const folder = this.read().folders.find((f) => f.id === folderId);
    if (!folder) throw new AppError('NOT_FOUND', { message: 'That folder no longer exists.', remediation: 'Choose another folder.' });
    return folder;
  }

  // ---- connections ----
  listConnections(folderId?: string): ConnectionRecord[] {
    const all = this.read().connections;
    return folderId === undefined ? all : all.filter((c) => c.folderId === folderId);
  }

  getConnection(connectionId: string): ConnectionRecord {
    const found = this.read().connections.find((c) => c.id === connectionId);
    if (!found) throw new AppError('NOT_FOUND', { message: 'That connection no longer exists.' });
    return found;
  }

  /** Inserts or replaces a connection in one atomic write. */
  saveConnection(record: ConnectionRecord): void {
    this.update((doc) => {
      if (!doc.folders.some((f) => f.id === record.folderId)) {
        throw new AppError('NOT_FOUND', { message: 'The folder of this connection no longer exists.', remediation: 'Choose another folder and connect again.' });
      }
      const index = doc.connections.findIndex((c) => c.id === record.id);
      if (index === -1) doc.connections.push(record);
      else doc.connections[index] = record;
    });
  }

  /** Applies a change to one stored connection (status, tokens) atomically. */
  updateConnection(connectionId: string, change: (record: ConnectionRecord) => ConnectionRecord): ConnectionRecord {
    return this.update((doc) => {
      const index = doc.connections.findIndex((c) => c.id === connectionId);
      const current = doc.connections[index];
      if (!current) throw new AppError('NOT_FOUND', { message: 'That connection no longer exists.' });
      const next = change(current);
      doc.connections[index] = next;
      return next;
    });
  }
}
