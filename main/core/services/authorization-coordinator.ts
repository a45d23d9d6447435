import { randomUUID } from 'node:crypto';
import { confluenceSites, fetchAccessibleResources, type Site } from '../atlassian/accessible-resources.js';
import { fetchCurrentUser } from '../atlassian/confluence-client.js';
import type { Environment } from '../atlassian/environment.js';
import { ensureReachable } from '../atlassian/reachability.js';
import { getConnector, normaliseScopes } from '../connectors/connector-catalogue.js';
import { AppError, toErrorInfo } from '../errors/app-error.js';
import { buildAuthorizationRequest, type AuthorizationRequest } from '../oauth/authorization-request.js';
import type { AuthorizationOutcome } from '../oauth/authorizer.js';
import { matchCallback } from '../oauth/callback-matcher.js';
import { exchangeCode, validateCallback, type OAuthClientConfig, type TokenSet } from '../oauth/token-client.js';
import type { ConnectionRecord } from '../store/store-schema.js';
import { resolveAssetValue } from '../assets/asset-resolver.js';
import { recordConnectionEvent } from '../diagnostics/record-event.js';
import { signInDetail, startAuthorizeTrace } from '../diagnostics/sign-in-diagnostics.js';
import { runInTraceScope } from '../diagnostics/trace-scope.js';
import { managedAppOf, reconnectSecretChoice, secretContext } from './client-credentials.js';
import { toConnectionSummary } from './connection-summary.js';
import { failureReason } from './connection-status.js';
import type { AuthPhase, AuthProgress } from './service-events.js';
import { nowOf, type ServiceContext } from './service-context.js';

export interface ConnectionDraft {
  draftId: string;
  connectorId: string;
  folderId: string;
  name: string;
  authType: 'managed' | 'byo';
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** BYO: the client secret comes from this credential asset instead (either this or clientSecret). */
  clientSecretAssetId?: string | null | undefined;
  scopes: string[];
  /** Reconnect: sign in again for this connection, keeping its ID, folder, name and auth type. */
  reconnectConnectionId?: string | undefined;
}

interface Attempt {
  id: string;
  draft: ConnectionDraft;
  abort: AbortController;
  siteChoice: { sites: Site[]; resolve: (site: Site) => void } | null;
  /** Once known: the credential asset this sign-in takes its client secret from (a refusal names it). */
  clientSecretAssetId?: string | null | undefined;
}

const DEFAULT_SIGN_IN_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs "add a connection": authorization request → sign-in → callback → code exchange → site →
 * sealed save. Reports every phase, can be cancelled at any point, and saves nothing unless the
 * whole flow succeeded (one atomic write at the end).
 */
export class AuthorizationCoordinator {
  private readonly attempts = new Map<string, Attempt>();

  constructor(private readonly ctx: ServiceContext) {}

  /** One sign-in per draft (case C8): a second Connect focuses the running one. */
  begin(draft: ConnectionDraft): { attemptId: string; reused: boolean } {
    const running = [...this.attempts.values()].find((a) => a.draft.draftId === draft.draftId);
    if (running) {
      this.ctx.authorizer.focus(running.id);
      return { attemptId: running.id, reused: true };
    }
    const attempt: Attempt = { id: randomUUID(), draft, abort: new AbortController(), siteChoice: null };
    this.attempts.set(attempt.id, attempt);
    // Every call of this sign-in is traced as part of the attempt (and of the connection it reconnects).
    void runInTraceScope({ connectionId: draft.reconnectConnectionId ?? null, attemptId: attempt.id, operation: 'authorize' }, () => this.run(attempt));
    return { attemptId: attempt.id, reused: false };
  }

  cancel(attemptId: string): void {
    this.attempts.get(attemptId)?.abort.abort();
  }

  chooseSite(attemptId: string, cloudId: string): void {
    const choice = this.attempts.get(attemptId)?.siteChoice;
    const site = choice?.sites.find((s) => s.cloudId === cloudId);
    if (!choice || !site) throw new AppError('SITE_CHOICE_INVALID');
    choice.resolve(site);
  }

  private report(attempt: Attempt, phase: AuthPhase, extra: Omit<AuthProgress, 'attemptId' | 'draftId' | 'phase'> = {}): void {
    this.ctx.emit({ type: 'auth:progress', payload: { attemptId: attempt.id, draftId: attempt.draft.draftId, phase, ...extra } });
  }

