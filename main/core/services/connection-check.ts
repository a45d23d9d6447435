import { confluenceSites, type AccessibleResource } from '../atlassian/accessible-resources.js';
import { recordCheckResult } from '../diagnostics/record-event.js';
import { runInTraceScope } from '../diagnostics/trace-scope.js';
import { AppError, toErrorInfo, type ErrorInfo } from '../errors/app-error.js';
import type { ConnectionRecord } from '../store/store-schema.js';
import type { ConnectionApi } from './connection-api.js';
import type { RefreshCoordinator } from './refresh-coordinator.js';
import { failureReason, SCOPE_MISSING_REMEDIATION, statusAfterFailure } from './connection-status.js';
import { toConnectionSummary, type ConnectionSummary } from './connection-summary.js';
import { nowOf, type ServiceContext } from './service-context.js';

export interface CheckStep {
  name: string;
  outcome: 'passed' | 'failed' | 'skipped';
  ok: boolean;
  durationMs: number;
  detail?: string;
  error?: ErrorInfo;
}

export interface CheckResult {
  connectionId: string;
  ok: boolean;
  steps: CheckStep[];
  missingScopes: string[];
  checkedAt: string;
  connection: ConnectionSummary;
}

/** One Confluence call per permission group, each needing one scope the connection asked for. */
interface GroupProbe {
  name: string;
  scope: string;
  detail: string;
  run: (api: ConnectionApi, connectionId: string) => Promise<unknown>;
}

const PROBES: Record<'view' | 'search' | 'update', GroupProbe[]> = {
  view: [
    { name: 'View spaces', scope: 'read:confluence-space.summary', detail: 'GET /wiki/rest/api/space', run: (api, id) => api.confluence(id, 'wiki/rest/api/space?limit=1', { neededScope: 'read:confluence-space.summary' }) },
    { name: 'View content', scope: 'read:confluence-content.summary', detail: 'GET /wiki/rest/api/content', run: (api, id) => api.confluence(id, 'wiki/rest/api/content?limit=1', { neededScope: 'read:confluence-content.summary' }) },
    { name: 'View spaces', scope: 'read:space:confluence', detail: 'GET /wiki/api/v2/spaces', run: (api, id) => api.confluence(id, 'wiki/api/v2/spaces?limit=1', { neededScope: 'read:space:confluence' }) },
  ],
  search: [
    { name: 'Search', scope: 'search:confluence', detail: 'GET /wiki/rest/api/search?cql=type=page', run: (api, id) => api.confluence(id, 'wiki/rest/api/search?cql=type%3Dpage&limit=1', { neededScope: 'search:confluence' }) },
  ],
  update: [
    {
      name: 'Update (nothing is changed)',
      scope: 'write:confluence-content',
      detail: 'POST /wiki/rest/api/content with an empty body: Atlassian checks the scope, then refuses the empty page (400)',
      run: (api, id) => api.confluence(id, 'wiki/rest/api/content', { method: 'POST', body: {}, neededScope: 'write:confluence-content', acceptStatus: [400] }),
    },
  ],
};

/** Failures after which no later step can pass. */
const BLOCKING_CODES = new Set([
  'ATLASSIAN_INVALID_GRANT',
  'TOKEN_EXPIRED',
  'ATLASSIAN_UNREACHABLE',
  'SECRET_UNAVAILABLE',
  'OAUTH_CLIENT_AUTH_FAILED',
  'NO_CONFLUENCE_SITE',
  'ATLASSIAN_RATE_LIMITED',
  'ATLASSIAN_SERVER_ERROR',
  // A client secret that cannot be read from its credential asset fails every call the same way.
  'ASSET_NOT_FOUND',
  'ASSET_UNREADABLE',
  'ASSET_KEYCHAIN_MISSING',
  'ASSET_KEYCHAIN_UNAVAILABLE',
  'ASSET_ENV_MISSING',
]);

/** How many connections a folder check runs at once: enough to be quick, few enough to respect rate limits. */
const FOLDER_CHECK_CONCURRENCY = 4;
const REFRESH_STEP = 'Client secret and refresh token accepted';

