import type { ConnectionDiagnosticsDto, ConnectionSummaryDto, ErrorInfoDto, HttpTraceDto } from '../../preload/contract';
import { errorCatalogue } from '../../main/core/errors/error-catalogue';
import { makeConnection } from './fixtures';

/** What main would collect for a connection in one of the states support staff meet most. */
export type DiagnosticsScenario = 'healthy' | 'revoked-grant' | 'scope-missing' | 'client-secret-rotated' | 'no-history';

const DAY = 86_400_000;
const catalogue = (code: keyof typeof errorCatalogue, detail?: string): ErrorInfoDto => ({ code, ...errorCatalogue[code], ...(detail ? { detail } : {}) });

export const scopeMissingCause: ErrorInfoDto = {
  ...catalogue('SCOPE_MISSING', 'search:confluence'),
  message: 'Missing permission: this needs the scope search:confluence.',
};
export const revokedCause = catalogue('ATLASSIAN_INVALID_GRANT', 'HTTP 403 invalid_grant: Unknown or invalid refresh token.');
export const rotatedCause = catalogue('OAUTH_CLIENT_AUTH_FAILED', 'HTTP 401 access_denied: Unauthorized');

function trace(id: string, at: number, partial: Partial<HttpTraceDto> & Pick<HttpTraceDto, 'operation' | 'method' | 'url' | 'status'>): HttpTraceDto {
  return {
    id,
    at: new Date(at).toISOString(),
    attemptId: null,
    durationMs: 120,
    requestHeaders: { authorization: 'Bearer «redacted»', accept: 'application/json' },
    responseHeaders: { 'content-type': 'application/json', 'atl-traceid': `trace-${id}` },
    requestBody: null,
    responseBody: null,
    ...partial,
  };
}

