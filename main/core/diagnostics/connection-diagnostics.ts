import { confluenceApiUrl } from '../atlassian/confluence-client.js';
import { CONSENT_LIMIT_MS, REFRESH_IDLE_LIMIT_MS } from '../services/connection-status.js';
import { toConnectionSummary, type ConnectionSummary } from '../services/connection-summary.js';
import { maskTail } from './secret-patterns.js';
import { nowOf, type ServiceContext } from '../services/service-context.js';
import type { ConnectionRecord } from '../store/store-schema.js';
import type { CheckStepRecord, ConnectionEvent, HttpTraceEntry } from './diagnostics-model.js';
import { verdictOf, type Verdict } from './diagnostics-verdict.js';
import { missingScopeImpact, type MissingScope } from './scope-impact.js';

/** How much history the view shows. */
const EVENTS_SHOWN = 50;
const CONNECTION_TRACES_SHOWN = 30;
const DAY_MS = 24 * 60 * 60_000;

/** Everything support staff need to see why a connection fails (mirrors connectionDiagnosticsSchema in preload/contract.ts). Never a secret. */
export interface ConnectionDiagnostics {
  connection: ConnectionSummary;
  verdict: Verdict;
  environment: { id: string; label: string; authorizeUrl: string; tokenUrl: string; accessibleResourcesUrl: string; apiBaseUrl: string; callbackUrl: string };
  oauthApp: {
    authType: 'managed' | 'byo';
    label: string;
    clientIdMasked: string;
    clientSecretSource: 'managed' | 'typed' | 'asset';
    clientSecretAsset: { id: string; name: string } | null;
  };
  connectionBaseUrl: string | null;
  scopes: { requested: string[]; granted: string[]; missing: MissingScope[]; extra: string[] };
  tokens: {
    accessExpiresAt: string;
    accessExpired: boolean;
    /** When Atlassian refused the current access token before it expired (a 401 that was not a scope failure); null if it never did. */
    accessRefusedAt: string | null;
    /** The last successful refresh. */
    lastRefreshAt: string | null;
    /** The latest refresh attempt, when it failed: when (null when only the connection's status tells) and its code. */
    lastRefreshFailure: { at: string | null; code: string } | null;
    hasRefreshToken: boolean;
    refreshIdleDays: number | null;
    refreshIdleLimitDays: number;
    refreshExpiresAt: string | null;
    consentAgeDays: number;
    consentLimitDays: number;
    consentExpiresAt: string;
  };
  events: Array<Omit<ConnectionEvent, 'connectionId' | 'attemptId'>>;
  traces: Array<Omit<HttpTraceEntry, 'connectionId'>>;
  lastCheck: { checkedAt: string; ok: boolean; steps: Array<CheckStepRecord & { ok: boolean }>; missingScopes: string[] } | null;
}

/** The diagnostics of one connection, from its record, its environment and the journal (newest first). */
export async function buildConnectionDiagnostics(ctx: ServiceContext, connectionId: string): Promise<ConnectionDiagnostics> {
  const record = ctx.store.getConnection(connectionId);
  const now = nowOf(ctx);
  const connection = toConnectionSummary(record, now);
  const environment = await ctx.resolveEnvironment(record.environmentId);
  const allEvents = ctx.journal?.events(connectionId) ?? [];
  const lastCheck = ctx.journal?.lastCheck(connectionId) ?? null;
  const missing = record.requestedScopes.filter((s) => !record.grantedScopes.includes(s)).map((s) => missingScopeImpact(record.connectorId, s));
  const { endpoints } = environment;
  return {
    connection,
    verdict: verdictOf({ connection, authType: record.authType, missingScopes: missing, lastCheck, events: allEvents }),
    environment: {
      id: environment.id,
      label: environment.label,
      authorizeUrl: endpoints.authorizeUrl,
      tokenUrl: endpoints.tokenUrl,
      accessibleResourcesUrl: endpoints.accessibleResourcesUrl,
      apiBaseUrl: endpoints.apiBaseUrl,
      // What this connection's sign-in sent as redirect_uri (the environment's may have changed since).
      callbackUrl: record.callbackUrl,
    },
    oauthApp: {
      authType: record.authType,
      label: record.authType === 'managed' ? (environment.managedApp?.label ?? 'Managed OAuth app') : 'Your OAuth app',
      clientIdMasked: maskTail(record.clientId),
      clientSecretSource: record.authType === 'managed' ? 'managed' : record.clientSecretAssetId ? 'asset' : 'typed',
      clientSecretAsset: record.clientSecretAssetId
        ? { id: record.clientSecretAssetId, name: ctx.store.findAsset(record.clientSecretAssetId)?.name ?? '(deleted credential asset)' }
        : null,
    },
    connectionBaseUrl: confluenceApiUrl(endpoints.apiBaseUrl, record.site.cloudId, '').replace(/\/$/, ''),
    scopes: {
      requested: record.requestedScopes,
      granted: record.grantedScopes,
      missing,
      extra: record.grantedScopes.filter((s) => !record.requestedScopes.includes(s)),
    },
    tokens: tokenTimeline(record, allEvents, ctx.journal?.traces({ connectionId }) ?? [], now),
    events: allEvents
      .slice(-EVENTS_SHOWN)
      .reverse()
      .map(({ connectionId: _connection, attemptId: _attempt, ...event }) => event),
    traces: tracesOf(ctx, connectionId, allEvents),
    lastCheck: lastCheck && {
      checkedAt: lastCheck.checkedAt,
      ok: lastCheck.ok,
      steps: lastCheck.steps.map((step) => ({ ...step, ok: step.outcome === 'passed' })),
      missingScopes: lastCheck.missingScopes,
    },
  };
}

