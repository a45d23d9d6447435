/**
 * How a sign-in window is built. It shows remote pages (Atlassian's login and whatever SSO it
 * federates to), so it gets the strictest settings and no preload: those pages must never reach
 * ConnectDesk's bridge (electron.md §1).
 */
import type { BrowserWindowConstructorOptions } from './electron-api.js';

export const SIGN_IN_WINDOW_TITLE = 'Sign in to Atlassian — ConnectDesk';

export function signInWindowOptions(
  partition: string,
  parent: BrowserWindowConstructorOptions['parent'] | null,
): BrowserWindowConstructorOptions {
  return {
    title: SIGN_IN_WINDOW_TITLE,
    width: 560,
    height: 760,
    minWidth: 420,
    minHeight: 560,
    // Shown on ready-to-show so the user never sees a blank white frame.
    show: false,
    autoHideMenuBar: true,
    ...(parent ? { parent } : {}),
    webPreferences: {
      partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      preload: undefined,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
