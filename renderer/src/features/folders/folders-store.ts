import { create } from 'zustand';
import type { ErrorInfoDto, FolderDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';

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
      const { selectedId } = get();
      const stillThere = selectedId !== null && folders.some((f) => f.id === selectedId);
      const fallback = folders.find((f) => f.parentId === null) ?? folders[0];
      set({ folders, status: 'ready', selectedId: stillThere ? selectedId : (fallback?.id ?? null) });
    } catch (error) {
      set({ status: 'error', error: toErrorInfo(error) });
    }
  },
  select(id) {
    set({ selectedId: id });
  },
  async create(name, parentId) {
    const folder = await invoke('folders:create', { name: name.trim(), parentId });
    set((state) => ({ folders: [...state.folders, folder], selectedId: folder.id }));
    return folder;
  },
}));

export function selectCurrentFolder(state: FoldersState): FolderDto | null {
  return state.folders.find((f) => f.id === state.selectedId) ?? null;
}
