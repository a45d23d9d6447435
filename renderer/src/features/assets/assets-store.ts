import { create } from 'zustand';
import type { AssetSummaryDto, ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';

interface AssetsState {
  folderId: string | null;
  items: AssetSummaryDto[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ErrorInfoDto | null;
  load: (folderId: string) => Promise<void>;
  /** Adds or replaces an asset main answered with. */
  upsert: (asset: AssetSummaryDto) => void;
  remove: (assetId: string) => void;
}

/** The credential assets of the folder shown in the Credential assets tab. Never a value: main lists none. */
export const useAssetsStore = create<AssetsState>()((set, get) => ({
  folderId: null,
  items: [],
  status: 'idle',
  error: null,

  async load(folderId) {
    set({ folderId, status: 'loading', error: null, items: get().folderId === folderId ? get().items : [] });
    try {
      const items = await invoke('assets:list', { folderId });
      if (get().folderId === folderId) set({ items, status: 'ready' });
    } catch (error) {
      if (get().folderId === folderId) set({ status: 'error', error: toErrorInfo(error) });
    }
  },

  upsert(asset) {
    if (asset.folderId !== get().folderId) return;
    set((s) => {
      const exists = s.items.some((a) => a.id === asset.id);
      return { items: exists ? s.items.map((a) => (a.id === asset.id ? asset : a)) : [...s.items, asset] };
    });
  },

  remove(assetId) {
    set((s) => ({ items: s.items.filter((a) => a.id !== assetId) }));
  },
}));

/** How an asset keeps its secret, in plain words. */
export function describeKind(asset: Pick<AssetSummaryDto, 'kind' | 'reference'>): string {
  const ref = asset.reference;
  if (asset.kind === 'keychain' && ref && 'service' in ref) return `OS keychain: ${ref.service} / ${ref.account}`;
  if (asset.kind === 'env' && ref && 'variable' in ref) return `Environment variable ${ref.variable}`;
  if (asset.kind === 'stored') return 'Stored in ConnectDesk';
  return asset.kind === 'keychain' ? 'OS keychain' : 'Environment variable';
}
