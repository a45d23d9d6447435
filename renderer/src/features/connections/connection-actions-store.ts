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
  /** A short confirmation (Make default, Move), shown above the table until the next action or a few seconds. */
  notice: string | null;
  notify: (notice: string) => void;
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

/** How long a confirmation stays when nothing else happens. */
export const NOTICE_MS = 6000;
let noticeTimer: ReturnType<typeof setTimeout> | undefined;

export const useConnectionActionsStore = create<ConnectionActionsState>()((set, get) => ({
  dialog: null,
  check: null,
  notice: null,
  actionError: null,
  notify(notice) {
    clearTimeout(noticeTimer);
    set({ notice });
    noticeTimer = setTimeout(() => {
      if (get().notice === notice) set({ notice: null });
    }, NOTICE_MS);
  },
  async makeDefault(connection) {
    set({ notice: null, actionError: null });
    try {
      const updated = await invoke('connections:make-default', { connectionId: connection.id });
      get().notify(`${updated.name} is now the default ${updated.connectorName} connection in this folder.`);
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
    set({ dialog: { kind, connection }, notice: null });
  },
  closeDialog() {
    set({ dialog: null });
  },
  async runCheck(connection) {
    set({ check: { connection, result: null, error: null }, notice: null });
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
    set({ check: null, dialog: null, notice: null });
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

/**
 * Where focus goes when a row's dialog closes and the row is gone (deleted, moved away): the
 * filter box over the table, or Add connection when the folder is now empty.
 */
export function fallbackFocus(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[aria-label="Filter connections"]') ?? document.querySelector<HTMLElement>('[data-add-connection]');
}

/** The row's More actions button while the row exists, else the filter box (or Add connection). */
export function rowFocus(connectionId: string): HTMLElement | null {
  return rowMenuButton(connectionId) ?? fallbackFocus();
}
