// @vitest-environment node
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, createBridge, exposeBridge, type IpcListener, type IpcRendererLike } from '../../preload/bridge-api.js';
import type { ConnectDeskBridge, InvokeChannel } from '../../preload/contract.js';

/** ipcRenderer as Electron behaves: listeners get (IpcRendererEvent, ...args). */
function fakeIpcRenderer(answer: (channel: string, request: unknown) => unknown = () => ({ ok: true, value: [] })) {
  const emitter = new EventEmitter();
  const ipcEvent = { sender: { send: () => undefined }, ports: [], senderFrame: 'secret-internals' };
  const ipcRenderer: IpcRendererLike & { emitFromMain(channel: string, payload: unknown): void; count(channel: string): number } = {
    invoke: vi.fn(async (channel: string, request: unknown) => answer(channel, request)),
    on: (channel: string, listener: IpcListener) => emitter.on(channel, listener),
    removeListener: (channel: string, listener: IpcListener) => emitter.removeListener(channel, listener),
    emitFromMain: (channel, payload) => void emitter.emit(channel, ipcEvent, payload),
    count: (channel) => emitter.listenerCount(channel),
  };
  return ipcRenderer;
}

describe('preload bridge', () => {
  it('forwards contract channels to ipcRenderer.invoke', async () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    expect(await bridge.invoke('folders:list', {})).toEqual({ ok: true, value: [] });
    expect(ipc.invoke).toHaveBeenCalledWith('folders:list', {});
  });

  it('refuses channels outside the contract without touching IPC', async () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const result = await bridge.invoke('secrets:dump' as InvokeChannel, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNEXPECTED', detail: expect.stringContaining('secrets:dump') } });
    expect(await bridge.invoke('__proto__' as InvokeChannel, {} as never)).toMatchObject({ ok: false });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC rejection into an error value', async () => {
    const bridge = createBridge(fakeIpcRenderer(() => Promise.reject(new Error("No handler registered for 'x'"))));
    expect(await bridge.invoke('folders:list', {})).toMatchObject({ ok: false, error: { code: 'UNEXPECTED' } });
  });

  it('delivers only the payload to event listeners, never the IpcRendererEvent', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    bridge.on('connections:changed', listener);
    ipc.emitFromMain('connections:changed', { folderId: 'f1' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ folderId: 'f1' }]);
  });

  it('unsubscribes, once', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    const off = bridge.on('auth:progress', listener);
    expect(ipc.count('auth:progress')).toBe(1);
    off();
    off();
    expect(ipc.count('auth:progress')).toBe(0);
    ipc.emitFromMain('auth:progress', {});
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses unknown events', () => {
    const bridge = createBridge(fakeIpcRenderer());
    expect(() => bridge.on('ipc:anything' as 'auth:progress', () => undefined)).toThrow(TypeError);
  });

  it('exposes exactly one frozen object, window.connectdesk, with invoke and on', () => {
    const exposed = new Map<string, unknown>();
    exposeBridge({ exposeInMainWorld: (key, api) => void exposed.set(key, api) }, fakeIpcRenderer());
    expect([...exposed.keys()]).toEqual([BRIDGE_KEY]);
    const bridge = exposed.get('connectdesk') as ConnectDeskBridge;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