  private async run(attempt: Attempt): Promise<void> {
    try {
      this.report(attempt, 'starting');
      const record = await this.authorize(attempt);
      if (attempt.abort.signal.aborted) throw new AppError('OAUTH_CANCELLED');
      this.report(attempt, 'saving');
      await this.ctx.store.saveConnection(record);
      recordConnectionEvent(this.ctx, record.id, attempt.draft.reconnectConnectionId ? 'reconnected' : 'created', { detail: signInDetail(record), attemptId: attempt.id });
      this.attempts.delete(attempt.id);
      this.report(attempt, 'connected', { connection: toConnectionSummary(record, nowOf(this.ctx), { assets: this.ctx.store.listAssets() }) });
      this.ctx.emit({ type: 'connections:changed', payload: { folderId: record.folderId } });
    } catch (error) {
      // Forget the attempt before announcing its end, so a Connect right after it starts afresh (case C6).
      this.attempts.delete(attempt.id);
      const info = failureReason(toErrorInfo(error), { clientSecretAssetId: attempt.clientSecretAssetId, authType: attempt.draft.authType }, this.ctx.store);
      if (info.code === 'OAUTH_CANCELLED') return this.report(attempt, 'cancelled', { error: info });
      const reconnecting = attempt.draft.reconnectConnectionId;
      if (reconnecting) recordConnectionEvent(this.ctx, reconnecting, 'signed-in', { failure: error, attemptId: attempt.id });
      this.report(attempt, 'failed', { error: info });
    }
  }

  private async authorize(attempt: Attempt): Promise<ConnectionRecord> {
    const existing = attempt.draft.reconnectConnectionId ? this.ctx.store.getConnection(attempt.draft.reconnectConnectionId) : null;
    // A reconnect keeps what identifies the connection; only scopes, secret and account may change.
    const draft: ConnectionDraft = existing
      ? {
          ...attempt.draft,
          connectorId: existing.connectorId,
          folderId: existing.folderId,
          name: existing.name,
          authType: existing.authType,
          clientId: attempt.draft.clientId?.trim() || existing.clientId,
          ...reconnectSecretChoice(attempt.draft, existing, this.ctx),
        }
      : attempt.draft;
    attempt.clientSecretAssetId = draft.authType === 'byo' ? draft.clientSecretAssetId : null;
    const connector = getConnector(draft.connectorId);
    this.ctx.store.requireFolder(draft.folderId);
    const scopes = normaliseScopes(connector, draft.scopes);
    const environment = await this.ctx.resolveEnvironment(this.ctx.settings.environmentId());
    const client = this.clientOf(draft, environment);

    await ensureReachable(environment.endpoints.authorizeUrl, this.ctx.fetch);
    const request = await buildAuthorizationRequest({ endpoints: environment.endpoints, clientId: client.clientId, redirectUri: environment.callbackUrl, scopes });
    this.report(attempt, 'waiting-for-sign-in');
    const traceSignIn = startAuthorizeTrace(this.ctx, request.url);
    const outcome = await this.ctx.authorizer.run({
      attemptId: attempt.id,
      authorizeUrl: request.url,
      callbackUrl: environment.callbackUrl,
      persistSession: null,
      signal: attempt.abort.signal,
      timeoutMs: this.ctx.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS,
    });
    traceSignIn(outcome);
    const callbackParams = this.callbackParams(outcome, request);

    this.report(attempt, 'exchanging-code');
    const validated = validateCallback(client, callbackParams, request.state);
    const now = () => nowOf(this.ctx);
    const tokens = await exchangeCode(client, { callbackParams: validated, redirectUri: request.redirectUri, codeVerifier: request.codeVerifier, requestedScopes: scopes, now });

    this.report(attempt, 'finding-sites');
    const resources = await fetchAccessibleResources(environment.endpoints.accessibleResourcesUrl, tokens.accessToken, this.ctx.fetch);
    const sites = confluenceSites(resources);
    const site = await this.pickSite(attempt, sites, existing);
    const account = await fetchCurrentUser(environment.endpoints.apiBaseUrl, site.cloudId, tokens.accessToken, this.ctx.fetch).catch(() => null);
    return this.buildRecord(draft, existing, environment, client, scopes, tokens, site, account);
  }

  private clientOf(draft: ConnectionDraft, environment: Environment): OAuthClientConfig {
    const fetch = this.ctx.fetch ? { fetch: this.ctx.fetch } : {};
    if (draft.authType === 'managed') {
      const app = managedAppOf(environment);
      return { endpoints: environment.endpoints, clientId: app.clientId, clientSecret: app.clientSecret, ...fetch };
    }
    const clientId = draft.clientId?.trim();
    if (draft.clientSecret && draft.clientSecretAssetId) {
      throw new AppError('VALIDATION_FAILED', { message: 'Type the client secret or choose a credential asset for it, not both.' });
    }
    // An asset is resolved now, for this sign-in's code exchange; the record keeps only its ID.
    const clientSecret = draft.clientSecretAssetId ? resolveAssetValue(this.ctx, draft.clientSecretAssetId) : draft.clientSecret;
    if (!clientId || !clientSecret) throw new AppError('VALIDATION_FAILED', { message: 'Enter the client ID and client secret of your OAuth app.' });
    return { endpoints: environment.endpoints, clientId, clientSecret, ...fetch };
  }

