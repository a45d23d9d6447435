import { AppError } from '../errors/app-error.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { ConnectionRecord, StoreDocument } from '../store/store-schema.js';

function requireIn(doc: StoreDocument, connectionId: string): ConnectionRecord {
  const found = doc.connections.find((c) => c.id === connectionId);
  if (!found) throw new AppError('NOT_FOUND', { message: 'That connection no longer exists.' });
  return found;
}

export async function editConnection(store: ConnectionStore, connectionId: string, change: { name: string; description: string }, now: Date): Promise<ConnectionRecord> {
  return store.update((doc) => {
    const record = requireIn(doc, connectionId);
    record.name = change.name.trim();
    record.description = change.description.trim();
    record.updatedAt = now.toISOString();
    return record;
  });
}

/** One default connection per connector per folder. */
export async function makeDefault(store: ConnectionStore, connectionId: string): Promise<ConnectionRecord> {
  return store.update((doc) => {
    const record = requireIn(doc, connectionId);
    for (const c of doc.connections) {
      if (c.folderId === record.folderId && c.connectorId === record.connectorId) c.isDefault = c.id === record.id;
    }
    return record;
  });
}

export async function moveConnection(store: ConnectionStore, connectionId: string, folderId: string): Promise<ConnectionRecord> {
  return store.update((doc) => {
    const record = requireIn(doc, connectionId);
    if (!doc.folders.some((f) => f.id === folderId)) throw new AppError('NOT_FOUND', { message: 'The destination folder no longer exists.' });
    if (record.folderId === folderId) return record;
    record.folderId = folderId;
    // The destination keeps its default; the first of its kind there becomes it.
    record.isDefault = !doc.connections.some((c) => c.id !== record.id && c.folderId === folderId && c.connectorId === record.connectorId);
    return record;
  });
}

/** Deletes the connection with its sealed secrets (they live only in its record). */
export async function deleteConnection(store: ConnectionStore, connectionId: string): Promise<ConnectionRecord> {
  return store.update((doc) => {
    const record = requireIn(doc, connectionId);
    doc.connections = doc.connections.filter((c) => c.id !== connectionId);
    return record;
  });
}
