import type { ConnectionSummaryDto, RequestOf, ResponseOf } from '../../preload/contract';
import { notFound } from './fake-invoke-error';
import type { FakeStore } from './fake-store';

function connectionOf(store: FakeStore, connectionId: string): ConnectionSummaryDto {
  const connection = store.connections.find((c) => c.id === connectionId);
  if (!connection) throw notFound('connection');
  return connection;
}

function replace(store: FakeStore, updated: ConnectionSummaryDto): ConnectionSummaryDto {
  store.connections = store.connections.map((c) => (c.id === updated.id ? updated : c));
  return updated;
}

export function updateConnection(store: FakeStore, { connectionId, name, description }: RequestOf<'connections:update'>): ResponseOf<'connections:update'> {
  const updated = replace(store, { ...connectionOf(store, connectionId), name: name.trim(), description: description.trim() });
  store.changed(updated.folderId);
  return updated;
}

/** One default per connector per folder: the others of the same connector stop being default. */
export function makeDefault(store: FakeStore, { connectionId }: RequestOf<'connections:make-default'>): ResponseOf<'connections:make-default'> {
  const connection = connectionOf(store, connectionId);
  store.connections = store.connections.map((c) =>
    c.folderId === connection.folderId && c.connectorId === connection.connectorId ? { ...c, isDefault: c.id === connectionId } : c,
  );
  store.changed(connection.folderId);
  return connectionOf(store, connectionId);
}

/** Moves a connection; it stays default only when the target folder has no default for its connector. */
export function moveConnection(store: FakeStore, { connectionId, folderId }: RequestOf<'connections:move'>): ResponseOf<'connections:move'> {
  const connection = connectionOf(store, connectionId);
  if (!store.folders.some((f) => f.id === folderId)) throw notFound('folder');
  const clash = store.connections.some((c) => c.id !== connectionId && c.folderId === folderId && c.connectorId === connection.connectorId && c.isDefault);
  const moved = replace(store, { ...connection, folderId, isDefault: connection.isDefault && !clash });
  store.changed(connection.folderId);
  store.changed(folderId);
  return moved;
}

export function deleteConnection(store: FakeStore, { connectionId }: RequestOf<'connections:delete'>): ResponseOf<'connections:delete'> {
  const connection = connectionOf(store, connectionId);
  store.connections = store.connections.filter((c) => c.id !== connectionId);
  store.changed(connection.folderId);
  return { ok: true };
}
