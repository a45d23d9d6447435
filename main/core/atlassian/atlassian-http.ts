import { AppError } from '../errors/app-error.js';
import type { FetchLike } from '../oauth/token-client.js';

/** Longest Retry-After honoured: Atlassian has been seen to send absurd values (reference §6). */
export const MAX_RETRY_AFTER_SECONDS = 300;

export function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return Math.min(Math.ceil(seconds), MAX_RETRY_AFTER_SECONDS);
}

/**
 * GET a JSON resource from Atlassian with a bearer token, turning every known failure into an
 * AppError: a scope failure (401 + X-Failure-Category, case A1) is NOT an expired token.
 */
export async function getAtlassianJson(url: string, accessToken: string, options: { fetch?: FetchLike; neededScope?: string } = {}): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (cause) {
    throw new AppError('ATLASSIAN_UNREACHABLE', { detail: cause instanceof Error ? cause.message.slice(0, 200) : undefined, cause });
  }
  if (response.ok) {
    try {
      return await response.json();
    } catch (cause) {
      throw new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail: `HTTP ${response.status}, body is not JSON`, cause });
    }
  }
  const body = (await response.text().catch(() => '')).slice(0, 300);
  if (response.status === 401) {
    const scopeFailure = response.headers.get('x-failure-category') === 'FAILURE_CLIENT_SCOPE_CHECK' || body.includes('scope does not match');
    if (scopeFailure) {
      const scope = options.neededScope;
      throw new AppError('SCOPE_MISSING', {
        message: scope ? `Missing permission: this needs the scope ${scope}.` : 'Missing permission: the token lacks a scope this call needs.',
        detail: scope,
      });
    }
    throw new AppError('ATLASSIAN_TOKEN_REJECTED', { detail: 'HTTP 401' });
  }
  if (response.status === 429) {
    const retry = parseRetryAfter(response.headers.get('retry-after'));
    throw new AppError('ATLASSIAN_RATE_LIMITED', { detail: retry === null ? 'HTTP 429' : `HTTP 429, retry after ${retry}s` });
  }
  if (response.status >= 500) throw new AppError('ATLASSIAN_SERVER_ERROR', { detail: `HTTP ${response.status}` });
  throw new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail: `HTTP ${response.status}` });
}
