import * as oauth from 'oauth4webapi';
import type { AtlassianEndpoints } from '../atlassian/environment.js';

/** Everything one sign-in attempt must remember to finish safely. Lives only in memory. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  codeVerifier: string;
  redirectUri: string;
  scopes: string[];
}

/**
 * Query strings are built by hand because URLSearchParams encodes spaces as '+', which Atlassian
 * does not read as a separator (case E1). encodeURIComponent gives '%20' and '%3A'.
 */
export function encodeQuery(params: ReadonlyArray<readonly [string, string]>): string {
  return params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export async function buildAuthorizationRequest(input: {
  endpoints: AtlassianEndpoints;
  clientId: string;
  /** Sent byte-for-byte as registered (case E2). */
  redirectUri: string;
  scopes: readonly string[];
}): Promise<AuthorizationRequest> {
  const state = oauth.generateRandomState();
  // PKCE S256 (case E4): Atlassian still requires the client secret, but PKCE costs nothing.
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  const query = encodeQuery([
    ['audience', input.endpoints.audience],
    ['client_id', input.clientId],
    ['scope', input.scopes.join(' ')],
    ['redirect_uri', input.redirectUri],
    ['state', state],
    ['response_type', 'code'],
    ['prompt', 'consent'],
    ['code_challenge', codeChallenge],
    ['code_challenge_method', 'S256'],
  ]);
  return { url: `${input.endpoints.authorizeUrl}?${query}`, state, codeVerifier, redirectUri: input.redirectUri, scopes: [...input.scopes] };
}
