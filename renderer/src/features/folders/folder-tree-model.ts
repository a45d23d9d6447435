import type { FolderDto } from '../../../../preload/contract';

export interface FolderNode {
  folder: FolderDto;
  depth: number;
  children: FolderNode[];
}

/** Nests folders by parentId, sorted by name; folders whose parent is missing become roots. */
export function buildFolderTree(folders: readonly FolderDto[]): FolderNode[] {
  const ids = new Set(folders.map((f) => f.id));
  const byParent = new Map<string | null, FolderDto[]>();
  for (const folder of folders) {
    const parent = folder.parentId !== null && ids.has(folder.parentId) ? folder.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(folder);
    byParent.set(parent, list);
  }
  const visit = (parent: string | null, depth: number, seen: Set<string>): FolderNode[] =>
    (byParent.get(parent) ?? [])
      .filter((f) => !seen.has(f.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((folder) => {
        const next = new Set(seen).add(folder.id);
        return { folder, depth, children: visit(folder.id, depth + 1, next) };
      });
  return visit(null, 0, new Set());
}

/** Depth-first list, for selects that show the hierarchy with indentation. */
export function flattenFolderTree(nodes: readonly FolderNode[]): { folder: FolderDto; depth: number }[] {
  return nodes.flatMap((node) => [{ folder: node.folder, depth: node.depth }, ...flattenFolderTree(node.children)]);
}

/** A select option label showing depth with non-breaking indentation. */
export function indentedName(name: string, depth: number): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(depth)}${name}`;
}

/** The folder and every folder below it (the ones a Move must not offer as its new parent). */
export function subtreeIds(folders: readonly FolderDto[], folderId: string): string[] {
  const ids = new Set([folderId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of folders) {
      if (f.parentId !== null && ids.has(f.parentId) && !ids.has(f.id)) {
        ids.add(f.id);
        grew = true;
      }
    }
  }
  return [...ids];
}

/** Connections held by the folder and its subfolders. */
export function subtreeConnectionCount(folders: readonly FolderDto[], folderId: string): number {
  const ids = new Set(subtreeIds(folders, folderId));
  return folders.reduce((sum, f) => sum + (ids.has(f.id) ? f.connectionCount : 0), 0);
}

/** The folder ConnectDesk creates on first run; it cannot be deleted. */
export const SHARED_FOLDER_ID = 'shared';

/** Why a folder name cannot be saved, or undefined when it can. */
export function folderNameError(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter a folder name';
  if (trimmed.length > 80) return 'Use 80 characters or fewer';
  return undefined;
}
