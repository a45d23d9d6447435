// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, MAIN_WINDOW_TITLE, resolveBuiltPaths } from '../../main/electron/main-window.js';
import { electronEvent, FakeElectron } from './fake-electron.js';

function setup() {
  const electron = new FakeElectron();
  electron.routes = () => ({ kind: 'page', title: 'ConnectDesk' });
  const session = electron.sessionFromPartition('');
  const shell = { openExternal: vi.fn(async () => undefined) };
  const win = createMainWindow({ createWindow: electron.createWindow, session, shell, preloadPath: '/app/out/preload/index.cjs' });
  return { electron, win, session, shell };
}

const navigation = (url: string) => electronEvent({ url, isSameDocument: false, isMainFrame: true, frame: null });

describe('createMainWindow', () => {
  it('is hardened and loads the app from app://connectdesk/', async () => {
    const { win } = setup();
    expect(win.options.title).toBe(MAIN_WINDOW_TITLE);
    expect(win.options.minWidth).toBeGreaterThan(0);
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    await vi.waitFor(() => expect(win.visible).toBe(true));
    expect(win.webContents.currentUrl).toBe('app://connectdesk/');
  });

  it('denies permissions on the default session', async () => {
    const { session } = setup();
    expect(await session.requestPermission('notifications')).toBe(false);
    expect(session.checkPermission('clipboard-read')).toBe(false);
  });

  it('denies new windows; https ones open in the OS browser, others nowhere', async () => {
    const { win, shell } = setup();
    expect(win.webContents.tryOpenWindow('https://developer.atlassian.com/console/myapps/')).toEqual({ action: 'deny' });
    expect(win.webContents.tryOpenWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(win.webContents.tryOpenWindow('http://example.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(1));
    expect(shell.openExternal).toHaveBeenCalledWith('https://developer.atlassian.com/console/myapps/');
  });

  it('never navigates away from the app origin (parsed, not prefix-matched)', () => {
    const { win } = setup();
    for (const url of ['https://evil.example/', 'app://connectdesk.evil/', 'file:///etc/passwd']) {
      const event = navigation(url);
      win.webContents.emit('will-navigate', event);
      expect(event.defaultPrevented).toBe(true);
    }
    const inside = navigation('app://connectdesk/index.html#/folders');
    win.webContents.emit('will-navigate', inside);
    expect(inside.defaultPrevented).toBe(false);
    const redirect = navigation('https://evil.example/');
    win.webContents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    const webview = electronEvent({});
    win.webContents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('resolveBuiltPaths points at the CommonJS preload and the renderer next to out/main', () => {
    expect(resolveBuiltPaths('file:///app/out/main/index.js')).toEqual({
      preloadPath: '/app/out/preload/index.cjs',
      rendererDir: '/app/out/renderer',
    });
  });
});
