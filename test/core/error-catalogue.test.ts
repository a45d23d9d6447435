/**
 * Every documented failure (reference/atlassian-3lo.md, cases/oauth-field-reports.md) goes, as
 * Atlassian sends it, through the real mapping code and comes out with its catalogue code and fix.
 */
import { describe, expect, it } from 'vitest';
import { fetchAccessibleResources, confluenceSites } from '../../main/core/atlassian/accessible-resources.js';
import { atlassianRequest, parseRetryAfter, type AtlassianRequest } from '../../main/core/atlassian/atlassian-http.js';
import { atlassianCloudEnvironment } from '../../main/core/atlassian/environment.js';
import { AppError } from '../../main/core/errors/app-error.js';
import { errorCatalogue, errorCodes, type ErrorCode } from '../../main/core/errors/error-catalogue.js';
import { exchangeCode, refreshTokens, validateCallback, type FetchLike, type OAuthClientConfig } from '../../main/core/oauth/token-client.js';

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const endpoints = atlassianCloudEnvironment().endpoints;
const CLOUD_ID = '5f1e2d3c-0000-4a4a-9b9b-1234567890ab';
const API = `${endpoints.apiBaseUrl}/ex/confluence/${CLOUD_ID}`;

/** A fetch that answers like Atlassian: JSON unless the body is text, with the given headers. */
function answering(answer: Answer | Error): FetchLike {
  return async () => {
    if (answer instanceof Error) throw answer;
    const text = typeof answer.body === 'string' ? answer.body : answer.body === undefined ? '' : JSON.stringify(answer.body);
    const type = typeof answer.body === 'string' ? 'text/html; charset=utf-8' : 'application/json';
    return new Response(text, { status: answer.status, headers: { 'content-type': type, ...answer.headers } });
  };
}

async function failureOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

function client(answer: Answer | Error): OAuthClientConfig {
  return { endpoints, clientId: 'AbCdEfGh12345678', clientSecret: 'client-secret-value-0123', fetch: answering(answer) };
}

const codeExchange = (answer: Answer | Error) =>
  failureOf(async () => {
    const c = client(answer);
    const params = validateCallback(c, new URLSearchParams({ code: 'auth-code-1', state: 'S' }), 'S');
    return exchangeCode(c, { callbackParams: params, redirectUri: 'http://localhost:47615/oauth/callback', codeVerifier: 'v'.repeat(43), requestedScopes: [] });
  });
const refresh = (answer: Answer | Error) => failureOf(() => refreshTokens(client(answer), { refreshToken: 'refresh-token-value', currentScopes: [] }));
const callback = (query: string) => failureOf(async () => validateCallback(client({ status: 200 }), new URLSearchParams(query), 'S'));
const api = (answer: Answer | Error, url = `${API}/wiki/rest/api/space?limit=1`, request: AtlassianRequest = {}) =>
  failureOf(() => atlassianRequest(url, 'access-token-value', { ...request, fetch: answering(answer) }));
const sites = (answer: Answer) => failureOf(async () => confluenceSites(await fetchAccessibleResources(endpoints.accessibleResourcesUrl, 'access-token-value', answering(answer))));

