import type { ConnectionStore } from '../store/connection-store.js';

export interface FolderSummary {
  id: string;
  name: string;
  parentId: string | null;
  createdAt: string;
  connectionCount: number;
}

/** Folders with their connection counts, from one read of the store. */
export function listFolders(store: ConnectionStore): FolderSummary[] {
  const doc = store.snapshot();
  const counts = new Map<string, number>();
  for (const c of doc.connections) counts.set(c.folderId, (counts.get(c.folderId) ?? 0) + 1);
  return doc.folders.map((f) => ({ ...f, connectionCount: counts.get(f.id) ?? 0 }));
}
