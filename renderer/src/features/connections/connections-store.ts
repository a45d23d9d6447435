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
  /** Replaces rows (after a check or an edit) without reloading the list; rows now in another folder leave it. */
  upsert: (...connections: ConnectionSummaryDto[]) => void;
  remove: (connectionId: string) => void;
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
  upsert(...connections) {
    set((state) => {
      const byId = new Map(connections.map((c) => [c.id, c]));
      const items: ConnectionSummaryDto[] = [];
      for (const item of state.items) {
        const next = byId.get(item.id);
        byId.delete(item.id);
        if (!next) items.push(item);
        else if (next.folderId === state.folderId) items.push(next);
      }
      for (const added of byId.values()) if (added.folderId === state.folderId) items.push(added);
      return { items };
    });
  },
  remove(connectionId) {
    set((state) => ({ items: state.items.filter((c) => c.id !== connectionId) }));
  },
}));
