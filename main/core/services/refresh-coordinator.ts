import { recordConnectionEvent } from '../diagnostics/record-event.js';
import { runForConnection } from '../diagnostics/trace-scope.js';
import { AppError, appErrorFromInfo, toErrorInfo } from '../errors/app-error.js';
import { refreshTokens } from '../oauth/token-client.js';
import { withFileLock } from '../store/store-lock.js';
import type { ConnectionRecord } from '../store/store-schema.js';
import { clientConfigFor, secretContext } from './client-credentials.js';
import { failureReason, REFRESH_RENEWAL_AGE_MS, statusAfterFailure, type AssetFinder } from './connection-status.js';
import { nowOf, type ServiceContext } from './service-context.js';

export interface UsableToken {
  accessToken: string;
  record: ConnectionRecord;
}

/** Access tokens are refreshed this long before they expire. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Hands out usable access tokens and refreshes them — one refresh at a time per connection, in
 * this process (callers join the refresh in flight) and across processes (a lock file next to
 * the store; whoever gets it second finds the new token on disk and does not refresh again).
 * Atlassian rotates refresh tokens and revokes the whole grant when an old one is reused late,
 * so the rotated token is saved atomically before anyone uses the new access token (case T5).
 */
export class RefreshCoordinator {
  private readonly inFlight = new Map<string, Promise<UsableToken>>();

  constructor(private readonly ctx: ServiceContext) {}

  /**
   * A usable token for the connection. `rejected`: the token Atlassian just refused with a 401
   * that was not a scope failure — it is replaced even if it has not expired yet. `refresh`:
   * refresh now whatever the token's age (Check connection proves the refresh token and the
   * client secret this way: both are only used at a refresh).
   */
  async accessToken(connectionId: string, options: { rejected?: string; refresh?: boolean } = {}): Promise<UsableToken> {
    const record = this.ctx.store.getConnection(connectionId);
    this.refuseIfNeedsReconnect(record);
    let current: string;
    try {
      current = this.unsealAccess(record);
    } catch (error) {
      // A secret that no longer decrypts marks only this connection Needs reconnect; nothing else is touched.
      await this.recordFailure(record, error);
      throw error;
    }
    if (!options.refresh && !this.needsRefresh(record) && current !== options.rejected) return { accessToken: current, record };
    let flight = this.inFlight.get(connectionId);
    if (!flight) {
      flight = this.refreshUnderLock(connectionId, options.rejected, options.refresh === true).finally(() => this.inFlight.delete(connectionId));
      this.inFlight.set(connectionId, flight);
    }
    return flight;
  }

  private needsRefresh(record: ConnectionRecord): boolean {
    const now = nowOf(this.ctx).getTime();
    if (new Date(record.tokens.accessExpiresAt).getTime() - REFRESH_MARGIN_MS <= now) return true;
    // Renew an old refresh token while it still works, so a connection used now and then never hits the 90-day idle limit.
    const issued = record.tokens.refreshIssuedAt;
    return record.tokens.refresh !== null && issued !== null && now - new Date(issued).getTime() >= REFRESH_RENEWAL_AGE_MS;
  }

  /** Once Atlassian said the grant is gone, asking again cannot help: no retry loop (case T3). Reconnect resets it. */
  private refuseIfNeedsReconnect(record: ConnectionRecord): void {
    if (record.status.state !== 'needs-reconnect') return;
    const reason = record.status.reason;
    throw reason ? appErrorFromInfo(reason, 'ATLASSIAN_INVALID_GRANT') : new AppError('ATLASSIAN_INVALID_GRANT');
  }

  private unsealAccess(record: ConnectionRecord): string {
    return this.ctx.vault.unseal(record.tokens.access, secretContext.accessToken(record.id));
  }

