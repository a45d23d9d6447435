/**
 * Compile-time proof that Electron's real objects satisfy the narrow adapter types, so the
 * composition root can pass them straight in. `tsc --noEmit` checks this file; vitest only
 * needs one passing test for it to count as a suite.
 */
import type { BrowserWindow, Dialog, IpcMain, Protocol, SafeStorage, Session, Shell, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import type {
  BrowserWindowLike,
  DialogLike,
  IpcMainLike,
  ProtocolLike,
  SafeStorageLike,
  SessionLike,
  ShellLike,
  WebContentsLike,
} from '../../main/electron/electron-api.js';

export const conformance = {
  window: (w: BrowserWindow): BrowserWindowLike => w,
  webContents: (w: WebContents): WebContentsLike => w,
  session: (s: Session): SessionLike => s,
  safeStorage: (s: SafeStorage): SafeStorageLike => s,
  ipcMain: (i: IpcMain): IpcMainLike => i,
  shell: (s: Shell): ShellLike => s,
  protocol: (p: Protocol): ProtocolLike => p,
  dialog: (d: Dialog): DialogLike => d,
};

describe('electron-api', () => {
  it('is satisfied by the real Electron types (checked by tsc)', () => {
    expect(Object.keys(conformance)).toHaveLength(8);
  });
});
