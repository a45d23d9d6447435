import { create } from 'zustand';
import type { ConnectionDiagnosticsDto, ConnectionSummaryDto, ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';

/** The Diagnostics view of one connection: what main collected, loaded when it opens and on Refresh. */
interface DiagnosticsState {
  connection: ConnectionSummaryDto | null;
  data: ConnectionDiagnosticsDto | null;
  error: ErrorInfoDto | null;
  loading: boolean;
  /** When the data shown was collected (ISO). */
  loadedAt: string | null;
  open: (connection: ConnectionSummaryDto) => void;
  refresh: () => Promise<void>;
  close: () => void;
}

export const useDiagnosticsStore = create<DiagnosticsState>()((set, get) => ({
  connection: null,
  data: null,
  error: null,
  loading: false,
  loadedAt: null,
  open(connection) {
    set({ connection, data: null, error: null, loadedAt: null });
    void get().refresh();
  },
  async refresh() {
    const connection = get().connection;
    if (!connection) return;
    set({ loading: true, error: null });
    // A late answer for a connection no longer shown is dropped.
    const stillShowing = () => get().connection?.id === connection.id;
    try {
      const data = await invoke('diagnostics:get', { connectionId: connection.id });
      if (stillShowing()) set({ data, connection: data.connection, loading: false, loadedAt: new Date().toISOString() });
    } catch (error) {
      if (stillShowing()) set({ error: toErrorInfo(error), loading: false });
    }
  },
  close() {
    set({ connection: null, data: null, error: null, loading: false, loadedAt: null });
  },
}));
