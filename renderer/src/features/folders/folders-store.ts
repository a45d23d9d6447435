import { create } from 'zustand';
import type { ErrorInfoDto, FolderDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';

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
  /** Creates a folder and selects it. Throws a UiError the dialog shows inline. */
  create: (name: string, parentId: string | null) => Promise<FolderDto>;
}

export const useFoldersStore = create<FoldersState>()((set, get) => ({
  folders: [],
  status: 'idle',
  error: null,
  selectedId: null,
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
    set((state) => ({ folders: [...state.folders, folder], selectedId: folder.id }));
    return folder;
  },
}));

export function selectCurrentFolder(state: FoldersState): FolderDto | null {
  return state.folders.find((f) => f.id === state.selectedId) ?? null;
}
