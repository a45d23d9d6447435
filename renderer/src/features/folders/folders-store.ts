import { create } from 'zustand';
import type { ErrorInfoDto, FolderDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { subtreeIds } from './folder-tree-model';

/** The folder selected last, restored on the next start if it still exists. */
export const SELECTED_FOLDER_KEY = 'connectdesk.selectedFolderId';

function rememberedFolderId(): string | null {
  try {
    return window.localStorage.getItem(SELECTED_FOLDER_KEY);
  } catch {
    return null; // storage unavailable: start at the first folder
  }
}

function rememberFolderId(id: string): void {
  try {
    window.localStorage.setItem(SELECTED_FOLDER_KEY, id);
  } catch {
    // Not remembered; nothing else depends on it.
  }
}

interface FoldersState {
  folders: FolderDto[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ErrorInfoDto | null;
  selectedId: string | null;
  load: () => Promise<void>;
  select: (id: string) => void;
  /** Folders whose subfolders are hidden in the tree. */
  collapsedIds: readonly string[];
  toggleCollapsed: (id: string, collapsed?: boolean) => void;
  /** Creates a folder and selects it. Throws a UiError the dialog shows inline. */
  create: (name: string, parentId: string | null) => Promise<FolderDto>;
  /** Rename, move and delete throw a UiError the dialog shows inline. */
  rename: (folderId: string, name: string) => Promise<void>;
  move: (folderId: string, parentId: string | null) => Promise<void>;
  remove: (folderId: string, connections?: FolderConnectionsChoice) => Promise<void>;
}

export type FolderConnectionsChoice = 'move-to-parent' | 'delete';

function replaceFolder(folders: FolderDto[], folder: FolderDto): FolderDto[] {
  return folders.map((f) => (f.id === folder.id ? { ...folder, connectionCount: f.connectionCount } : f));
}

export const useFoldersStore = create<FoldersState>()((set, get) => ({
  folders: [],
  status: 'idle',
  error: null,
  selectedId: null,
  collapsedIds: [],
  toggleCollapsed(id, collapsed) {
    set((state) => {
      const isCollapsed = state.collapsedIds.includes(id);
      const next = collapsed ?? !isCollapsed;
      if (next === isCollapsed) return state;
      return { collapsedIds: next ? [...state.collapsedIds, id] : state.collapsedIds.filter((c) => c !== id) };
    });
  },
  async load() {
    set({ status: get().folders.length ? 'ready' : 'loading', error: null });
    try {
      const folders = await invoke('folders:list', {});
      const wanted = get().selectedId ?? rememberedFolderId();
      const stillThere = wanted !== null && folders.some((f) => f.id === wanted);
      const fallback = folders.find((f) => f.parentId === null) ?? folders[0];
      set({ folders, status: 'ready', selectedId: stillThere ? wanted : (fallback?.id ?? null) });
    } catch (error) {
      set({ status: 'error', error: toErrorInfo(error) });
    }
  },
  select(id) {
    rememberFolderId(id);
    set({ selectedId: id });
  },
  async create(name, parentId) {
    const folder = await invoke('folders:create', { name: name.trim(), parentId });
    rememberFolderId(folder.id);
    set((state) => ({
      folders: [...state.folders, folder],
      selectedId: folder.id,
      collapsedIds: state.collapsedIds.filter((id) => id !== parentId),
    }));
    return folder;
  },
  async rename(folderId, name) {
    const folder = await invoke('folders:rename', { folderId, name: name.trim() });
    set((state) => ({ folders: replaceFolder(state.folders, folder) }));
  },
  async move(folderId, parentId) {
    const folder = await invoke('folders:move', { folderId, parentId });
    set((state) => ({
      folders: replaceFolder(state.folders, folder),
      collapsedIds: state.collapsedIds.filter((id) => id !== parentId),
    }));
  },
  async remove(folderId, connections) {
    const folder = get().folders.find((f) => f.id === folderId);
    await invoke('folders:delete', { folderId, ...(connections ? { connections } : {}) });
    // The selection moves to the parent (or the first top-level folder) when it was deleted.
    const gone = new Set(subtreeIds(get().folders, folderId));
    if (get().selectedId !== null && gone.has(get().selectedId ?? '')) {
      const next = folder?.parentId ?? null;
      set({ selectedId: next });
      if (next) rememberFolderId(next);
    }
    set((state) => ({ folders: state.folders.filter((f) => !gone.has(f.id)) }));
    await get().load(); // counts changed where the connections went
  },
}));

export function selectCurrentFolder(state: FoldersState): FolderDto | null {
  return state.folders.find((f) => f.id === state.selectedId) ?? null;
}
