import { create } from 'zustand';

export type FolderActionKind = 'rename' | 'new-subfolder' | 'move' | 'export' | 'delete';

/** Which folder dialog is open, for which folder. One at a time. */
interface FolderActionsState {
  action: { kind: FolderActionKind; folderId: string } | null;
  start: (kind: FolderActionKind, folderId: string) => void;
  end: () => void;
}

export const useFolderActionsStore = create<FolderActionsState>()((set) => ({
  action: null,
  start(kind, folderId) {
    set({ action: { kind, folderId } });
  },
  end() {
    set({ action: null });
  },
}));

/** Where focus goes when a folder dialog closes and its menu item is gone: the folder's menu button. */
export function folderMenuButton(folderId: string): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>(`[data-folder-menu="${CSS.escape(folderId)}"]`) ??
    document.querySelector<HTMLElement>('.folder-item[aria-current="page"]')
  );
}
