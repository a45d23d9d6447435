import { AppError } from '../errors/app-error.js';
import { assertFolderNameFree, type ConnectionStore } from '../store/connection-store.js';
import { SHARED_FOLDER_ID, type FolderRecord, type StoreDocument } from '../store/store-schema.js';

/** The folder and every folder below it. */
export function subtreeIds(doc: StoreDocument, folderId: string): Set<string> {
  const ids = new Set([folderId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of doc.folders) {
      if (f.parentId !== null && ids.has(f.parentId) && !ids.has(f.id)) {
        ids.add(f.id);
        grew = true;
      }
    }
  }
  return ids;
}

function requireIn(doc: StoreDocument, folderId: string): FolderRecord {
  const folder = doc.folders.find((f) => f.id === folderId);
  if (!folder) throw new AppError('NOT_FOUND', { message: 'That folder no longer exists.' });
  return folder;
}

export async function renameFolder(store: ConnectionStore, folderId: string, name: string): Promise<FolderRecord> {
  return store.update((doc) => {
    const folder = requireIn(doc, folderId);
    assertFolderNameFree(doc, name, folder.parentId, folder.id);
    folder.name = name;
    return folder;
  });
}

/** Moves a folder under another (or to the top); never into itself or below itself. */
export async function moveFolder(store: ConnectionStore, folderId: string, parentId: string | null): Promise<FolderRecord> {
  return store.update((doc) => {
    const folder = requireIn(doc, folderId);
    if (folderId === SHARED_FOLDER_ID && parentId !== null) {
      throw new AppError('VALIDATION_FAILED', { message: 'The Shared folder stays at the top level.', remediation: 'Move the folders or connections inside it instead.' });
    }
    if (parentId !== null) {
      requireIn(doc, parentId);
      if (subtreeIds(doc, folderId).has(parentId)) {
        throw new AppError('VALIDATION_FAILED', { message: 'A folder cannot be moved into itself or one of its subfolders.', remediation: 'Choose another destination.' });
      }
    }
    assertFolderNameFree(doc, folder.name, parentId, folder.id);
    folder.parentId = parentId;
    return folder;
  });
}

/**
 * Deletes a folder with its subfolders. Connections inside are never dropped silently: the caller
 * must say whether they move to the folder's parent (Shared at the top) or are deleted too.
 */
export async function deleteFolder(
  store: ConnectionStore,
  folderId: string,
  connections: 'move-to-parent' | 'delete' | undefined,
): Promise<{ deletedFolders: number; movedConnections: number; deletedConnections: number; removedConnectionIds: string[] }> {
  return store.update((doc) => {
    if (folderId === SHARED_FOLDER_ID) throw new AppError('VALIDATION_FAILED', { message: 'The Shared folder cannot be deleted.', remediation: 'Delete or move its connections instead.' });
    const folder = requireIn(doc, folderId);
    const ids = subtreeIds(doc, folderId);
    const inside = doc.connections.filter((c) => ids.has(c.folderId));
    if (inside.length > 0 && !connections) {
      throw new AppError('VALIDATION_FAILED', {
        message: `This folder holds ${inside.length} connection${inside.length === 1 ? '' : 's'}.`,
        remediation: 'Choose whether to move them to the parent folder or delete them too.',
      });
    }
    const destination = folder.parentId ?? SHARED_FOLDER_ID;
    const moved = connections === 'move-to-parent' ? inside.length : 0;
    if (connections === 'move-to-parent') {
      // The destination keeps its own defaults; where it has none for a connector, the first moved one becomes it.
      const hasDefault = new Set(doc.connections.filter((c) => c.folderId === destination && c.isDefault).map((c) => c.connectorId));
      doc.connections = doc.connections.map((c) => {
        if (!ids.has(c.folderId)) return c;
        const isDefault = !hasDefault.has(c.connectorId);
        hasDefault.add(c.connectorId);
        return { ...c, folderId: destination, isDefault };
      });
    }
    const removed = connections === 'delete' ? inside.map((c) => c.id) : [];
    doc.connections = doc.connections.filter((c) => !removed.includes(c.id));
    // Credential assets follow their connections: moved along, or deleted — unless a connection elsewhere still uses one.
    const assetsInside = doc.assets.filter((a) => ids.has(a.folderId));
    if (connections === 'delete' || (inside.length === 0 && assetsInside.length > 0 && !connections)) {
      const usedElsewhere = assetsInside.filter((a) => doc.connections.some((c) => c.clientSecretAssetId === a.id));
      if (usedElsewhere.length > 0) {
        throw new AppError('ASSET_IN_USE', {
          message: `Credential assets in this folder are used by connections elsewhere: ${usedElsewhere.map((a) => a.name).join(', ')}.`,
          remediation: 'Point those connections at another asset first, or move the folder’s connections instead of deleting them.',
        });
      }
      doc.assets = doc.assets.filter((a) => !ids.has(a.folderId));
    } else if (connections === 'move-to-parent') {
      const taken = new Set(doc.assets.filter((a) => a.folderId === destination).map((a) => a.name.toLowerCase()));
      doc.assets = doc.assets.map((a) => {
        if (!ids.has(a.folderId)) return a;
        let name = a.name;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${a.name} (${n})`;
        taken.add(name.toLowerCase());
        return { ...a, folderId: destination, name };
      });
    }
    doc.folders = doc.folders.filter((f) => !ids.has(f.id));
    return { deletedFolders: ids.size, movedConnections: moved, deletedConnections: removed.length, removedConnectionIds: removed };
  });
}
