import { getConnector } from '../connectors/connector-catalogue.js';
import { maskTail } from '../diagnostics/secret-patterns.js';
import type { AssetRecord, ConnectionRecord } from '../store/store-schema.js';
import { effectiveStatus, type ConnectionState, type StatusReason } from './connection-status.js';

/** What the UI may know about a connection: metadata only, never a secret. */
export interface ConnectionSummary {
  id: string;
  folderId: string;
  connectorId: string;
  connectorName: string;
  name: string;
  environmentId: string;
  authType: 'managed' | 'byo';
  clientIdMasked: string;
  /**
   * The credential asset the client secret comes from (null: typed, or the managed app). Absent
   * when the caller did not pass the store's assets.
   */
  clientSecretAsset?: { id: string; name: string } | null;
  status: ConnectionState;
  statusReason?: StatusReason;
  site: { cloudId: string; name: string; url: string } | null;
  account: { accountId: string; displayName: string } | null;
  requestedScopes: string[];
  grantedScopes: string[];
  accessExpiresAt: string;
  hasRefreshToken: boolean;
  refreshIssuedAt: string | null;
  consentedAt: string;
  description: string;
  isDefault: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  lastCheckedAt: string | null;
}

/**
 * `checking`: a check of this connection is running right now (never stored). `assets`: the
 * store's credential assets (store.listAssets(), read once per list: they are few), to name the
 * asset a client secret comes from.
 */
export function toConnectionSummary(
  record: ConnectionRecord,
  now: Date,
  options: { checking?: boolean; assets?: readonly Pick<AssetRecord, 'id' | 'name'>[] } = {},
): ConnectionSummary {
  const status = options.checking ? { state: 'checking' as const } : effectiveStatus(record, now);
  return {
    id: record.id,
    folderId: record.folderId,
    connectorId: record.connectorId,
    connectorName: getConnector(record.connectorId).name,
    name: record.name,
    environmentId: record.environmentId,
    authType: record.authType,
    clientIdMasked: maskTail(record.clientId),
    ...(options.assets ? { clientSecretAsset: secretAssetOf(record, options.assets) } : {}),
    status: status.state,
    ...(status.reason ? { statusReason: status.reason } : {}),
    site: record.site,
    account: record.account,
    requestedScopes: record.requestedScopes,
    grantedScopes: record.grantedScopes,
    accessExpiresAt: record.tokens.accessExpiresAt,
    hasRefreshToken: record.tokens.refresh !== null,
    refreshIssuedAt: record.tokens.refreshIssuedAt,
    consentedAt: record.tokens.consentedAt,
    description: record.description,
    isDefault: record.isDefault,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
    lastCheckedAt: record.lastCheckedAt,
  };
}

function secretAssetOf(record: ConnectionRecord, assets: readonly Pick<AssetRecord, 'id' | 'name'>[]): ConnectionSummary['clientSecretAsset'] {
  const assetId = record.authType === 'byo' ? record.clientSecretAssetId : null;
  if (!assetId) return null;
  // The store refuses to save a reference to a missing asset; the ID stands in should one ever be gone.
  return { id: assetId, name: assets.find((a) => a.id === assetId)?.name ?? assetId };
}
