/**
 * Where ConnectDesk's own UI lives: app://connectdesk/, served from the app bundle by
 * app-protocol.ts. Trusted-sender checks and navigation guards compare against these.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'connectdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on the app's origin. Compares parsed scheme and host (never startsWith:
 * `app://connectdesk.evil/` and `app://connectdesk@evil/` must fail). Node's URL gives custom
 * schemes an opaque origin ("null") and keeps their host's case (Chromium lowercases a standard
 * scheme's host), so the parts are compared, the host case-insensitively.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
