/**
 * The preload of the main window. Sandboxed, so electron-vite bundles it as CommonJS
 * (out/preload/index.cjs) with everything but 'electron' inlined. All logic is in bridge-api.ts.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './bridge-api.js';

exposeBridge(contextBridge, ipcRenderer);
