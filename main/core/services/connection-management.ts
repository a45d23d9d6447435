import { recordConnectionEvent, type EventContext } from '../diagnostics/record-event.js';
import { AppError } from '../errors/app-error.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { ConnectionRecord, StoreDocument } from '../store/store-schema.js';

function requireIn(doc: StoreDocument, connectionId: string): ConnectionRecord {
  const found = doc.connections.find((c) => c.id === connectionId);
  if (!found) throw new AppError('NOT_FOUND', { message: 'That connection no longer exists.' });
  return found;
}

/** Stored records are frozen: a change replaces the record (see document-serializer.ts). */
function replace(doc: StoreDocument, record: ConnectionRecord, change: Partial<ConnectionRecord>): ConnectionRecord {
  const next = { ...record, ...change };
  doc.connections = doc.connections.map((c) => (c === record ? next : c));
  return next;
}

/** `diagnostics`: where the change is recorded in the connection's history (the service context). */
export async function editConnection(
  store: ConnectionStore,
  connectionId: string,
  /** Without a description it keeps the stored one (the CLI's rename): read inside the lock, never stale. */
  change: { name: string; description?: string },
  now: Date,
  diagnostics?: EventContext,
): Promise<ConnectionRecord> {
  let previousName = '';
  const edited = await store.update((doc) => {
    const record = requireIn(doc, connectionId);
    previousName = record.name;
    const description = change.description === undefined ? record.description : change.description.trim();
    return replace(doc, record, { name: change.name.trim(), description, updatedAt: now.toISOString() });
  });
  if (diagnostics && edited.name !== previousName) recordConnectionEvent(diagnostics, connectionId, 'renamed', { detail: `"${previousName}" → "${edited.name}"` });
  return edited;
}

/** One default connection per connector per folder. */
export async function makeDefault(store: ConnectionStore, connectionId: string): Promise<ConnectionRecord> {
  return store.update((doc) => {
    const record = requireIn(doc, connectionId);
    doc.connections = doc.connections.map((c) =>
      c.folderId === record.folderId && c.connectorId === record.connectorId && c.isDefault !== (c.id === record.id) ? { ...c, isDefault: c.id === record.id } : c,
    );
    return requireIn(doc, connectionId);
  });
}

export async function moveConnection(store: ConnectionStore, connectionId: string, folderId: string, diagnostics?: EventContext): Promise<ConnectionRecord> {
  let move = null as string | null;
  const moved = await store.update((doc) => {
    const record = requireIn(doc, connectionId);
    if (!doc.folders.some((f) => f.id === folderId)) throw new AppError('NOT_FOUND', { message: 'The destination folder no longer exists.' });
    if (record.folderId === folderId) return record;
    const folderName = (id: string) => doc.folders.find((f) => f.id === id)?.name ?? id;
    move = `from "${folderName(record.folderId)}" to "${folderName(folderId)}"`;
    // The destination keeps its default; the first of its kind there becomes it.
    const isDefault = !doc.connections.some((c) => c.id !== record.id && c.folderId === folderId && c.connectorId === record.connectorId);
    return replace(doc, record, { folderId, isDefault });
  });
  if (diagnostics && move) recordConnectionEvent(diagnostics, connectionId, 'moved', { detail: move });
  return moved;
}

/** Deletes the connection with its sealed secrets (they live only in its record). */
export async function deleteConnection(store: ConnectionStore, connectionId: string, diagnostics?: EventContext): Promise<ConnectionRecord> {
  const deleted = await store.update((doc) => {
    const record = requireIn(doc, connectionId);
    doc.connections = doc.connections.filter((c) => c.id !== connectionId);
    return record;
  });
  // The history outlives the connection: a support bundle can still tell when and what was deleted.
  if (diagnostics) recordConnectionEvent(diagnostics, connectionId, 'deleted', { detail: `"${deleted.name}"` });
  return deleted;
}
