import type { ConnectionDraftDto, ConnectionSummaryDto, SettingsDto, SiteDto } from '../../preload/contract';
import { validationFailed } from './fake-invoke-error';

/** Main's checks on a draft that the contract schema cannot express alone. */
export function assertDraftUsable(draft: ConnectionDraftDto, connections: readonly ConnectionSummaryDto[]): void {
  if (draft.reconnectConnectionId) {
    if (!connections.some((c) => c.id === draft.reconnectConnectionId)) {
      throw validationFailed('The connection to reconnect no longer exists.', 'Close this dialog and refresh the list.');
    }
    return;
  }
  if (draft.authType === 'byo' && (!draft.clientId || (!draft.clientSecret && !draft.clientSecretAssetId))) {
    throw validationFailed('Enter the client ID and secret of your OAuth app.', 'Fill in both fields.');
  }
}

/**
 * The connection a finished sign-in saves: a new one, or for a reconnect the same connection
 * (ID, folder, name, description, default) with new tokens, scopes, site and account.
 */
export function savedConnection(
  draft: ConnectionDraftDto,
  site: SiteDto,
  context: { id: string; environmentId: SettingsDto['environmentId']; existing: ConnectionSummaryDto | undefined; now: Date; assetName: (assetId: string) => string },
): ConnectionSummaryDto {
  const { existing, now } = context;
  // As main: a named asset replaces the secret, a typed secret replaces the asset, neither keeps what was there.
  const secretAsset = draft.clientSecretAssetId ? { id: draft.clientSecretAssetId, name: context.assetName(draft.clientSecretAssetId) } : null;
  const clientSecretAsset = draft.authType === 'byo' && (draft.clientSecretAssetId || draft.clientSecret || !existing) ? secretAsset : (existing?.clientSecretAsset ?? null);
  const fresh = {
    site,
    account: { accountId: 'acc-dana', displayName: 'Dana Demo' },
    requestedScopes: draft.scopes,
    grantedScopes: draft.scopes,
    accessExpiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    hasRefreshToken: draft.scopes.includes('offline_access'),
    refreshIssuedAt: draft.scopes.includes('offline_access') ? now.toISOString() : null,
    consentedAt: now.toISOString(),
    status: 'connected' as const,
    clientSecretAsset,
  };
  if (existing) {
    const updated: ConnectionSummaryDto = {
      ...existing,
      ...fresh,
      clientIdMasked: draft.clientId ? `••••${draft.clientId.slice(-4)}` : existing.clientIdMasked,
    };
    delete updated.statusReason;
    return updated;
  }
  return {
    id: context.id,
    folderId: draft.folderId,
    connectorId: draft.connectorId,
    connectorName: 'Confluence Cloud',
    name: draft.name,
    environmentId: context.environmentId,
    authType: draft.authType,
    clientIdMasked: `••••${(draft.clientId ?? 'managed-app-7a1e').slice(-4)}`,
    description: '',
    isDefault: false,
    createdAt: now.toISOString(),
    lastUsedAt: null,
    lastCheckedAt: null,
    ...fresh,
  };
}
