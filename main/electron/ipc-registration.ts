/**
 * Connects Electron's IPC to the contract dispatcher: one ipcMain.handle per invoke channel of
 * the contract (no catch-all), each refusing untrusted senders, and the event sink that pushes
 * main → renderer events. The handlers themselves are named functions in main/ipc.
 */
import { AppError, toErrorInfo } from '../core/errors/app-error.js';
import type { EventSink, InvokeDispatcher } from '../ipc/bridge-types.js';
import { invokeChannels, type InvokeResult } from '../../preload/contract.js';
import type { IpcMainLike, SenderFrameLike, WebContentsLike } from './electron-api.js';

export type TrustedSenderCheck = (frame: SenderFrameLike | null) => boolean;

const forbidden = (): InvokeResult<never> => ({ ok: false, error: new AppError('FORBIDDEN_SENDER').toInfo() });

/** Registers every contract channel; returns a function that removes them again. */
export function registerInvokeHandlers(
  ipcMain: IpcMainLike,
  dispatch: InvokeDispatcher,
  isTrustedSender: TrustedSenderCheck,
): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, async (event, rawRequest): Promise<InvokeResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) return forbidden();
      try {
        return await dispatch(channel, rawRequest);
      } catch (error) {
        // Errors are values across the bridge; a thrown one would reach the page as a bare string.
        return { ok: false, error: toErrorInfo(error) };
      }
    });
  }
  return () => {
    for (const channel of invokeChannels) ipcMain.removeHandler(channel);
  };
}

export interface EventTargetWindow {
  isDestroyed(): boolean;
  readonly webContents: Pick<WebContentsLike, 'send' | 'isDestroyed'>;
}

/** An EventSink that sends to every live app window (getWindows: e.g. () => [mainWindow]). */
export function createEventSink(getWindows: () => readonly EventTargetWindow[]): EventSink {
  return (event, payload) => {
    for (const win of getWindows()) {
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
      win.webContents.send(event, payload);
    }
  };
}