const scopeCheck: Answer = {
  status: 401,
  body: { code: 401, message: 'Unauthorized; scope does not match' },
  headers: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
};
const clientRejected: Answer = { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
const absurdRetry: Answer = { status: 429, body: { code: 429, message: 'Rate limit exceeded' }, headers: { 'retry-after': '9223372036854775807', 'x-ratelimit-remaining': '0' } };
const jiraSite = { id: 'j1', name: 'Acme Jira', url: 'https://acme-jira.atlassian.net', scopes: ['read:jira-work', 'write:jira-work'] };

const documentedFailures: Array<{ source: string; run: () => Promise<AppError>; code: ErrorCode; detail?: RegExp }> = [
  // Token endpoint, code exchange (reference §2; A4, A5).
  { source: '§2/A4 wrong or missing client secret: 401 access_denied', run: () => codeExchange(clientRejected), code: 'OAUTH_CLIENT_AUTH_FAILED' },
  { source: '§2 401 with a WWW-Authenticate challenge', run: () => codeExchange({ ...clientRejected, headers: { 'www-authenticate': 'Basic realm="auth"' } }), code: 'OAUTH_CLIENT_AUTH_FAILED' },
  { source: '§2 expired code: 400 "authorization_code is invalid"', run: () => codeExchange({ status: 400, body: { error: 'invalid_grant', error_description: 'authorization_code is invalid' } }), code: 'OAUTH_CODE_EXPIRED' },
  { source: '§2/A5/E2 bad code or redirect_uri mismatch: 403 "Invalid authorization code"', run: () => codeExchange({ status: 403, body: { error: 'invalid_grant', error_description: 'Invalid authorization code' } }), code: 'OAUTH_CODE_REJECTED' },
  { source: '§6 token endpoint 429, absurd Retry-After', run: () => codeExchange({ status: 429, body: { error: 'rate_limit_exceeded' }, headers: { 'retry-after': '9223372036854775807' } }), code: 'ATLASSIAN_RATE_LIMITED', detail: /^HTTP 429, retry after 300s$/ },
  { source: 'token endpoint 503 with an OAuth body', run: () => codeExchange({ status: 503, body: { error: 'temporarily_unavailable', error_description: 'Service Unavailable' } }), code: 'ATLASSIAN_SERVER_ERROR', detail: /^HTTP 503 at token-exchange POST https:\/\/auth\.atlassian\.com\/oauth\/token/ },
  { source: 'token endpoint 502 with an HTML page', run: () => codeExchange({ status: 502, body: '<html><body>Bad gateway</body></html>' }), code: 'ATLASSIAN_SERVER_ERROR', detail: /HTTP 502/ },
  { source: 'network down during the exchange', run: () => codeExchange(new TypeError('fetch failed')), code: 'ATLASSIAN_UNREACHABLE', detail: /fetch failed.*token-exchange/ },
  // Refresh grant (reference §2-3; T3).
  { source: 'T3 refresh: 403 "Unknown or invalid refresh token."', run: () => refresh({ status: 403, body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' } }), code: 'ATLASSIAN_INVALID_GRANT', detail: /Unknown or invalid refresh token/ },
  { source: '§2 refresh: 403 "Token has been expired or revoked."', run: () => refresh({ status: 403, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } }), code: 'ATLASSIAN_INVALID_GRANT' },
  { source: 'refresh after the client secret was rotated: 401 access_denied', run: () => refresh(clientRejected), code: 'OAUTH_CLIENT_AUTH_FAILED' },
  { source: 'refresh rate limited, Retry-After as an HTTP date', run: () => refresh({ status: 429, body: { error: 'rate_limit_exceeded' }, headers: { 'retry-after': 'Wed, 21 Oct 2099 07:28:00 GMT' } }), code: 'ATLASSIAN_RATE_LIMITED', detail: /retry after 300s/ },
  { source: 'refresh: 500', run: () => refresh({ status: 500, body: { error: 'server_error' } }), code: 'ATLASSIAN_SERVER_ERROR' },
  // Authorization callback (reference §1; C5, C7).
  { source: 'C5 declined consent', run: () => callback('error=access_denied&error_description=User%20did%20not%20authorize&state=S'), code: 'OAUTH_CONSENT_DECLINED' },
  { source: '§1 "Your site admin must authorize this app"', run: () => callback('error=access_denied&error_description=Your%20site%20admin%20must%20authorize%20this%20app%20for%20the%20site&state=S'), code: 'SITE_ADMIN_APPROVAL_REQUIRED' },
  { source: '§1 new consent required', run: () => callback('error=consent_required&state=S'), code: 'CONSENT_REQUIRED' },
  { source: 'C7 state missing', run: () => callback('code=abc'), code: 'OAUTH_STATE_MISMATCH' },
  { source: 'C7 state of another attempt', run: () => callback('code=abc&state=other'), code: 'OAUTH_STATE_MISMATCH' },
  { source: 'callback without code or error', run: () => callback('state=S'), code: 'OAUTH_INVALID_CALLBACK' },
  { source: 'callback with another OAuth error', run: () => callback('error=server_error&state=S'), code: 'OAUTH_AUTHORIZATION_ERROR', detail: /server_error/ },
  // API gateway (reference §4-6; A1).
  { source: 'A1 scope check: 401 + X-Failure-Category', run: () => api(scopeCheck, `${API}/wiki/rest/api/search?cql=type%3Dpage`, { neededScope: 'search:confluence' }), code: 'SCOPE_MISSING' },
  { source: '§1 consent needed after the app\'s scopes changed: the new scope fails the scope check', run: () => api(scopeCheck, `${API}/wiki/api/v2/spaces`, { neededScope: 'read:space:confluence' }), code: 'SCOPE_MISSING' },
  { source: '§5 a double slash in the path fails the scope check', run: () => api(scopeCheck, `${API}/wiki//rest/api/space`), code: 'SCOPE_MISSING' },
  { source: 'token refused even after a refresh: plain 401', run: () => api({ status: 401, body: { code: 401, message: 'Unauthorized' }, headers: { 'www-authenticate': 'Bearer' } }), code: 'ATLASSIAN_TOKEN_REJECTED' },
  { source: '§4 a call to <site>.atlassian.net instead of api.atlassian.com: 401', run: () => api({ status: 401, body: { code: 401, message: 'Unauthorized' } }, 'https://acme.atlassian.net/wiki/rest/api/space'), code: 'ATLASSIAN_WRONG_API_HOST', detail: /acme\.atlassian\.net/ },
  { source: '§5 deprecated v1 endpoint: 410', run: () => api({ status: 410, body: { statusCode: 410, message: 'This API has been removed. Use /wiki/api/v2/spaces.' } }), code: 'ATLASSIAN_API_GONE', detail: /HTTP 410 at api GET .*\/wiki\/rest\/api\/space; body: .*removed/ },
  { source: 'Confluence refuses the account: 403', run: () => api({ status: 403, body: { statusCode: 403, message: 'Not permitted to use Confluence' } }), code: 'CONFLUENCE_PERMISSION_DENIED' },
  { source: '§6 API 429 with an absurd Retry-After', run: () => api(absurdRetry), code: 'ATLASSIAN_RATE_LIMITED', detail: /^HTTP 429, retry after 300s$/ },
  { source: '§6 API 429 without Retry-After', run: () => api({ status: 429, body: { code: 429, message: 'Rate limit exceeded' } }), code: 'ATLASSIAN_RATE_LIMITED', detail: /^HTTP 429$/ },
  { source: 'API 503', run: () => api({ status: 503, body: { code: 503, message: 'Service Unavailable' } }), code: 'ATLASSIAN_SERVER_ERROR', detail: /^HTTP 503 at api GET/ },
  { source: 'API unreachable', run: () => api(new TypeError('fetch failed')), code: 'ATLASSIAN_UNREACHABLE', detail: /^No answer \(fetch failed\) at api GET/ },
  // accessible-resources (reference §4; A2, A3).
  { source: 'A3 accessible-resources is []', run: () => sites({ status: 200, body: [] }), code: 'NO_CONFLUENCE_SITE', detail: /empty.*site admin/ },
  { source: 'A2 accessible-resources lists only a Jira site', run: () => sites({ status: 200, body: [jiraSite] }), code: 'NO_CONFLUENCE_SITE', detail: /Acme Jira \(https:\/\/acme-jira\.atlassian\.net\)/ },
  { source: 'accessible-resources answers something that is not a list of sites', run: () => sites({ status: 200, body: { sites: [] } }), code: 'ATLASSIAN_UNEXPECTED_RESPONSE', detail: /accessible-resources/ },
];

describe('every documented failure maps to its catalogue code and fix', () => {
  it.each(documentedFailures)('$source → $code', async ({ run, code, detail }) => {
    const error = await run();
    expect(error.code).toBe(code);
    expect(error.remediation).toBe(errorCatalogue[code].remediation);
    if (detail) expect(error.detail).toMatch(detail);
  });

  it('A1: the scope failure names the scope the call needed, and is not an expired token', async () => {
    const error = await api(scopeCheck, `${API}/wiki/rest/api/search?cql=type%3Dpage`, { neededScope: 'search:confluence' });
    expect(error.message).toBe('Missing permission: this needs the scope search:confluence.');
    expect(error.detail).toBe('search:confluence');
  });

  it('A3: no site at all says so in plain words, with the site-admin hint', async () => {
    const error = await sites({ status: 200, body: [] });
    expect(error.message).toMatch(/no Confluence site is available to this account for this app/i);
    expect(error.remediation).toMatch(/site admin/);
  });
});

describe('unknown failures keep the status, where it happened and a redacted excerpt', () => {
  it('an unexpected token endpoint answer', async () => {
    const error = await codeExchange({ status: 400, body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' } });
    expect(error.code).toBe('ATLASSIAN_UNEXPECTED_RESPONSE');
    expect(error.detail).toMatch(/^HTTP 400 at token-exchange POST https:\/\/auth\.atlassian\.com\/oauth\/token; body: .*unsupported_grant_type/);
  });

  it('an unexpected API answer, without the query string', async () => {
    const error = await api({ status: 404, body: { code: 404, message: 'Not Found' } }, `${API}/wiki/rest/api/content?limit=1&expand=body`);
    expect(error.code).toBe('ATLASSIAN_UNEXPECTED_RESPONSE');
    expect(error.detail).toBe(`HTTP 404 at api GET ${API}/wiki/rest/api/content; body: {"code":404,"message":"Not Found"}`);
  });

  it('an HTML error page, cut short', async () => {
    const error = await api({ status: 418, body: `<html><body>${'teapot '.repeat(200)}</body></html>` });
    expect(error.detail).toMatch(/^HTTP 418 at api GET .*; body: <html><body>teapot/);
    expect(error.detail!.length).toBeLessThan(500);
  });

  it('a body carrying a token or a secret shows neither', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEiLCJleHAiOjk5OTk5OTk5OTl9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWc';
    const error = await api({ status: 400, body: { message: 'bad request', access_token: jwt, client_secret: 'client-secret-value-0123' } });
    expect(error.detail).toMatch(/^HTTP 400 at api GET/);
    expect(error.detail).not.toContain(jwt);
    expect(error.detail).not.toContain('client-secret-value-0123');
  });
});

describe('Retry-After', () => {
  it('caps absurd values, reads HTTP dates, ignores nonsense', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('9223372036854775807', now)).toBe(300);
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

/** Failures that happen outside an HTTP answer: thrown by the services with these codes (tested there). */
const failuresRaisedByServices: Array<{ source: string; code: ErrorCode }> = [
  { source: 'C6 the sign-in window was closed', code: 'OAUTH_WINDOW_CLOSED' },
  { source: 'C8 a newer attempt replaced this one', code: 'OAUTH_SUPERSEDED' },
  { source: 'sign-in took too long', code: 'OAUTH_TIMEOUT' },
  { source: 'T2 no refresh token and the access token expired', code: 'TOKEN_EXPIRED' },
  { source: 'the callback port is taken', code: 'CALLBACK_PORT_IN_USE' },
  { source: 'the chosen site is not one this sign-in reaches', code: 'SITE_CHOICE_INVALID' },
];

const ACTION_WORDS =
  /\b(select|reconnect|connect|check|ask|choose|open|enter|correct|copy|sign in|restart|restore|try|wait|update|add|set|install|close|make sure|give|send|refresh|finish|use|edit|contact|move|export|include|type|fill|keep|remove|reset|report|describe)\b/i;
const PLACEHOLDER = /[<>{}[\]]|\$\{|%[sd]\b|\b(TODO|TBD|FIXME|XXX|lorem|placeholder)\b|\.\.\.|\?\?/i;

describe('the catalogue', () => {
  it.each(failuresRaisedByServices)('$source has an entry: $code', ({ code }) => {
    expect(errorCatalogue[code].message).not.toBe('');
  });

  it.each(errorCodes)('%s: a plain message and a fix that says what to do', (code) => {
    expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    const { message, remediation } = errorCatalogue[code];
    expect(message.trim().length).toBeGreaterThan(10);
    expect(message).toMatch(/[.!]$/);
    expect(remediation.trim().length).toBeGreaterThan(10);
    expect(remediation).toMatch(/\.$/);
    expect(remediation).not.toBe(message);
    expect(remediation).toMatch(ACTION_WORDS);
  });

  it.each(errorCodes)('%s: no placeholder in its texts', (code) => {
    const { message, remediation } = errorCatalogue[code];
    expect(message).not.toMatch(PLACEHOLDER);
    expect(remediation).not.toMatch(PLACEHOLDER);
  });
});
