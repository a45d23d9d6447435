import type { EventChannel, EventOf, InvokeChannel, InvokeResult } from '../../preload/contract.js';

/** Validates a raw request against the contract and runs its handler. Used by Electron's IPC and the browser shell alike. */
export type InvokeDispatcher = (channel: InvokeChannel, rawRequest: unknown) => Promise<InvokeResult<unknown>>;

/** Pushes an event to every renderer (Electron: webContents.send; browser shell: server-sent events). */
export type EventSink = <E extends EventChannel>(event: E, payload: EventOf<E>) => void;
