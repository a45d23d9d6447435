import { fetchAccessibleResources, type AccessibleResource } from '../atlassian/accessible-resources.js';
import { atlassianRequest, type AtlassianRequest, type AtlassianResponse } from '../atlassian/atlassian-http.js';
import { confluenceApiUrl } from '../atlassian/confluence-client.js';
import { recordConnectionEvent } from '../diagnostics/record-event.js';
import { runForConnection } from '../diagnostics/trace-scope.js';
import { AppError, toErrorInfo } from '../errors/app-error.js';
import type { ConnectionRecord } from '../store/store-schema.js';
import { statusAfterFailure } from './connection-status.js';
import type { RefreshCoordinator } from './refresh-coordinator.js';
import { nowOf, type ServiceContext } from './service-context.js';

/** lastUsedAt is written at most this often, so a burst of calls does not rewrite the store each time. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Calls Atlassian on behalf of a connection: a usable token from the refresh coordinator, one
 * refresh-and-retry on a 401 that is not a scope failure (never on a scope failure), and the
 * connection's stored state kept true (Offline on no network, back to Connected on success).
 */
export class ConnectionApi {
  /** When this process last wrote lastUsedAt (or a recovery) per connection: a burst of calls writes once. */
  private readonly lastMarked = new Map<string, number>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly refresher: RefreshCoordinator,
  ) {}

  async confluence(connectionId: string, path: string, request: Omit<AtlassianRequest, 'fetch'> = {}): Promise<AtlassianResponse> {
    return this.call(connectionId, `${request.method ?? 'GET'} ${path.split('?')[0]}`, async (token, record) => {
      const environment = await this.ctx.resolveEnvironment(record.environmentId);
      return atlassianRequest(confluenceApiUrl(environment.endpoints.apiBaseUrl, record.site.cloudId, path), token, { ...request, fetch: this.ctx.fetch });
    });
  }

  async accessibleResources(connectionId: string): Promise<AccessibleResource[]> {
    return this.call(connectionId, 'GET accessible-resources', async (token, record) => {
      const environment = await this.ctx.resolveEnvironment(record.environmentId);
      return fetchAccessibleResources(environment.endpoints.accessibleResourcesUrl, token, this.ctx.fetch);
    });
  }

  /** `what`: the call in a few words ("GET wiki/rest/api/space"), for the connection's history when it fails. */
  private async call<T>(connectionId: string, what: string, send: (token: string, record: ConnectionRecord) => Promise<T>): Promise<T> {
    return runForConnection(connectionId, 'api', () => this.callWithRetry(connectionId, what, send));
  }

  private async callWithRetry<T>(connectionId: string, what: string, send: (token: string, record: ConnectionRecord) => Promise<T>): Promise<T> {
    try {
      let { accessToken, record } = await this.refresher.accessToken(connectionId);
      let result: T;
      try {
        result = await send(accessToken, record);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'ATLASSIAN_TOKEN_REJECTED') throw error;
        // Access tokens have been seen to stop working before they expire: one refresh, one retry.
        ({ accessToken, record } = await this.refresher.accessToken(connectionId, { rejected: accessToken }));
        result = await send(accessToken, record);
      }
      await this.markUsed(record);
      return result;
    } catch (error) {
      if (toErrorInfo(error).code !== 'NOT_FOUND') recordConnectionEvent(this.ctx, connectionId, 'call-failed', { failure: error, detail: what });
      await this.markFailure(connectionId, error);
      throw error;
    }
  }

  private async markUsed(record: ConnectionRecord): Promise<void> {
    const now = nowOf(this.ctx);
    const recovered = record.status.state === 'offline' || record.status.state === 'error';
    const markedHere = this.lastMarked.get(record.id);
    // Another call of this burst already recorded it (a failure clears this, so a recovery is always written).
    if (markedHere !== undefined && now.getTime() - markedHere < LAST_USED_RESOLUTION_MS) return;
    const stale = !record.lastUsedAt || now.getTime() - new Date(record.lastUsedAt).getTime() >= LAST_USED_RESOLUTION_MS;
    if (!recovered && !stale) return;
    this.lastMarked.set(record.id, now.getTime());
    await this.ctx.store.updateConnection(record.id, (current) => ({
      ...current,
      lastUsedAt: now.toISOString(),
      ...(recovered ? { status: { state: 'connected' as const } } : {}),
    }));
    if (recovered) this.ctx.emit({ type: 'connections:changed', payload: { folderId: record.folderId } });
  }

  /** Offline is stored so the list shows it; other failures belong to the caller (a check records them). */
  private async markFailure(connectionId: string, error: unknown): Promise<void> {
    this.lastMarked.delete(connectionId);
    const status = statusAfterFailure(toErrorInfo(error));
    if (status.state !== 'offline') return;
    const updated = await this.ctx.store.updateConnection(connectionId, (current) => ({ ...current, status })).catch(() => null);
    if (updated) this.ctx.emit({ type: 'connections:changed', payload: { folderId: updated.folderId } });
  }
}
