import type { FolderDto, RequestOf, ResponseOf } from '../../preload/contract';
import { SHARED_FOLDER_ID, subtreeIds } from '../../renderer/src/features/folders/folder-tree-model';
import { InvokeError, notFound, validationFailed } from './fake-invoke-error';
import type { FakeStore } from './fake-store';

function folderOf(store: FakeStore, folderId: string): FolderDto {
  const folder = store.folders.find((f) => f.id === folderId);
  if (!folder) throw notFound('folder');
  return folder;
}

function assertUniqueName(store: FakeStore, name: string, parentId: string | null, exceptId?: string): void {
  const clash = store.folders.some((f) => f.id !== exceptId && f.parentId === parentId && f.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new InvokeError({ code: 'FOLDER_EXISTS', message: `A folder named “${name}” already exists here.`, remediation: 'Choose another name.' });
}

export function createFolder(store: FakeStore, { name, parentId }: RequestOf<'folders:create'>): ResponseOf<'folders:create'> {
  const trimmed = name.trim();
  if (parentId !== null) folderOf(store, parentId);
  assertUniqueName(store, trimmed, parentId);
  const folder: FolderDto = { id: store.nextId('folder'), name: trimmed, parentId, createdAt: new Date().toISOString(), connectionCount: 0 };
  store.folders.push(folder);
  return folder;
}

export function renameFolder(store: FakeStore, { folderId, name }: RequestOf<'folders:rename'>): ResponseOf<'folders:rename'> {
  const folder = folderOf(store, folderId);
  const trimmed = name.trim();
  assertUniqueName(store, trimmed, folder.parentId, folderId);
  const renamed = { ...folder, name: trimmed };
  store.folders = store.folders.map((f) => (f.id === folderId ? renamed : f));
  return renamed;
}

export function moveFolder(store: FakeStore, { folderId, parentId }: RequestOf<'folders:move'>): ResponseOf<'folders:move'> {
  const folder = folderOf(store, folderId);
  if (parentId !== null) {
    folderOf(store, parentId);
    if (subtreeIds(store.folders, folderId).includes(parentId)) {
      throw validationFailed('A folder cannot move into itself or one of its subfolders.', 'Choose another parent folder.');
    }
  }
  assertUniqueName(store, folder.name, parentId, folderId);
  const moved = { ...folder, parentId };
  store.folders = store.folders.map((f) => (f.id === folderId ? moved : f));
  return moved;
}

/**
 * Deletes the folder and its subfolders. Their connections move to the folder's parent (Shared
 * for a top-level folder) or are deleted, as the request says; without a choice main refuses.
 */
export function deleteFolder(store: FakeStore, { folderId, connections }: RequestOf<'folders:delete'>): ResponseOf<'folders:delete'> {
  const folder = folderOf(store, folderId);
  if (folderId === SHARED_FOLDER_ID) {
    throw new InvokeError({ code: 'VALIDATION_FAILED', message: 'The Shared folder cannot be deleted.', remediation: 'Delete or move its connections instead.' });
  }
  const ids = new Set(subtreeIds(store.folders, folderId));
  const held = store.connections.filter((c) => ids.has(c.folderId));
  if (held.length > 0 && !connections) {
    throw validationFailed(
      `The folder holds ${held.length} ${held.length === 1 ? 'connection' : 'connections'}.`,
      'Choose whether to move its connections to the parent folder or delete them.',
    );
  }
  const target = folder.parentId ?? SHARED_FOLDER_ID;
  let moved = 0;
  let deleted = 0;
  if (connections === 'delete') {
    store.connections = store.connections.filter((c) => !ids.has(c.folderId));
    deleted = held.length;
  } else if (held.length > 0) {
    store.connections = store.connections.map((c) => {
      if (!ids.has(c.folderId)) return c;
      moved++;
      const clash = c.isDefault && store.connections.some((o) => o.folderId === target && o.connectorId === c.connectorId && o.isDefault);
      return { ...c, folderId: target, isDefault: c.isDefault && !clash };
    });
  }
  store.folders = store.folders.filter((f) => !ids.has(f.id));
  if (held.length > 0) store.changed(null);
  return { deletedFolders: ids.size, movedConnections: moved, deletedConnections: deleted };
}
