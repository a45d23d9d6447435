import { create } from 'zustand';
import type { CheckResultDto, ConnectionSummaryDto, ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { useAddConnectionStore } from '../add-connection/add-connection-store';
import { useConnectionsStore } from './connections-store';

export interface CheckState {
  connection: ConnectionSummaryDto;
  result: CheckResultDto | null;
  error: ErrorInfoDto | null;
}

export type ConnectionDialogKind = 'edit' | 'move' | 'delete';

/** The dialogs a row's More actions open, one at a time, and the running single check. */
interface ConnectionActionsState {
  dialog: { kind: ConnectionDialogKind; connection: ConnectionSummaryDto } | null;
  check: CheckState | null;
  /** The outcome of an action without a dialog (Make default), shown above the table. */
  notice: string | null;
  actionError: { title: string; error: ErrorInfoDto } | null;
  makeDefault: (connection: ConnectionSummaryDto) => Promise<void>;
  dismiss: () => void;
  open: (kind: ConnectionDialogKind, connection: ConnectionSummaryDto) => void;
  closeDialog: () => void;
  runCheck: (connection: ConnectionSummaryDto) => Promise<void>;
  closeCheck: () => void;
  /** Opens Add connection in reconnect mode for this connection. */
  reconnect: (connection: ConnectionSummaryDto) => void;
}

export const useConnectionActionsStore = create<ConnectionActionsState>()((set, get) => ({
  dialog: null,
  check: null,
  notice: null,
  actionError: null,
  async makeDefault(connection) {
    set({ notice: null, actionError: null });
    try {
      const updated = await invoke('connections:make-default', { connectionId: connection.id });
      set({ notice: `${updated.name} is now the default ${updated.connectorName} connection in this folder.` });
      // The previous default changed too: reload the folder's rows.
      await useConnectionsStore.getState().load(updated.folderId);
    } catch (error) {
      set({ actionError: { title: `${connection.name} was not made the default`, error: toErrorInfo(error) } });
    }
  },
  dismiss() {
    set({ notice: null, actionError: null });
  },
  open(kind, connection) {
    set({ dialog: { kind, connection } });
  },
  closeDialog() {
    set({ dialog: null });
  },
  async runCheck(connection) {
    set({ check: { connection, result: null, error: null } });
    const stillShowing = () => get().check?.connection.id === connection.id;
    try {
      const result = await invoke('connections:check', { connectionId: connection.id });
      useConnectionsStore.getState().upsert(result.connection);
      if (stillShowing()) set((s) => ({ check: s.check ? { ...s.check, result } : null }));
    } catch (error) {
      if (stillShowing()) set((s) => ({ check: s.check ? { ...s.check, error: toErrorInfo(error) } : null }));
    }
  },
  closeCheck() {
    set({ check: null });
  },
  reconnect(connection) {
    set({ check: null, dialog: null });
    useAddConnectionStore.getState().openReconnect(connection);
  },
}));

/**
 * The row's More actions button: where focus returns when a dialog opened from its menu closes
 * (the menu item that had focus is gone by then).
 */
export function rowMenuButton(connectionId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-row-menu="${CSS.escape(connectionId)}"]`);
}
