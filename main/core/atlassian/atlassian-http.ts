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

export interface AtlassianRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  fetch?: FetchLike | undefined;
  /** The scope this call needs: named in the error when Atlassian's scope check fails (case A1). */
  neededScope?: string;
  /** Error statuses that are an expected answer here (e.g. 400 for a deliberately empty create). */
  acceptStatus?: readonly number[];
}

export interface AtlassianResponse {
  status: number;
  body: unknown;
}

/**
 * One call to Atlassian with a bearer token, turning every known failure into an AppError.
 * A scope failure (401 + X-Failure-Category) is NOT an expired token: it is SCOPE_MISSING.
 */
export async function atlassianRequest(url: string, accessToken: string, request: AtlassianRequest = {}): Promise<AtlassianResponse> {
  const doFetch = request.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: request.method ?? 'GET',
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: 'application/json',
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (cause) {
    throw new AppError('ATLASSIAN_UNREACHABLE', { detail: cause instanceof Error ? cause.message.slice(0, 200) : undefined, cause });
  }
  if (response.ok || request.acceptStatus?.includes(response.status)) {
    const text = await response.text().catch(() => '');
    try {
      return { status: response.status, body: text ? JSON.parse(text) : null };
    } catch (cause) {
      throw new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail: `HTTP ${response.status}, body is not JSON`, cause });
    }
  }
  const body = (await response.text().catch(() => '')).slice(0, 300);
  if (response.status === 401) {
    const scopeFailure = response.headers.get('x-failure-category') === 'FAILURE_CLIENT_SCOPE_CHECK' || body.includes('scope does not match');
    if (scopeFailure) {
      const scope = request.neededScope;
      throw new AppError('SCOPE_MISSING', {
        message: scope ? `Missing permission: this needs the scope ${scope}.` : 'Missing permission: the token lacks a scope this call needs.',
        ...(scope ? { detail: scope } : {}),
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

/** GET a JSON resource. */
export async function getAtlassianJson(url: string, accessToken: string, options: { fetch?: FetchLike | undefined; neededScope?: string } = {}): Promise<unknown> {
  return (await atlassianRequest(url, accessToken, options)).body;
}