  private async refreshUnderLock(connectionId: string, rejected: string | undefined, force: boolean): Promise<UsableToken> {
    return withFileLock(`${this.ctx.store.path}.refresh-${connectionId}`, async () => {
      // Read again under the lock: another caller or process may have refreshed meanwhile.
      const record = this.ctx.store.getConnection(connectionId);
      this.refuseIfNeedsReconnect(record);
      const current = this.unsealAccess(record);
      if (!force && !this.needsRefresh(record) && current !== rejected) return { accessToken: current, record };
      try {
        return await runForConnection(connectionId, 'token-refresh', () => this.refresh(record));
      } catch (error) {
        const failure = withClientSecretRemediation(error, record, this.ctx.store);
        recordConnectionEvent(this.ctx, connectionId, 'refresh-failed', { failure });
        await this.recordFailure(record, failure);
        throw failure;
      }
    });
  }

  private async refresh(record: ConnectionRecord): Promise<UsableToken> {
    if (!record.tokens.refresh) throw new AppError('TOKEN_EXPIRED');
    const { ctx } = this;
    const environment = await ctx.resolveEnvironment(record.environmentId);
    const client = clientConfigFor(record, environment, ctx, ctx.fetch);
    const refreshToken = ctx.vault.unseal(record.tokens.refresh, secretContext.refreshToken(record.id));
    const tokens = await refreshTokens(client, { refreshToken, currentScopes: record.grantedScopes, now: () => nowOf(ctx) });
    const rotated = tokens.refreshToken !== refreshToken;
    const saved = await ctx.store.updateConnection(record.id, (current) => ({
      ...current,
      grantedScopes: tokens.scopes,
      tokens: {
        ...current.tokens,
        access: ctx.vault.seal(tokens.accessToken, secretContext.accessToken(record.id)),
        // No refresh token in the answer: keep using the one we have (case T1).
        refresh: rotated && tokens.refreshToken ? ctx.vault.seal(tokens.refreshToken, secretContext.refreshToken(record.id)) : current.tokens.refresh,
        accessExpiresAt: tokens.expiresAt.toISOString(),
        refreshIssuedAt: rotated ? nowOf(ctx).toISOString() : current.tokens.refreshIssuedAt,
      },
      status: { state: 'connected' },
      updatedAt: nowOf(ctx).toISOString(),
    }));
    recordConnectionEvent(ctx, record.id, 'refreshed', {
      detail: `${rotated ? 'new refresh token (rotated)' : 'no new refresh token: the current one is kept'}; access token valid until ${saved.tokens.accessExpiresAt}`,
    });
    ctx.afterRefreshSaved?.(record.id);
    return { accessToken: tokens.accessToken, record: saved };
  }

  /** invalid_grant → Needs reconnect; no network → Offline; stored once, never retried in a loop (case T3). */
  private async recordFailure(record: ConnectionRecord, error: unknown): Promise<void> {
    const connectionId = record.id;
    const info = toErrorInfo(error);
    // A client secret from a credential asset or the managed app is fixed where it lives, not by signing in again.
    const status = statusAfterFailure(info, record, this.ctx.store);
    if (status.state === 'error') {
      // Errors are stored by the check that reports them; here only a refused client secret, which no check would undo by itself.
      if (info.code !== 'OAUTH_CLIENT_AUTH_FAILED') return;
    }
    const updated = await this.ctx.store
      .updateConnection(connectionId, (current) => ({ ...current, status }))
      .catch(() => null);
    if (updated) this.ctx.emit({ type: 'connections:changed', payload: { folderId: updated.folderId } });
  }
}

/**
 * A client secret refused while it comes from a credential asset or the managed app: the same
 * error, telling the caller (a check's step, the UI) to correct it there rather than reconnect.
 */
function withClientSecretRemediation(error: unknown, record: ConnectionRecord, assets: AssetFinder): unknown {
  if (!(error instanceof AppError)) return error;
  const { remediation } = failureReason(toErrorInfo(error), record, assets);
  if (remediation === undefined || remediation === toErrorInfo(error).remediation) return error;
  return new AppError(error.code, { message: error.message, remediation, ...(error.detail ? { detail: error.detail } : {}), cause: error });
}
