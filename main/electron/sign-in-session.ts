/**
 * The browser session a sign-in window runs in: which partition, what it may do, and how it is
 * wiped afterwards. A fresh in-memory partition per attempt means a second account never
 * inherits the first one's cookies (case C9) unless the user asked to stay signed in.
 */
import type { SessionLike, WebRequestFilter } from './electron-api.js';

export interface SignInPartition {
  partition: string;
  /** `persist:` partitions keep cookies on disk ("stay signed in"); they are never wiped here. */
  persistent: boolean;
}

export function signInPartition(persistSession: { partitionKey: string } | null, randomId: () => string): SignInPartition {
  if (persistSession) {
    // The key becomes a directory name under the app's Partitions folder: keep it to safe characters.
    const key = persistSession.partitionKey.replace(/[^A-Za-z0-9._-]/g, '_');
    return { partition: `persist:signin-${key}`, persistent: true };
  }
  // No "persist:" prefix: Electron keeps this session in memory only.
  return { partition: `signin-${randomId()}`, persistent: false };
}

/**
 * The webRequest filter for the callback's host. Chromium's URL patterns cannot express an exact
 * port and path match, so the filter is deliberately wider (any port, any path on that host) and
 * the listener decides exactness with callback-matcher (case C3).
 */
export function callbackRequestFilter(callbackUrl: string): WebRequestFilter {
  const url = new URL(callbackUrl);
  return { urls: [`${url.protocol}//${url.hostname}/*`] };
}

/** Wipes what the identity provider left behind (cookies, local storage, cache) in a throwaway session. */
export async function wipeSession(session: SessionLike): Promise<void> {
  await Promise.allSettled([session.clearStorageData(), session.clearCache()]);
}
