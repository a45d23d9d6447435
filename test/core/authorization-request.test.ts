import { describe, expect, it } from 'vitest';
import { atlassianCloudEnvironment } from '../../main/core/atlassian/environment.js';
import { buildAuthorizationRequest, encodeQuery } from '../../main/core/oauth/authorization-request.js';
import { createHash } from 'node:crypto';

const endpoints = atlassianCloudEnvironment().endpoints;

describe('authorization request', () => {
  it('E1: scopes are joined with %20, never +', async () => {
    const request = await buildAuthorizationRequest({ endpoints, clientId: 'cid', redirectUri: 'http://localhost:4200', scopes: ['write:confluence-file', 'search:confluence'] });
    expect(request.url).toContain('scope=write%3Aconfluence-file%20search%3Aconfluence');
    expect(request.url).not.toContain('+');
  });

  it('E2: sends redirect_uri byte-for-byte as registered (no trailing slash added)', async () => {
    const request = await buildAuthorizationRequest({ endpoints, clientId: 'cid', redirectUri: 'http://localhost:4200', scopes: ['search:confluence'] });
    expect(request.url).toContain(`redirect_uri=${encodeURIComponent('http://localhost:4200')}&`);
    expect(request.redirectUri).toBe('http://localhost:4200');
  });

  it('carries audience, response_type, prompt=consent and a fresh state per attempt', async () => {
    const a = await buildAuthorizationRequest({ endpoints, clientId: 'cid', redirectUri: 'http://localhost:1/cb', scopes: ['offline_access'] });
    const b = await buildAuthorizationRequest({ endpoints, clientId: 'cid', redirectUri: 'http://localhost:1/cb', scopes: ['offline_access'] });
    const params = new URL(a.url).searchParams;
    expect(a.url.startsWith('https://auth.atlassian.com/authorize?')).toBe(true);
    expect(params.get('audience')).toBe('api.atlassian.com');
    expect(params.get('response_type')).toBe('code');
    expect(params.get('prompt')).toBe('consent');
    expect(params.get('client_id')).toBe('cid');
    expect(params.get('state')).toBe(a.state);
    expect(a.state.length).toBeGreaterThanOrEqual(32);
    expect(a.state).not.toBe(b.state);
  });

  it('E4: PKCE verifier of 43–128 unreserved characters with an S256 challenge', async () => {
    const request = await buildAuthorizationRequest({ endpoints, clientId: 'cid', redirectUri: 'http://localhost:1/cb', scopes: ['offline_access'] });
    expect(request.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    const params = new URL(request.url).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    const expected = createHash('sha256').update(request.codeVerifier).digest('base64url');
    expect(params.get('code_challenge')).toBe(expected);
  });

  it('encodes reserved characters in every value', () => {
    expect(encodeQuery([['a b', 'c&d=e f']])).toBe('a%20b=c%26d%3De%20f');
  });
});
