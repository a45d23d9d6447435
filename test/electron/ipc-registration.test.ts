// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { InvokeEventLike, IpcMainLike, SenderFrameLike } from '../../main/electron/electron-api.js';
import { createEventSink, registerInvokeHandlers } from '../../main/electron/ipc-registration.js';
import { isTrustedSender } from '../../main/electron/trusted-sender.js';
import type { InvokeDispatcher } from '../../main/ipc/bridge-types.js';
import { invokeChannels } from '../../preload/contract.js';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      // Electron throws on a second handler for the same channel.
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  /** What ipcRenderer.invoke(channel, request) does: runs the handler, or rejects without one. */
  const invoke = async (channel: string, frame: SenderFrameLike | null, request: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame }, request);
  };
  return { ipcMain, handlers, invoke };
}

const appFrame: SenderFrameLike = { url: 'app://connectdesk/index.html', origin: 'app://connectdesk', parent: null };

describe('registerInvokeHandlers', () => {
  const ok = vi.fn<InvokeDispatcher>(async (channel, raw) => ({ ok: true, value: { channel, raw } }));

  it('registers exactly the contract channels', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerInvokeHandlers(ipcMain, ok, isTrustedSender);
    expect([...handlers.keys()].sort()).toEqual([...invokeChannels].sort());
  });

  it('dispatches a call from the app main frame', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    registerInvokeHandlers(ipcMain, ok, isTrustedSender);
    expect(await invoke('folders:list', appFrame, {})).toEqual({ ok: true, value: { channel: 'folders:list', raw: {} } });
  });

  it('refuses untrusted senders and sub-frames with FORBIDDEN_SENDER, without dispatching', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const dispatch = vi.fn<InvokeDispatcher>();
    registerInvokeHandlers(ipcMain, dispatch, isTrustedSender);
    const senders: Array<SenderFrameLike | null> = [
      { url: 'https://id.atlassian.example/login', origin: 'https://id.atlassian.example', parent: null },
      { url: 'app://connectdesk/frame.html', origin: 'app://connectdesk', parent: appFrame },
      { url: 'app://connectdesk.evil/index.html', origin: 'app://connectdesk.evil', parent: null },
      null,
    ];
    for (const frame of senders) {
      expect(await invoke('folders:list', frame, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('unknown channels have no handler at all', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    registerInvokeHandlers(ipcMain, ok, isTrustedSender);
    await expect(invoke('secrets:dump', appFrame, {})).rejects.toThrow(/No handler/);
  });

  it('turns a throwing dispatcher into an error value; dispose removes every handler', async () => {
    const { ipcMain, invoke, handlers } = fakeIpcMain();
    const dispose = registerInvokeHandlers(ipcMain, async () => { throw new Error('token=secret'); }, isTrustedSender);
    const result = await invoke('folders:list', appFrame, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNEXPECTED' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('createEventSink', () => {
  it('sends to every live window and skips destroyed ones', () => {
    const live = { isDestroyed: () => false, webContents: { send: vi.fn(), isDestroyed: () => false } };
    const gone = { isDestroyed: () => true, webContents: { send: vi.fn(), isDestroyed: () => true } };
    const sink = createEventSink(() => [live, gone]);
    sink('connections:changed', { folderId: 'f1' });
    expect(live.webContents.send).toHaveBeenCalledWith('connections:changed', { folderId: 'f1' });
    expect(gone.webContents.send).not.toHaveBeenCalled();
  });
});
