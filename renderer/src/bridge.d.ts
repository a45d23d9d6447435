import type { ConnectDeskBridge } from '../../preload/contract';

declare global {
  interface Window {
    /** Exposed by the preload script (Electron) or the browser shell; the only way to reach main. */
    connectdesk: ConnectDeskBridge;
  }
}

export {};
