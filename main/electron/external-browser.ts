/**
 * The only way ConnectDesk hands a URL to the operating system's browser (checklist §14–15).
 * shell.openExternal launches whatever handler the OS has for a scheme (file:, smb:, custom
 * protocol handlers), so only web URLs pass: https anywhere, plain http only on loopback (the
 * system-browser sign-in against the local sandbox, RFC 8252 loopback redirects).
 */
import type { ShellLike } from './electron-api.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function hasNoCredentials(url: URL): boolean {
  // "https://atlassian.com@evil.example/" reads like Atlassian to a person; refuse userinfo outright.
  return url.username === '' && url.password === '';
}

/** https only: for links the app's own pages ask to open (window.open, target=_blank). */
export function isHttpsUrl(url: unknown): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && hasNoCredentials(parsed);
}

/** https, or http on a loopback host: what the system-browser sign-in may open. */
export function isExternalBrowserUrl(url: unknown): boolean {
  const parsed = parse(url);
  if (!parsed || !hasNoCredentials(parsed)) return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
}

export type OpenExternal = (url: string) => Promise<boolean>;

/** Opens vetted URLs in the OS browser; resolves false (and opens nothing) for anything else. */
export function createExternalOpener(shell: ShellLike, vet: (url: unknown) => boolean = isExternalBrowserUrl): OpenExternal {
  return async (url) => {
    if (!vet(url)) return false;
    // Re-serialise through URL so what the OS receives is exactly what was vetted.
    await shell.openExternal(new URL(url).href);
    return true;
  };
}
