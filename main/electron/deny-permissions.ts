/**
 * Deny-by-default permissions for a session (checklist §5): ConnectDesk needs no camera,
 * microphone, notifications, clipboard reads, geolocation, ... and neither do sign-in pages.
 */
import type { SessionLike } from './electron-api.js';

export function denyAllPermissions(session: Pick<SessionLike, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
