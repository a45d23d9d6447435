import { getConnector } from '../connectors/connector-catalogue.js';
import type { ConnectionRecord } from '../store/store-schema.js';
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

/** Shows only the last 4 characters, as support staff compare client IDs by their end. */
export function maskTail(value: string): string {
  return value.length <= 4 ? '••••' : `••••${value.slice(-4)}`;
}

/** `checking`: a check of this connection is running right now (never stored). */
export function toConnectionSummary(record: ConnectionRecord, now: Date, options: { checking?: boolean } = {}): ConnectionSummary {
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
