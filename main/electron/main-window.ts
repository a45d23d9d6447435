/**
 * ConnectDesk's main window: the app's own UI from app://connectdesk/, hardened per Electron's
 * security checklist (electron.md §1). It remembers nothing yet (size, position).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN, isAppUrl } from './app-origin.js';
import { denyAllPermissions } from './deny-permissions.js';
import type { BrowserWindowConstructorOptions, BrowserWindowLike, SessionLike, ShellLike } from './electron-api.js';
import { createExternalOpener, isHttpsUrl } from './external-browser.js';

export const MAIN_WINDOW_TITLE = 'ConnectDesk';

export interface MainWindowDeps<W extends BrowserWindowLike> {
  /** `(options) => new BrowserWindow(options)`; the real window type flows back to the caller. */
  createWindow: (options: BrowserWindowConstructorOptions) => W;
  /** The default session (the app's pages run there). */
  session: Pick<SessionLike, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  shell: ShellLike;
  /** Absolute path of the built CommonJS preload (resolveBuiltPaths().preloadPath). */
  preloadPath: string;
  /** Diagnostics; gets no URLs beyond the origin. */
  log?: (message: string) => void;
}

/** Where electron-vite puts the preload and renderer relative to the built main (out/main/index.js). */
export function resolveBuiltPaths(mainModuleUrl: string): { preloadPath: string; rendererDir: string } {
  const mainDir = path.dirname(fileURLToPath(mainModuleUrl));
  return {
    preloadPath: path.join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: path.join(mainDir, '..', 'renderer'),
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: MAIN_WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '<unparseable>';
  }
}

export function createMainWindow<W extends BrowserWindowLike>(deps: MainWindowDeps<W>): W {
  const log = deps.log ?? (() => undefined);
  const openHttps = createExternalOpener(deps.shell, isHttpsUrl);
  denyAllPermissions(deps.session);

  const win = deps.createWindow(mainWindowOptions(deps.preloadPath));
  const contents = win.webContents;

  // New windows never open inside the app; vetted https links go to the OS browser (§14–15).
  contents.setWindowOpenHandler(({ url }) => {
    void openHttps(url).catch(() => undefined);
    return { action: 'deny' };
  });
  // The app never leaves its own origin (§13). An https link followed in place opens outside.
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(`main window: blocked navigation to ${originOf(event.url)}`);
    void openHttps(event.url).catch(() => undefined);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  // No <webview> (§11–12), even if a page tried to add one.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  win.on('ready-to-show', () => win.show());
  win.loadURL(`${APP_ORIGIN}/`).catch((error: unknown) => {
    log(`main window: the UI did not load (${error instanceof Error ? error.message : 'unknown error'})`);
  });
  return win;
}
