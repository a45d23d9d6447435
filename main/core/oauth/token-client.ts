import * as oauth from 'oauth4webapi';
import { timingSafeEqual } from 'node:crypto';
import type { AtlassianEndpoints } from '../atlassian/environment.js';
import { AppError } from '../errors/app-error.js';
import { mapCodeExchangeError, mapRefreshError } from './oauth-error-mapping.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface OAuthClientConfig {
  endpoints: AtlassianEndpoints;
  clientId: string;
  /** Atlassian always needs it: the app is a confidential client (reference §1). */
  clientSecret: string;
  /** Electron's net.fetch in the app, global fetch elsewhere. */
  fetch?: FetchLike;
}

export interface TokenSet {
  accessToken: string;
  /** null when Atlassian sent none (no offline_access, or a refresh answer without one: case T1). */
  refreshToken: string | null;
  expiresAt: Date;
  scopes: string[];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http is allowed for the local sandbox only; Atlassian itself is always https. */
export function isLoopbackHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
}

function serverOf(endpoints: AtlassianEndpoints): oauth.AuthorizationServer {
  return { issuer: endpoints.issuer, authorization_endpoint: endpoints.authorizeUrl, token_endpoint: endpoints.tokenUrl };
}

function requestOptions(config: OAuthClientConfig): oauth.TokenEndpointRequestOptions {
  return {
    ...(isLoopbackHttp(config.endpoints.tokenUrl) ? { [oauth.allowInsecureRequests]: true } : {}),
    ...(config.fetch ? { [oauth.customFetch]: config.fetch as typeof fetch } : {}),
    signal: AbortSignal.timeout(30_000),
  };
}

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks the callback's answer before anything is exchanged: the state must be this attempt's
 * (case C7), a declined consent stops here (C5), and a code must be present.
 */
export function validateCallback(config: OAuthClientConfig, params: URLSearchParams, expectedState: string): URLSearchParams {
  const state = params.get('state');
  if (!state || !sameState(state, expectedState)) {
    throw new AppError('OAUTH_STATE_MISMATCH', { detail: state ? 'state differs from this attempt' : 'state missing' });
  }
  const error = params.get('error');
  if (error) throw authorizationError(error, (params.get('error_description') ?? '').slice(0, 200));
  if (!params.get('code')) throw new AppError('OAUTH_INVALID_CALLBACK');
  return oauth.validateAuthResponse(serverOf(config.endpoints), { client_id: config.clientId }, params, expectedState);
}

/** Users whose site admin has not approved the app are told "Your site admin must authorize this app" (reference §1). */
const SITE_ADMIN_APPROVAL = /admin[^.]*\b(authori[sz]e|approve)/i;

/** The error a callback carries instead of a code (C5), by what Atlassian said. */
function authorizationError(error: string, description: string): AppError {
  const detail = `${error}${description ? `: ${description}` : ''}`;
  if (SITE_ADMIN_APPROVAL.test(description)) return new AppError('SITE_ADMIN_APPROVAL_REQUIRED', { detail });
  if (error === 'consent_required' || error === 'interaction_required') return new AppError('CONSENT_REQUIRED', { detail });
  if (error === 'access_denied') return new AppError('OAUTH_CONSENT_DECLINED', { ...(description ? { detail: description } : {}) });
  return new AppError('OAUTH_AUTHORIZATION_ERROR', { detail });
}

function toTokenSet(response: oauth.TokenEndpointResponse, now: Date, fallbackScopes: readonly string[]): TokenSet {
  const expiresIn = typeof response.expires_in === 'number' && response.expires_in > 0 ? response.expires_in : 3600;
  return {
    accessToken: response.access_token,
    refreshToken: typeof response.refresh_token === 'string' && response.refresh_token ? response.refresh_token : null,
    expiresAt: new Date(now.getTime() + expiresIn * 1000),
    scopes: typeof response.scope === 'string' ? response.scope.split(' ').filter(Boolean) : [...fallbackScopes],
  };
}

/** authorization_code grant with client_secret_post; carries redirect_uri, never state (case E3). */
export async function exchangeCode(
  config: OAuthClientConfig,
  input: { callbackParams: URLSearchParams; redirectUri: string; codeVerifier: string; requestedScopes: readonly string[]; now?: () => Date },
): Promise<TokenSet> {
  const as = serverOf(config.endpoints);
  const client: oauth.Client = { client_id: config.clientId };
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(config.clientSecret),
      input.callbackParams,
      input.redirectUri,
      input.codeVerifier,
      requestOptions(config),
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response);
    return toTokenSet(result, input.now?.() ?? new Date(), input.requestedScopes);
  } catch (error) {
    throw await mapCodeExchangeError(error, { operation: 'token-exchange', method: 'POST', url: config.endpoints.tokenUrl });
  }
}

/** refresh_token grant. A response without a refresh token keeps the caller's old one (case T1). */
export async function refreshTokens(
  config: OAuthClientConfig,
  input: { refreshToken: string; currentScopes: readonly string[]; now?: () => Date },
): Promise<TokenSet> {
  const as = serverOf(config.endpoints);
  const client: oauth.Client = { client_id: config.clientId };
  try {
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretPost(config.clientSecret), input.refreshToken, requestOptions(config));
    const result = await oauth.processRefreshTokenResponse(as, client, response);
    const tokens = toTokenSet(result, input.now?.() ?? new Date(), input.currentScopes);
    return { ...tokens, refreshToken: tokens.refreshToken ?? input.refreshToken };
  } catch (error) {
    throw await mapRefreshError(error, { operation: 'token-refresh', method: 'POST', url: config.endpoints.tokenUrl });
  }
}
