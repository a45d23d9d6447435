import type { TraceOperation } from '../diagnostics/diagnostics-model.js';
import { AppError } from '../errors/app-error.js';
import { describeFailedCall, type CallSite } from '../errors/failed-call.js';
import type { FetchLike } from '../oauth/token-client.js';

/** Longest Retry-After honoured: Atlassian has been seen to send absurd values (reference §6). */
export const MAX_RETRY_AFTER_SECONDS = 300;

/** Retry-After in seconds (capped), from a number of seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  // Seconds, or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT": it has letters); anything else is ignored.
  const seconds = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : /[a-z]/i.test(trimmed) ? (Date.parse(trimmed) - now.getTime()) / 1000 : NaN;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(Math.max(0, Math.ceil(seconds)), MAX_RETRY_AFTER_SECONDS);
}

/** A 3LO token only works through the API gateway; the site's own host answers 401 (reference §4). */
function isSiteHost(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith('.atlassian.net');
  } catch {
    return false;
  }
}

export interface AtlassianRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  fetch?: FetchLike | undefined;
  /** The scope this call needs: named in the error when Atlassian's scope check fails (case A1). */
  neededScope?: string;
  /** Error statuses that are an expected answer here (e.g. 400 for a deliberately empty create). */
  acceptStatus?: readonly number[];
  /** What this call is for, named in the detail of an unexpected failure; 'api' when not given. */
  operation?: TraceOperation;
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
  const site: CallSite = { operation: request.operation ?? 'api', method: request.method ?? 'GET', url };
  let response: Response;
  try {
    response = await doFetch(url, {
      method: site.method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: 'application/json',
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.slice(0, 200) : 'network error';
    throw new AppError('ATLASSIAN_UNREACHABLE', { detail: describeFailedCall(site, { status: null, note: reason }), cause });
  }
  const contentType = response.headers.get('content-type');
  if (response.ok || request.acceptStatus?.includes(response.status)) {
    const text = await response.text().catch(() => '');
    try {
      return { status: response.status, body: text ? JSON.parse(text) : null };
    } catch (cause) {
      throw new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail: describeFailedCall(site, { status: response.status, body: text, contentType, note: 'body is not JSON' }), cause });
    }
  }
  const body = await response.text().catch(() => '');
  const failed = () => describeFailedCall(site, { status: response.status, body, contentType });
  if (response.status === 401) {
    const scopeFailure = response.headers.get('x-failure-category') === 'FAILURE_CLIENT_SCOPE_CHECK' || body.includes('scope does not match');
    if (scopeFailure) {
      const scope = request.neededScope;
      throw new AppError('SCOPE_MISSING', {
        message: scope ? `Missing permission: this needs the scope ${scope}.` : 'Missing permission: the token lacks a scope this call needs.',
        ...(scope ? { detail: scope } : {}),
      });
    }
    if (isSiteHost(url)) throw new AppError('ATLASSIAN_WRONG_API_HOST', { detail: failed() });
    throw new AppError('ATLASSIAN_TOKEN_REJECTED', { detail: failed() });
  }
  if (response.status === 403 && site.operation !== 'accessible-resources') throw new AppError('CONFLUENCE_PERMISSION_DENIED', { detail: failed() });
  if (response.status === 410) throw new AppError('ATLASSIAN_API_GONE', { detail: failed() });
  if (response.status === 429) {
    const retry = parseRetryAfter(response.headers.get('retry-after'));
    throw new AppError('ATLASSIAN_RATE_LIMITED', { detail: retry === null ? 'HTTP 429' : `HTTP 429, retry after ${retry}s` });
  }
  if (response.status >= 500) throw new AppError('ATLASSIAN_SERVER_ERROR', { detail: failed() });
  throw new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail: failed() });
}

/** GET a JSON resource. */
export async function getAtlassianJson(
  url: string,
  accessToken: string,
  options: { fetch?: FetchLike | undefined; neededScope?: string; operation?: TraceOperation } = {},
): Promise<unknown> {
  return (await atlassianRequest(url, accessToken, options)).body;
}