/**
 * The access token's expiry (or Atlassian's refusal of it), the last refresh and whether the latest
 * one failed, and the refresh token's age against Atlassian's 90 idle days and 365 days since consent.
 * `events` and `traces`: the connection's, oldest first.
 */
function tokenTimeline(record: ConnectionRecord, events: ConnectionEvent[], traces: HttpTraceEntry[], now: Date): ConnectionDiagnostics['tokens'] {
  const { tokens } = record;
  const at = (iso: string) => new Date(iso).getTime();
  const days = (since: number) => Math.max(0, Math.floor((now.getTime() - since) / DAY_MS));
  const hasRefreshToken = tokens.refresh !== null;
  // As connection-status.ts counts it: from the current refresh token's issue, else the consent.
  const idleSince = at(tokens.refreshIssuedAt ?? tokens.consentedAt);
  const lastRefreshed = [...events].reverse().find((e) => e.type === 'refreshed' && e.outcome === 'ok')?.at;
  const rotatedAt = tokens.refreshIssuedAt !== null && tokens.refreshIssuedAt !== tokens.consentedAt ? tokens.refreshIssuedAt : null;
  return {
    accessExpiresAt: tokens.accessExpiresAt,
    accessExpired: at(tokens.accessExpiresAt) <= now.getTime(),
    accessRefusedAt: accessRefusedAt(traces, tokens.accessExpiresAt),
    lastRefreshAt: lastRefreshed ?? rotatedAt,
    lastRefreshFailure: lastRefreshFailure(record, events),
    hasRefreshToken,
    refreshIdleDays: hasRefreshToken ? days(idleSince) : null,
    refreshIdleLimitDays: REFRESH_IDLE_LIMIT_MS / DAY_MS,
    refreshExpiresAt: hasRefreshToken ? new Date(idleSince + REFRESH_IDLE_LIMIT_MS).toISOString() : null,
    consentAgeDays: days(at(tokens.consentedAt)),
    consentLimitDays: CONSENT_LIMIT_MS / DAY_MS,
    consentExpiresAt: new Date(at(tokens.consentedAt) + CONSENT_LIMIT_MS).toISOString(),
  };
}

/** Stored failures that only a refresh attempt sets (the journal may be off or have dropped the event). */
const REFRESH_FAILURE_CODES = new Set(['ATLASSIAN_INVALID_GRANT', 'OAUTH_CLIENT_AUTH_FAILED', 'TOKEN_EXPIRED']);

/**
 * The latest refresh attempt if it failed: the newest 'refresh-failed' event with no successful
 * refresh or sign-in after it (by journal order, not time: a test clock stands still); else a
 * Needs reconnect or Error status that only a refused refresh sets.
 */
function lastRefreshFailure(record: ConnectionRecord, events: ConnectionEvent[]): ConnectionDiagnostics['tokens']['lastRefreshFailure'] {
  let failure: ConnectionDiagnostics['tokens']['lastRefreshFailure'] = null;
  for (const event of events) {
    const newTokens = event.outcome === 'ok' && (event.type === 'refreshed' || event.type === 'created' || event.type === 'reconnected');
    if (newTokens) failure = null;
    else if (event.type === 'refresh-failed' && event.error) failure = { at: event.at, code: event.error.code };
  }
  if (failure) return failure;
  const { state, reason } = record.status;
  return (state === 'needs-reconnect' || state === 'error') && reason && REFRESH_FAILURE_CODES.has(reason.code) ? { at: null, code: reason.code } : null;
}

/** Calls made with the connection's access token (a sign-in's code exchange and refreshes are not). */
const BEARER_CALLS = new Set<HttpTraceEntry['operation']>(['api', 'check', 'accessible-resources']);

/** A 401 to a bearer call that is not a scope failure: Atlassian refused the token itself (as atlassian-http.ts tells them apart). */
function refusedToken(trace: HttpTraceEntry): boolean {
  if (trace.status !== 401 || !BEARER_CALLS.has(trace.operation)) return false;
  return trace.responseHeaders['x-failure-category'] !== 'FAILURE_CLIENT_SCOPE_CHECK' && !(trace.responseBody ?? '').includes('scope does not match');
}

/**
 * When Atlassian first refused the access token in use now: the first refusal after the newest
 * successful refresh or code exchange (each brings a new token), if it came before the token's expiry.
 */
function accessRefusedAt(traces: HttpTraceEntry[], accessExpiresAt: string): string | null {
  let refusedAt: string | null = null;
  for (const trace of traces) {
    const newToken = (trace.operation === 'token-refresh' || trace.operation === 'token-exchange') && trace.status !== null && trace.status < 300;
    if (newToken) refusedAt = null;
    else if (refusedAt === null && refusedToken(trace)) refusedAt = trace.at;
  }
  return refusedAt !== null && Date.parse(refusedAt) < Date.parse(accessExpiresAt) ? refusedAt : null;
}

/** The connection's last calls plus every call of its last sign-in (made before it existed, so kept by attempt), newest first. */
function tracesOf(ctx: ServiceContext, connectionId: string, events: ConnectionEvent[]): ConnectionDiagnostics['traces'] {
  const journal = ctx.journal;
  if (!journal) return [];
  const lastSignIn = [...events].reverse().find((e) => e.attemptId !== undefined)?.attemptId;
  const signIn = lastSignIn ? journal.traces({ attemptId: lastSignIn }) : [];
  const recent = journal.traces({ connectionId }, CONNECTION_TRACES_SHOWN);
  const seen = new Set<string>();
  const merged = [...signIn, ...recent].filter((t) => !seen.has(t.id) && seen.add(t.id));
  // Stable sort: calls with the same time keep the order they were made in.
  merged.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return merged.reverse().map(({ connectionId: _connection, ...trace }) => trace);
}
