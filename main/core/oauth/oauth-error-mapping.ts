import * as oauth from 'oauth4webapi';
import { AppError } from '../errors/app-error.js';

/** Atlassian's error_description, truncated: never a token, safe to show. */
function describe(error: oauth.ResponseBodyError): string {
  const text = `${error.status} ${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
  return text.slice(0, 200);
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof oauth.ResponseBodyError) return error.status;
  if (error instanceof oauth.OperationProcessingError && error.cause instanceof Response) return error.cause.status;
  return undefined;
}

/** Failures common to every call: network, rate limits, server errors. */
export function mapTransportError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof TypeError || (error instanceof Error && error.name === 'AbortError')) {
    return new AppError('ATLASSIAN_UNREACHABLE', { detail: error.message.slice(0, 200), cause: error });
  }
  const status = statusOf(error);
  if (status === 429) return new AppError('ATLASSIAN_RATE_LIMITED', { detail: 'HTTP 429', cause: error });
  if (status !== undefined && status >= 500) return new AppError('ATLASSIAN_SERVER_ERROR', { detail: `HTTP ${status}`, cause: error });
  return null;
}

/** The code exchange's failures, as Atlassian reports them (reference §2; cases A4, A5). */
export function mapCodeExchangeError(error: unknown): AppError {
  const transport = mapTransportError(error);
  if (transport) return transport;
  if (error instanceof oauth.ResponseBodyError) {
    const detail = describe(error);
    if (error.status === 401 || error.error === 'access_denied' || error.error === 'invalid_client' || error.error === 'unauthorized_client') {
      return new AppError('OAUTH_CLIENT_AUTH_FAILED', { detail, cause: error });
    }
    if (error.error === 'invalid_grant') {
      const description = (error.error_description ?? '').toLowerCase();
      if (error.status === 400 || description.includes('expired') || description.includes('authorization_code is invalid')) {
        return new AppError('OAUTH_CODE_EXPIRED', { detail, cause: error });
      }
      return new AppError('OAUTH_CODE_REJECTED', { detail, cause: error });
    }
    return new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail, cause: error });
  }
  return new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail: error instanceof Error ? error.message.slice(0, 200) : undefined, cause: error });
}

/** The refresh grant's failures: invalid_grant means the user must reconnect (case T3). */
export function mapRefreshError(error: unknown): AppError {
  const transport = mapTransportError(error);
  if (transport) return transport;
  if (error instanceof oauth.ResponseBodyError) {
    if (error.error === 'invalid_grant') return new AppError('ATLASSIAN_INVALID_GRANT', { detail: describe(error), cause: error });
    if (error.status === 401 || error.error === 'access_denied') return new AppError('OAUTH_CLIENT_AUTH_FAILED', { detail: describe(error), cause: error });
    return new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail: describe(error), cause: error });
  }
  return new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { cause: error });
}