  private callbackParams(outcome: AuthorizationOutcome, request: AuthorizationRequest): URLSearchParams {
    switch (outcome.kind) {
      case 'callback': {
        const match = matchCallback(outcome.url, request.redirectUri);
        if (!match) throw new AppError('OAUTH_INVALID_CALLBACK', { detail: 'the sign-in ended on a URL that is not the callback' });
        return match.params;
      }
      case 'closed':
        throw new AppError('OAUTH_WINDOW_CLOSED');
      case 'timeout':
        throw new AppError('OAUTH_TIMEOUT');
      case 'cancelled':
        throw new AppError('OAUTH_CANCELLED');
      case 'failed':
        if (outcome.reason === 'port-in-use') throw new AppError('CALLBACK_PORT_IN_USE', { detail: outcome.detail });
        throw new AppError('ATLASSIAN_UNREACHABLE', { detail: outcome.detail });
    }
  }

  /**
   * A new connection takes the only site or asks. A reconnect keeps its site when this sign-in
   * reaches it; when it does not (another account, or access removed), it never switches silently:
   * the user chooses, told which site the connection used.
   */
  private async pickSite(attempt: Attempt, sites: Site[], existing: ConnectionRecord | null): Promise<Site> {
    if (existing) {
      const same = sites.find((s) => s.cloudId === existing.site.cloudId);
      if (same) return same;
      return this.askForSite(attempt, sites, existing.site);
    }
    return sites.length === 1 ? sites[0]! : this.askForSite(attempt, sites);
  }

  private askForSite(attempt: Attempt, sites: Site[], previousSite?: Site): Promise<Site> {
    return new Promise<Site>((resolve, reject) => {
      const onAbort = () => reject(new AppError('OAUTH_CANCELLED'));
      if (attempt.abort.signal.aborted) return onAbort();
      attempt.abort.signal.addEventListener('abort', onAbort, { once: true });
      attempt.siteChoice = {
        sites,
        resolve: (site) => {
          attempt.abort.signal.removeEventListener('abort', onAbort);
          attempt.siteChoice = null;
          resolve(site);
        },
      };
      this.report(attempt, 'choosing-site', { sites, ...(previousSite ? { previousSite } : {}) });
    });
  }

  private buildRecord(
    draft: ConnectionDraft,
    existing: ConnectionRecord | null,
    environment: Environment,
    client: OAuthClientConfig,
    requestedScopes: string[],
    tokens: TokenSet,
    site: Site,
    account: ConnectionRecord['account'],
  ): ConnectionRecord {
    const id = existing?.id ?? randomUUID();
    const now = nowOf(this.ctx).toISOString();
    const { vault } = this.ctx;
    const assetId = draft.authType === 'byo' ? draft.clientSecretAssetId || null : null;
    // The first connection of a connector in a folder is its default.
    const isDefault =
      existing?.isDefault ??
      !this.ctx.store.listConnections(draft.folderId).some((c) => c.connectorId === draft.connectorId);
    return {
      id,
      folderId: draft.folderId,
      connectorId: draft.connectorId,
      name: draft.name.trim(),
      environmentId: environment.id,
      authType: draft.authType,
      clientId: client.clientId,
      clientSecret: draft.authType === 'byo' && !assetId ? vault.seal(client.clientSecret, secretContext.clientSecret(id)) : null,
      clientSecretAssetId: assetId,
      callbackUrl: environment.callbackUrl,
      requestedScopes,
      grantedScopes: tokens.scopes,
      site,
      account,
      tokens: {
        access: vault.seal(tokens.accessToken, secretContext.accessToken(id)),
        refresh: tokens.refreshToken ? vault.seal(tokens.refreshToken, secretContext.refreshToken(id)) : null,
        accessExpiresAt: tokens.expiresAt.toISOString(),
        refreshIssuedAt: tokens.refreshToken ? now : null,
        consentedAt: now,
      },
      status: { state: 'connected' },
      description: existing?.description ?? '',
      isDefault,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      lastUsedAt: existing?.lastUsedAt ?? null,
      lastCheckedAt: existing?.lastCheckedAt ?? null,
    };
  }
}
