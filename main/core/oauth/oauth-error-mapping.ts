import * as oauth from 'oauth4webapi';
import { parseRetryAfter } from '../atlassian/atlassian-http.js';
import { AppError } from '../errors/app-error.js';
import { describeFailedCall, type CallSite } from '../errors/failed-call.js';

/** The token endpoint's answer behind an oauth4webapi error, when there was one. */
interface TokenEndpointAnswer {
  status: number;
  headers: Headers;
  body: string | null;
  contentType: string | null;
  /** OAuth's `error` and `error_description`, when the body is an OAuth error. */
  error: string | null;
  description: string;
}

async function unreadBody(response: Response): Promise<string | null> {
  if (response.bodyUsed) return null;
  return response.clone().text().catch(() => null);
}

function oauthFields(body: string | null): { error: string | null; description: string } {
  try {
    const parsed: unknown = body ? JSON.parse(body) : null;
    if (parsed && typeof parsed === 'object') {
      const { error, error_description: description } = parsed as Record<string, unknown>;
      return { error: typeof error === 'string' ? error : null, description: typeof description === 'string' ? description : '' };
    }
  } catch {
    // Not JSON (an HTML error page): no OAuth fields.
  }
  return { error: null, description: '' };
}

/** oauth4webapi reports an error answer three ways: an OAuth error body, a WWW-Authenticate challenge, or an unexpected response. */
async function answerOf(error: unknown): Promise<TokenEndpointAnswer | null> {
  if (error instanceof oauth.ResponseBodyError) {
    const { response } = error;
    return {
      status: error.status,
      headers: response.headers,
      body: JSON.stringify(error.cause),
      contentType: response.headers.get('content-type'),
      error: error.error,
      description: error.error_description ?? '',
    };
  }
  const response =
    error instanceof oauth.WWWAuthenticateChallengeError ? error.response : error instanceof oauth.OperationProcessingError && error.cause instanceof Response ? error.cause : null;
  if (!response) return null;
  const body = await unreadBody(response);
  return { status: response.status, headers: response.headers, body, contentType: response.headers.get('content-type'), ...oauthFields(body) };
}

/** Atlassian's own words, short: never a token, safe to show ("HTTP 403 invalid_grant: Unknown or invalid refresh token."). */
function describe(answer: TokenEndpointAnswer): string {
  return `HTTP ${answer.status} ${answer.error ?? ''}${answer.description ? `: ${answer.description}` : ''}`.trim().slice(0, 200);
}

const CLIENT_AUTH_ERRORS = new Set(['access_denied', 'invalid_client', 'unauthorized_client']);

function isNetworkFailure(error: unknown): error is Error {
  return error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'));
}

/** Failures common to every call of the token endpoint: network, rate limits, server errors. */
function mapTransport(error: unknown, answer: TokenEndpointAnswer | null, site: CallSite): AppError | null {
  if (error instanceof AppError) return error;
  if (isNetworkFailure(error)) return new AppError('ATLASSIAN_UNREACHABLE', { detail: describeFailedCall(site, { status: null, note: error.message.slice(0, 200) }), cause: error });
  if (!answer) return null;
  if (answer.status === 429) {
    const retry = parseRetryAfter(answer.headers.get('retry-after'));
    return new AppError('ATLASSIAN_RATE_LIMITED', { detail: retry === null ? 'HTTP 429' : `HTTP 429, retry after ${retry}s`, cause: error });
  }
  if (answer.status >= 500) return new AppError('ATLASSIAN_SERVER_ERROR', { detail: describeFailedCall(site, answer), cause: error });
  return null;
}

/** Anything not recognised: its status, where it happened and a redacted excerpt of the answer. */
function unexpected(error: unknown, answer: TokenEndpointAnswer | null, site: CallSite): AppError {
  const detail = answer ? describeFailedCall(site, answer) : describeFailedCall(site, { status: null, note: error instanceof Error ? error.message.slice(0, 200) : 'no answer' });
  return new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail, cause: error });
}

/** The code exchange's failures, as Atlassian reports them (reference §2; cases A4, A5). */
export async function mapCodeExchangeError(error: unknown, site: CallSite): Promise<AppError> {
  const answer = await answerOf(error);
  const transport = mapTransport(error, answer, site);
  if (transport) return transport;
  if (!answer) return unexpected(error, answer, site);
  const detail = describe(answer);
  if (answer.status === 401 || CLIENT_AUTH_ERRORS.has(answer.error ?? '')) return new AppError('OAUTH_CLIENT_AUTH_FAILED', { detail, cause: error });
  const description = answer.description.toLowerCase();
  // Expired: 400 "authorization_code is invalid"; wrong code or redirect_uri: 403 "Invalid authorization code".
  if (description.includes('authorization_code is invalid') || description.includes('expired') || (answer.error === 'invalid_grant' && answer.status === 400)) {
    return new AppError('OAUTH_CODE_EXPIRED', { detail, cause: error });
  }
  if (answer.error === 'invalid_grant' || description.includes('invalid authorization code')) return new AppError('OAUTH_CODE_REJECTED', { detail, cause: error });
  return unexpected(error, answer, site);
}

/** The refresh grant's failures: invalid_grant means the user must reconnect (case T3). */
export async function mapRefreshError(error: unknown, site: CallSite): Promise<AppError> {
  const answer = await answerOf(error);
  const transport = mapTransport(error, answer, site);
  if (transport) return transport;
  if (!answer) return unexpected(error, answer, site);
  if (answer.error === 'invalid_grant') return new AppError('ATLASSIAN_INVALID_GRANT', { detail: describe(answer), cause: error });
  if (answer.status === 401 || CLIENT_AUTH_ERRORS.has(answer.error ?? '')) return new AppError('OAUTH_CLIENT_AUTH_FAILED', { detail: describe(answer), cause: error });
  return unexpected(error, answer, site);
}
