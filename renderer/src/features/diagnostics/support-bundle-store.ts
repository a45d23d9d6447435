import { create } from 'zustand';

/** What the support bundle dialog was opened for: a connection (its row menu), or nothing in particular (Settings). */
export interface SupportBundleTarget {
  connection?: { id: string; name: string; folderId: string };
}

interface SupportBundleState {
  target: SupportBundleTarget | null;
  open: (target: SupportBundleTarget) => void;
  close: () => void;
}

/** The one support bundle dialog, opened from a connection's More actions (or anywhere else that has a connection). */
export const useSupportBundleStore = create<SupportBundleState>()((set) => ({
  target: null,
  open(target) {
    set({ target });
  },
  close() {
    set({ target: null });
  },
}));
