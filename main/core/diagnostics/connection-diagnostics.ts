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
    lastRefreshAt: string | null;
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
    tokens: tokenTimeline(record, allEvents, now),
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

/** The access token's expiry and the refresh token's age against Atlassian's 90 idle days and 365 days since consent. */
function tokenTimeline(record: ConnectionRecord, events: ConnectionEvent[], now: Date): ConnectionDiagnostics['tokens'] {
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
    lastRefreshAt: lastRefreshed ?? rotatedAt,
    hasRefreshToken,
    refreshIdleDays: hasRefreshToken ? days(idleSince) : null,
    refreshIdleLimitDays: REFRESH_IDLE_LIMIT_MS / DAY_MS,
    refreshExpiresAt: hasRefreshToken ? new Date(idleSince + REFRESH_IDLE_LIMIT_MS).toISOString() : null,
    consentAgeDays: days(at(tokens.consentedAt)),
    consentLimitDays: CONSENT_LIMIT_MS / DAY_MS,
    consentExpiresAt: new Date(at(tokens.consentedAt) + CONSENT_LIMIT_MS).toISOString(),
  };
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
