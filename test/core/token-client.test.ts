import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxEnvironment } from '../../main/core/atlassian/environment.js';
import { buildAuthorizationRequest } from '../../main/core/oauth/authorization-request.js';
import { matchCallback } from '../../main/core/oauth/callback-matcher.js';
import { exchangeCode, isLoopbackHttp, validateCallback, type OAuthClientConfig } from '../../main/core/oauth/token-client.js';
import { CALLBACK_URL, runConsent, startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { startSandbox } from '../../main/sandbox/index.js';

let sandbox: TestSandbox;
let client: OAuthClientConfig;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  const env = sandboxEnvironment(sandbox.url, { callbackUrl: CALLBACK_URL, managedApp: sandbox.managedApp });
  client = { endpoints: env.endpoints, clientId: sandbox.managedApp.clientId, clientSecret: sandbox.managedApp.clientSecret };
});
afterEach(() => sandbox.close());

async function signIn(redirectUri = CALLBACK_URL) {
  const request = await buildAuthorizationRequest({ endpoints: client.endpoints, clientId: client.clientId, redirectUri, scopes: ['search:confluence', 'offline_access'] });
  const callback = await runConsent(sandbox, { rawQuery: new URL(request.url).search.slice(1), email: 'solo@example.com' });
  const params = matchCallback(callback.toString(), redirectUri)!.params;
  return { request, params: validateCallback(client, params, request.state) };
}

describe('token client (oauth4webapi against the sandbox)', () => {
  it('exchanges a code and reads expiry, scopes and the refresh token', async () => {
    const { request, params } = await signIn();
    const tokens = await exchangeCode(client, { callbackParams: params, redirectUri: request.redirectUri, codeVerifier: request.codeVerifier, requestedScopes: request.scopes });
    expect(tokens.accessToken.split('.')).toHaveLength(3);
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.scopes).toEqual(expect.arrayContaining(['search:confluence', 'offline_access']));
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('A5: redirect_uri differing from the one used at /authorize → OAUTH_CODE_REJECTED naming the callback URL', async () => {
    const { request, params } = await signIn();
    const exchange = exchangeCode(client, { callbackParams: params, redirectUri: `${request.redirectUri}/`, codeVerifier: request.codeVerifier, requestedScopes: request.scopes });
    await expect(exchange).rejects.toMatchObject({ code: 'OAUTH_CODE_REJECTED', remediation: expect.stringMatching(/byte for byte/) });
  });

  it('C7: a code already used is never accepted twice', async () => {
    const { request, params } = await signIn();
    const input = { callbackParams: params, redirectUri: request.redirectUri, codeVerifier: request.codeVerifier, requestedScopes: request.scopes };
    await exchangeCode(client, input);
    await expect(exchangeCode(client, input)).rejects.toMatchObject({ code: 'OAUTH_CODE_REJECTED' });
  });

  it('E4: the PKCE verifier must match the challenge sent at /authorize', async () => {
    const { request, params } = await signIn();
    const wrongVerifier = 'x'.repeat(43);
    await expect(exchangeCode(client, { callbackParams: params, redirectUri: request.redirectUri, codeVerifier: wrongVerifier, requestedScopes: [] })).rejects.toMatchObject({ code: 'OAUTH_CODE_REJECTED' });
    expect(request.codeVerifier).not.toBe(wrongVerifier);
  });

  it('A4: wrong client secret → OAUTH_CLIENT_AUTH_FAILED', async () => {
    const { request, params } = await signIn();
    await expect(
      exchangeCode({ ...client, clientSecret: 'nope' }, { callbackParams: params, redirectUri: request.redirectUri, codeVerifier: request.codeVerifier, requestedScopes: [] }),
    ).rejects.toMatchObject({ code: 'OAUTH_CLIENT_AUTH_FAILED' });
  });

  it('C7: missing or foreign state is refused before any exchange', () => {
    expect(() => validateCallback(client, new URLSearchParams('code=abc'), 'expected')).toThrow(expect.objectContaining({ code: 'OAUTH_STATE_MISMATCH' }));
    expect(() => validateCallback(client, new URLSearchParams('code=abc&state=other'), 'expected')).toThrow(expect.objectContaining({ code: 'OAUTH_STATE_MISMATCH' }));
    expect(() => validateCallback(client, new URLSearchParams('state=expected'), 'expected')).toThrow(expect.objectContaining({ code: 'OAUTH_INVALID_CALLBACK' }));
    expect(() =>
      validateCallback(client, new URLSearchParams('error=access_denied&error_description=User%20did%20not%20authorize&state=expected'), 'expected'),
    ).toThrow(expect.objectContaining({ code: 'OAUTH_CONSENT_DECLINED' }));
    expect(() => validateCallback(client, new URLSearchParams('error=server_error&state=expected'), 'expected')).toThrow(expect.objectContaining({ code: 'OAUTH_AUTHORIZATION_ERROR' }));
  });

  it('E2: a callback registered without a trailing slash is sent byte-for-byte to /authorize and /oauth/token', async () => {
    const bare = 'http://localhost:4200';
    const other = await startSandbox({ port: 0, callbackUrl: bare });
    try {
      const env = sandboxEnvironment(other.url, { callbackUrl: bare, managedApp: other.managedApp });
      const c: OAuthClientConfig = { endpoints: env.endpoints, clientId: other.managedApp.clientId, clientSecret: other.managedApp.clientSecret };
      const request = await buildAuthorizationRequest({ endpoints: c.endpoints, clientId: c.clientId, redirectUri: bare, scopes: ['search:confluence'] });
      expect(new URL(request.url).searchParams.get('redirect_uri')).toBe(bare);
      const callback = await runConsent(other, { rawQuery: new URL(request.url).search.slice(1), email: 'solo@example.com' });
      const params = validateCallback(c, matchCallback(callback.toString(), bare)!.params, request.state);
      await exchangeCode(c, { callbackParams: params, redirectUri: request.redirectUri, codeVerifier: request.codeVerifier, requestedScopes: request.scopes });
      expect(other.control.tokenRequests()[0]?.body.redirect_uri).toBe(bare);
    } finally {
      await other.close();
    }
  });

  it('allows plain http only for loopback hosts', () => {
    expect(isLoopbackHttp('http://127.0.0.1:9/oauth/token')).toBe(true);
    expect(isLoopbackHttp('http://localhost:9/oauth/token')).toBe(true);
    expect(isLoopbackHttp('http://auth.example.com/oauth/token')).toBe(false);
    expect(isLoopbackHttp('https://auth.atlassian.com/oauth/token')).toBe(false);
  });
});
