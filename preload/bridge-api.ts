/**
 * The object exposed as window.connectdesk, built from an ipcRenderer-like and exposed through a
 * contextBridge-like so it runs (and is tested) in plain Node. It forwards only contract channels
 * and never hands the page an Electron object: the page sees payloads, nothing else.
 */
import type { ContextBridge } from 'electron';
import { isEventChannel, isInvokeChannel } from './channels.js';
import type {
  ConnectDeskBridge,
  EventChannel,
  EventOf,
  InvokeChannel,
  InvokeResult,
  RequestOf,
  ResponseOf,
} from './contract.js';

/** The listener shape ipcRenderer calls: (IpcRendererEvent, ...args). The event stays in here. */
export type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** What the bridge needs of ipcRenderer (Electron's IpcRenderer satisfies it). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}
export type ContextBridgeLike = Pick<ContextBridge, 'exposeInMainWorld'>;


export const BRIDGE_KEY = 'connectdesk';

function unexpected(detail: string): InvokeResult<never> {
  // The preload cannot import main's error catalogue; this mirrors its UNEXPECTED entry.
  return {
    ok: false,
    error: {
      code: 'UNEXPECTED',
      message: 'Something went wrong inside ConnectDesk.',
      remediation: 'Try again. If it persists, export a support bundle and contact support.',
      detail,
    },
  };
}

export function createBridge(ipcRenderer: IpcRendererLike): ConnectDeskBridge {
  return Object.freeze({
    async invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<InvokeResult<ResponseOf<C>>> {
      if (!isInvokeChannel(channel)) return unexpected(`unknown channel ${JSON.stringify(String(channel))}`);
      try {
        return (await ipcRenderer.invoke(channel, request)) as InvokeResult<ResponseOf<C>>;
      } catch (error) {
        // Main answers with values; a rejection means IPC itself broke (no handler, window closing).
        return unexpected(`IPC failed on ${channel}: ${error instanceof Error ? error.name : typeof error}`);
      }
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      if (!isEventChannel(event)) throw new TypeError(`connectdesk.on: unknown event ${JSON.stringify(String(event))}`);
      if (typeof listener !== 'function') throw new TypeError('connectdesk.on: listener must be a function');
      // Only the payload crosses: the IpcRendererEvent (with sender and ports) never reaches the page.
      const forward: IpcListener = (_event, payload) => listener(payload as EventOf<E>);
      ipcRenderer.on(event, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(event, forward);
      };
    },
  });
}

/** Exposes the bridge and nothing else. */
export function exposeBridge(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));
}