function tracesFor(scenario: DiagnosticsScenario, api: string, now: number): HttpTraceDto[] {
  const sites = trace('t1', now - 60_000, {
    operation: 'check',
    method: 'GET',
    url: 'https://api.atlassian.com/oauth/token/accessible-resources',
    status: 200,
    responseBody: '[{"id":"cloud-acme","name":"Acme Wiki","url":"https://acme.atlassian.net","scopes":["search:confluence"]}]',
  });
  switch (scenario) {
    case 'no-history':
      return [];
    case 'revoked-grant':
      return [
        // Atlassian refuses the access token (the grant is gone), then the refresh it sets off.
        trace('t0', now - 61_000, {
          operation: 'check',
          method: 'GET',
          url: 'https://api.atlassian.com/oauth/token/accessible-resources',
          status: 401,
          responseHeaders: { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' },
          responseBody: '{"code":401,"message":"Unauthorized"}',
        }),
        trace('t1', now - 60_000, {
          operation: 'token-refresh',
          method: 'POST',
          url: 'https://auth.atlassian.com/oauth/token',
          status: 403,
          requestHeaders: { 'content-type': 'application/x-www-form-urlencoded' },
          requestBody: 'grant_type=refresh_token&client_id=••••9f2c&client_secret=«redacted»&refresh_token=«redacted»',
          responseBody: '{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}',
        }),
      ];
    case 'client-secret-rotated':
      return [
        trace('t1', now - 60_000, {
          operation: 'token-refresh',
          method: 'POST',
          url: 'https://auth.atlassian.com/oauth/token',
          status: 401,
          requestHeaders: { 'content-type': 'application/x-www-form-urlencoded' },
          requestBody: 'grant_type=refresh_token&client_id=••••9f2c&client_secret=«redacted»&refresh_token=«redacted»',
          responseBody: '{"error":"access_denied","error_description":"Unauthorized"}',
        }),
      ];
    case 'scope-missing':
      return [
        sites,
        trace('t2', now - 59_000, { operation: 'check', method: 'GET', url: `${api}/wiki/rest/api/space?limit=1`, status: 200, responseBody: '{"results":[]}' }),
        trace('t3', now - 58_000, {
          operation: 'check',
          method: 'GET',
          url: `${api}/wiki/rest/api/search?cql=type%3Dpage&limit=1`,
          status: 401,
          responseHeaders: { 'content-type': 'application/json', 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK', 'x-ratelimit-remaining': '97' },
          responseBody: '{"code":401,"message":"Unauthorized; scope does not match"}',
        }),
      ];
    case 'healthy':
      return [sites, trace('t2', now - 59_000, { operation: 'check', method: 'GET', url: `${api}/wiki/rest/api/space?limit=1`, status: 200, responseBody: '{"results":[]}' })];
  }
}

/** As main words them: the status (or the failed step), then what is wrong. */
const headlines: Partial<Record<DiagnosticsScenario, string>> = {
  'revoked-grant': `Needs reconnect: ${revokedCause.message.replace(/\.$/, '')}`,
  'scope-missing': 'Error: missing permission search:confluence (Search: finding pages and blog posts with CQL)',
  'client-secret-rotated': `Needs reconnect: ${rotatedCause.message.replace(/\.$/, '')}`,
};

const causes: Partial<Record<DiagnosticsScenario, ErrorInfoDto>> = {
  'revoked-grant': revokedCause,
  'scope-missing': scopeMissingCause,
  'client-secret-rotated': rotatedCause,
};

/** Realistic diagnostics for `connection` (a row of the fake bridge) in `scenario`. */
export function diagnosticsFor(connection: ConnectionSummaryDto, scenario: DiagnosticsScenario = 'healthy', now = Date.now()): ConnectionDiagnosticsDto {
  const cause = causes[scenario] ?? null;
  const cloudId = connection.site?.cloudId ?? 'cloud-acme';
  const api = `https://api.atlassian.com/ex/confluence/${cloudId}`;
  const granted = scenario === 'scope-missing' ? connection.requestedScopes.filter((s) => s !== 'search:confluence') : connection.requestedScopes;
  const consentedAt = now - 200 * DAY;
  const refreshedAt = now - 12 * DAY;
  const fresh = scenario === 'no-history';
  const refreshFailed = scenario === 'revoked-grant' || scenario === 'client-secret-rotated';
  return {
    connection,
    verdict: cause
      ? { healthy: false, headline: headlines[scenario] ?? cause.message, cause }
      : { healthy: true, headline: `Connected: Atlassian accepts this connection; the last check (${new Date(now - 60_000).toISOString()}) passed every step`, cause: null },
    environment: {
      id: 'atlassian-cloud',
      label: 'Atlassian Cloud',
      authorizeUrl: 'https://auth.atlassian.com/authorize',
      tokenUrl: 'https://auth.atlassian.com/oauth/token',
      accessibleResourcesUrl: 'https://api.atlassian.com/oauth/token/accessible-resources',
      apiBaseUrl: 'https://api.atlassian.com',
      callbackUrl: 'http://localhost:47615/oauth/callback',
    },
    oauthApp: {
      authType: connection.authType,
      label: connection.authType === 'managed' ? 'ConnectDesk for Confluence' : 'Your OAuth app',
      clientIdMasked: connection.clientIdMasked,
      clientSecretSource: connection.authType === 'managed' ? 'managed' : 'typed',
      clientSecretAsset: null,
    },
    connectionBaseUrl: connection.site ? api : null,
    scopes: {
      requested: connection.requestedScopes,
      granted,
      missing: scenario === 'scope-missing' ? [{ scope: 'search:confluence', description: 'Search Confluence', breaks: 'Search: finding pages and blog posts with CQL.' }] : [],
      extra: [],
    },
    tokens: {
      // Revoked: refused before its expiry. Client secret rotated: expired, and the refresh that followed was refused.
      accessExpiresAt: new Date(now + (scenario === 'client-secret-rotated' ? -3_600_000 : 42 * 60_000)).toISOString(),
      accessExpired: scenario === 'client-secret-rotated',
      accessRefusedAt: scenario === 'revoked-grant' ? new Date(now - 61_000).toISOString() : null,
      lastRefreshAt: fresh ? null : new Date(refreshedAt).toISOString(),
      lastRefreshFailure: refreshFailed ? { at: new Date(now - 60_000).toISOString(), code: cause!.code } : null,
      hasRefreshToken: connection.hasRefreshToken,
      refreshIdleDays: connection.hasRefreshToken ? 12 : null,
      refreshIdleLimitDays: 90,
      refreshExpiresAt: connection.hasRefreshToken ? new Date(refreshedAt + 90 * DAY).toISOString() : null,
      consentAgeDays: 200,
      consentLimitDays: 365,
      consentExpiresAt: new Date(consentedAt + 365 * DAY).toISOString(),
    },
    // Main sends history newest first.
    events: fresh
      ? []
      : ([
          { at: new Date(consentedAt).toISOString(), type: 'created', outcome: 'ok', detail: `site ${connection.site?.url ?? 'none'}` },
          { at: new Date(refreshedAt).toISOString(), type: 'refreshed', outcome: 'ok' },
          ...(refreshFailed ? [{ at: new Date(now - 60_000).toISOString(), type: 'refresh-failed' as const, outcome: 'failed' as const, error: cause! }] : []),
          cause
            ? { at: new Date(now - 60_000).toISOString(), type: 'checked', outcome: 'failed', error: cause, detail: '2 of 6 steps failed' }
            : { at: new Date(now - 60_000).toISOString(), type: 'checked', outcome: 'ok', detail: '6 of 6 steps passed' },
        ] satisfies ConnectionDiagnosticsDto['events']).reverse(),
    traces: tracesFor(scenario, api, now).reverse(),
    lastCheck: fresh
      ? null
      : {
          checkedAt: new Date(now - 60_000).toISOString(),
          ok: cause === null,
          missingScopes: scenario === 'scope-missing' ? ['search:confluence'] : [],
          steps: [
            cause && scenario !== 'scope-missing'
              ? { name: 'Access token usable', outcome: 'failed', ok: false, durationMs: 212, error: cause }
              : { name: 'Access token usable', outcome: 'passed', ok: true, durationMs: 88, detail: 'Accepted by Atlassian' },
            scenario === 'scope-missing'
              ? { name: 'Search', outcome: 'failed', ok: false, durationMs: 64, detail: 'GET /wiki/rest/api/search (needs search:confluence)', error: scopeMissingCause }
              : { name: 'Search', outcome: cause ? 'skipped' : 'passed', ok: !cause, durationMs: cause ? 0 : 71 },
          ],
        },
  };
}

/** The connection the fake answers for when a test did not set up one: a healthy managed connection. */
export function defaultDiagnostics(connectionId: string): ConnectionDiagnosticsDto {
  return diagnosticsFor({ ...makeConnection(1, 'shared'), id: connectionId, status: 'connected' }, 'healthy');
}
