import { confluenceSites, fetchAccessibleResources } from '../atlassian/accessible-resources.js';
import { fetchCurrentUser } from '../atlassian/confluence-client.js';
import { AppError, toErrorInfo, type ErrorInfo } from '../errors/app-error.js';
import { refreshTokens } from '../oauth/token-client.js';
import type { ConnectionRecord } from '../store/store-schema.js';
import { clientConfigFor, secretContext } from './client-credentials.js';
import { toConnectionSummary, type ConnectionSummary } from './connection-summary.js';
import { nowOf, type ServiceContext } from './service-context.js';

export interface CheckStep {
  name: string;
  ok: boolean;
  durationMs: number;
  error?: ErrorInfo;
}

export interface CheckResult {
  connectionId: string;
  ok: boolean;
  steps: CheckStep[];
  connection: ConnectionSummary;
}

/** Access tokens are refreshed this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Unseals the access token, refreshing it when it is about to expire (the rotated refresh token is
 * saved before anything uses the new access token: case T5).
 */
async function usableAccessToken(
  ctx: ServiceContext,
  record: ConnectionRecord,
  options: { forceRefresh?: boolean } = {},
): Promise<{ token: string; record: ConnectionRecord }> {
  const now = nowOf(ctx);
  if (!options.forceRefresh && new Date(record.tokens.accessExpiresAt).getTime() - REFRESH_MARGIN_MS > now.getTime()) {
    return { token: ctx.vault.unseal(record.tokens.access, secretContext.accessToken(record.id)), record };
  }
  if (!record.tokens.refresh) throw new AppError('TOKEN_EXPIRED');
  const environment = await ctx.resolveEnvironment(record.environmentId);
  const client = clientConfigFor(record, environment, ctx.vault, ctx.fetch);
  const refreshToken = ctx.vault.unseal(record.tokens.refresh, secretContext.refreshToken(record.id));
  const tokens = await refreshTokens(client, { refreshToken, currentScopes: record.grantedScopes, now: () => nowOf(ctx) });
  const saved = ctx.store.updateConnection(record.id, (current) => ({
    ...current,
    grantedScopes: tokens.scopes,
    tokens: {
      ...current.tokens,
      access: ctx.vault.seal(tokens.accessToken, secretContext.accessToken(record.id)),
      refresh: tokens.refreshToken ? ctx.vault.seal(tokens.refreshToken, secretContext.refreshToken(record.id)) : current.tokens.refresh,
      accessExpiresAt: tokens.expiresAt.toISOString(),
      refreshIssuedAt: tokens.refreshToken !== refreshToken ? nowOf(ctx).toISOString() : current.tokens.refreshIssuedAt,
    },
    updatedAt: nowOf(ctx).toISOString(),
  }));
  return { token: tokens.accessToken, record: saved };
}

/** Check connection: named steps, each with its result and time. Issue-3 work extends the steps. */
export async function checkConnection(ctx: ServiceContext, connectionId: string): Promise<CheckResult> {
  let record = ctx.store.getConnection(connectionId);
  const steps: CheckStep[] = [];
  let token: string | null = null;

  const step = async (name: string, body: () => Promise<void>): Promise<boolean> => {
    const started = performance.now();
    try {
      await body();
      steps.push({ name, ok: true, durationMs: Math.round(performance.now() - started) });
      return true;
    } catch (error) {
      steps.push({ name, ok: false, durationMs: Math.round(performance.now() - started), error: toErrorInfo(error) });
      return false;
    }
  };

  let refreshedAfterRejection = false;
  /**
   * Access tokens have been seen to stop working before they expire: a 401 that is not a scope
   * failure gets one refresh and one retry. A scope failure is never "fixed" by refreshing.
   */
  const withToken = async <T>(call: (accessToken: string) => Promise<T>): Promise<T> => {
    try {
      return await call(token!);
    } catch (error) {
      if (refreshedAfterRejection || !(error instanceof AppError) || error.code !== 'ATLASSIAN_TOKEN_REJECTED') throw error;
      refreshedAfterRejection = true;
      const usable = await usableAccessToken(ctx, record, { forceRefresh: true });
      token = usable.token;
      record = usable.record;
      return call(token);
    }
  };

  const environment = await ctx.resolveEnvironment(record.environmentId);
  const ok =
    (await step('Access token usable', async () => {
      const usable = await usableAccessToken(ctx, record);
      token = usable.token;
      record = usable.record;
    })) &&
    (await step('Site still accessible', async () => {
      const resources = await withToken((t) => fetchAccessibleResources(environment.endpoints.accessibleResourcesUrl, t, ctx.fetch));
      if (!confluenceSites(resources).some((s) => s.cloudId === record.site.cloudId)) {
        throw new AppError('NO_CONFLUENCE_SITE', { message: `The site ${record.site.name} is no longer available to this connection.` });
      }
    })) &&
    (await step('Confluence answers', async () => {
      await withToken((t) => fetchCurrentUser(environment.endpoints.apiBaseUrl, record.site.cloudId, t, ctx.fetch));
    }));

  const failure = steps.find((s) => !s.ok)?.error;
  const state = ok ? 'connected' : failure?.code === 'ATLASSIAN_INVALID_GRANT' || failure?.code === 'TOKEN_EXPIRED' ? 'needs-reconnect' : failure?.code === 'ATLASSIAN_UNREACHABLE' ? 'offline' : 'error';
  const checkedAt = nowOf(ctx).toISOString();
  record = ctx.store.updateConnection(connectionId, (current) => ({
    ...current,
    status: failure ? { state, reason: failure } : { state: 'connected' },
    lastCheckedAt: checkedAt,
  }));
  ctx.emit({ type: 'connections:changed', payload: { folderId: record.folderId } });
  return { connectionId, ok, steps, connection: toConnectionSummary(record, nowOf(ctx)) };
}
