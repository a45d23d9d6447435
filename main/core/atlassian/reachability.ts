import { AppError } from '../errors/app-error.js';
import type { FetchLike } from '../oauth/token-client.js';

/**
 * Asks the authorization server for anything at all before a sign-in window opens: any HTTP answer
 * means it is reachable. Without this, an offline machine shows the user a browser error page in
 * the sign-in window instead of a message that says what to do.
 */
export async function ensureReachable(url: string, fetch: FetchLike = globalThis.fetch, timeoutMs = 8000): Promise<void> {
  const origin = new URL(url).origin;
  try {
    const response = await fetch(origin, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
  } catch (cause) {
    throw new AppError('ATLASSIAN_UNREACHABLE', { detail: `${origin} did not answer`, cause });
  }
}
