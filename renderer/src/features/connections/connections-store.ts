import { create } from 'zustand';
import type { ConnectionSummaryDto, ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import type { SortState } from './connection-query';

interface ConnectionsState {
  folderId: string | null;
  items: ConnectionSummaryDto[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ErrorInfoDto | null;
  filter: string;
  sort: SortState;
  /** Loads the folder's connections; answers to older requests are dropped. */
  load: (folderId: string) => Promise<void>;
  setFilter: (filter: string) => void;
  toggleSort: (key: SortState['key']) => void;
  /** Replaces one row (after a check) without reloading the list. */
  upsert: (connection: ConnectionSummaryDto) => void;
}

let latestRequest = 0;

export const useConnectionsStore = create<ConnectionsState>()((set, get) => ({
  folderId: null,
  items: [],
  status: 'idle',
  error: null,
  filter: '',
  sort: { key: 'createdAt', direction: 'descending' },
  async load(folderId) {
    const request = ++latestRequest;
    const sameFolder = get().folderId === folderId;
    set(sameFolder ? { error: null } : { folderId, items: [], status: 'loading', error: null, filter: '' });
    try {
      const items = await invoke('connections:list', { folderId });
      if (request === latestRequest) set({ items, status: 'ready' });
    } catch (error) {
      if (request === latestRequest) set({ status: 'error', error: toErrorInfo(error) });
    }
  },
  setFilter(filter) {
    set({ filter });
  },
  toggleSort(key) {
    const { sort } = get();
    const direction = sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
    set({ sort: { key, direction } });
  },
  upsert(connection) {
    set((state) => {
      if (connection.folderId !== state.folderId) return state;
      const index = state.items.findIndex((c) => c.id === connection.id);
      if (index === -1) return { items: [...state.items, connection] };
      const items = state.items.slice();
      items[index] = connection;
      return { items };
    });
  },
}));
