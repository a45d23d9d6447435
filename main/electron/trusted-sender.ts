/**
 * Decides whether an IPC message came from ConnectDesk's own page (checklist §17): the sending
 * frame must be the main frame of a page on app://connectdesk. Sign-in windows show remote pages
 * on other origins and have no preload, but this check does not rely on that.
 */
import { APP_ORIGIN, isAppUrl } from './app-origin.js';
import type { SenderFrameLike } from './electron-api.js';

export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  // null: the frame navigated away or was destroyed while the message was in flight.
  if (!frame) return false;
  // A sub-frame could be anything the page embedded; only the top frame speaks for the app.
  if (frame.parent !== null) return false;
  // Both the URL and Chromium's serialized origin must agree (an about:blank frame inherits an
  // origin with an empty URL; a data: URL has an opaque origin).
  return isAppUrl(frame.url) && frame.origin === APP_ORIGIN;
}