/** Check connection: named steps, each with its result, time and — on failure — cause and fix. */
export class ConnectionChecker {
  /** Connections being checked right now: shown as Checking, never stored (a crash must not leave it). */
  readonly checking = new Set<string>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly api: ConnectionApi,
    private readonly refresher: RefreshCoordinator,
  ) {}

  async check(connectionId: string): Promise<CheckResult> {
    let record = this.ctx.store.getConnection(connectionId);
    this.checking.add(connectionId);
    this.changed(record.folderId);
    try {
      const steps = await runInTraceScope({ connectionId, attemptId: null, operation: 'check' }, () => this.runSteps(record));
      const failure = steps.find((s) => s.outcome === 'failed')?.error;
      const missingScopes = record.requestedScopes.filter((s) => !this.ctx.store.getConnection(connectionId).grantedScopes.includes(s));
      const checkedAt = nowOf(this.ctx).toISOString();
      record = await this.ctx.store.updateConnection(connectionId, (current) => ({
        ...current,
        status: failure ? statusAfterFailure(failure, current, this.ctx.store) : { state: 'connected' },
        lastCheckedAt: checkedAt,
      }));
      recordCheckResult(this.ctx, { connectionId, checkedAt, ok: !failure, steps, missingScopes });
      return {
        connectionId,
        ok: !failure,
        steps,
        missingScopes,
        checkedAt,
        connection: toConnectionSummary(record, nowOf(this.ctx), { assets: this.ctx.store.listAssets() }),
      };
    } finally {
      this.checking.delete(connectionId);
      this.changed(record.folderId);
    }
  }

  /** Checks every connection of a folder, concurrently but bounded. */
  async checkFolder(folderId: string): Promise<CheckResult[]> {
    this.ctx.store.requireFolder(folderId);
    const ids = this.ctx.store.listConnections(folderId).map((c) => c.id);
    const results: CheckResult[] = new Array(ids.length);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const index = next++;
        results[index] = await this.check(ids[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(FOLDER_CHECK_CONCURRENCY, ids.length) }, worker));
    return results;
  }

  private changed(folderId: string): void {
    this.ctx.emit({ type: 'connections:changed', payload: { folderId } });
  }

  private async runSteps(record: ConnectionRecord): Promise<CheckStep[]> {
    const steps: CheckStep[] = [];
    let blocked = false;
    const step = async (name: string, detail: string, body: () => Promise<string | void>): Promise<void> => {
      if (blocked) {
        steps.push({ name, outcome: 'skipped', ok: false, durationMs: 0, detail: 'Skipped: an earlier step failed.' });
        return;
      }
      const started = performance.now();
      try {
        const result = await body();
        steps.push({ name, outcome: 'passed', ok: true, durationMs: Math.round(performance.now() - started), detail: result || detail });
      } catch (error) {
        // The fix for this connection (a missing scope: its kind of OAuth app), as every step and the status say it.
        const info = failureReason(toErrorInfo(error), record, this.ctx.store);
        steps.push({ name, outcome: 'failed', ok: false, durationMs: Math.round(performance.now() - started), detail, error: info });
        // Without a usable token or a reachable Atlassian nothing after this can pass.
        // Rate limits and server errors too: more calls now would only make Atlassian wait longer.
        if (BLOCKING_CODES.has(info.code)) blocked = true;
      }
    };

    let resources: AccessibleResource[] = [];
    // The token is proven with Atlassian itself (accessible-resources), so a revoked grant fails here, not one step later.
    let refreshed = false;
    await step('Access token usable', 'Refreshed when expired, about to expire, or refused by Atlassian', async () => {
      resources = await this.api.accessibleResources(record.id);
      const now = this.ctx.store.getConnection(record.id).tokens;
      // A new sealed access token (not a new expiry: two tokens issued in one second expire alike).
      refreshed = now.access.ct !== record.tokens.access.ct;
      return refreshed ? `Refreshed: a new access token, valid until ${now.accessExpiresAt}` : `Accepted by Atlassian; valid until ${now.accessExpiresAt}`;
    });
    // The client secret and the refresh token are only used at a refresh: without one here, a
    // rotated secret or a dead refresh token would pass every step until the access token expires.
    if (!record.tokens.refresh && !blocked) {
      steps.push({ name: REFRESH_STEP, outcome: 'skipped', ok: false, durationMs: 0, detail: 'Skipped: Atlassian gave this connection no refresh token (offline_access was not granted).' });
    } else {
      await step(REFRESH_STEP, 'A token refresh, which needs both the client secret and the refresh token', async () => {
        if (refreshed) return 'Proven by the refresh above';
        const { record: renewed } = await this.refresher.accessToken(record.id, { refresh: true });
        return `Atlassian issued new tokens; the access token is valid until ${renewed.tokens.accessExpiresAt}`;
      });
    }
    await step('Site still accessible', `${record.site.name} (${record.site.url}) in accessible-resources`, async () => {
      if (!confluenceSites(resources).some((s) => s.cloudId === record.site.cloudId)) {
        throw new AppError('NO_CONFLUENCE_SITE', {
          message: `The site ${record.site.name} is no longer available to this connection.`,
          remediation: 'Ask a site admin whether the app is still approved, or reconnect and choose another site.',
        });
      }
    });
    for (const group of ['view', 'search', 'update'] as const) {
      const probe = PROBES[group].find((p) => record.requestedScopes.includes(p.scope));
      const label = PROBES[group][0]!.name;
      if (!probe) {
        steps.push({ name: label, outcome: 'skipped', ok: false, durationMs: 0, detail: `Skipped: no ${group} permission was requested.` });
        continue;
      }
      await step(probe.name, `${probe.detail} (needs ${probe.scope})`, async () => void (await probe.run(this.api, record.id)));
    }
    await step('Scopes granted as requested', 'Requested scopes compared with the ones Atlassian granted', async () => {
      const granted = this.ctx.store.getConnection(record.id).grantedScopes;
      const missing = record.requestedScopes.filter((s) => !granted.includes(s));
      if (missing.length > 0) throw scopesNotGrantedError(missing, record.authType);
      return `All ${record.requestedScopes.length} requested scopes granted`;
    });
    return steps;
  }
}

/** Requested scopes Atlassian did not grant: named, with the fix for this kind of OAuth app. */
export function scopesNotGrantedError(missing: readonly string[], authType: 'managed' | 'byo'): AppError {
  return new AppError('SCOPE_MISSING', {
    message: `Atlassian granted fewer permissions than requested; missing: ${missing.join(', ')}.`,
    remediation: SCOPE_MISSING_REMEDIATION[authType],
    detail: missing.join(' '),
  });
}
