import { getConnector } from '../connectors/connector-catalogue.js';
import type { ConnectionRecord } from '../store/store-schema.js';

export type ConnectionState = ConnectionRecord['status']['state'];
/** Why a connection is in its state; codes come from the error catalogue. */
export type StatusReason = NonNullable<ConnectionRecord['status']['reason']>;

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
  createdAt: string;
  lastCheckedAt: string | null;
}

/** Shows only the last 4 characters, as support staff compare client IDs by their end. */
export function maskTail(value: string): string {
  return value.length <= 4 ? '••••' : `••••${value.slice(-4)}`;
}

/** A connection whose access token cannot be refreshed will stop working when it expires (case T2). */
export function effectiveStatus(record: ConnectionRecord, now: Date): { state: ConnectionState; reason?: StatusReason } {
  if (record.status.state !== 'connected') return record.status;
  if (!record.tokens.refresh) {
    const expiresAt = new Date(record.tokens.accessExpiresAt);
    const expired = expiresAt.getTime() <= now.getTime();
    return {
      state: expired ? 'needs-reconnect' : 'expiring-soon',
      reason: {
        code: 'TOKEN_EXPIRED',
        message: expired
          ? 'The access token has expired and there is no refresh token.'
          : `Atlassian issued no refresh token, so this connection stops working at ${expiresAt.toISOString()}.`,
        remediation: 'Reconnect with Stay connected (offline_access) selected.',
      },
    };
  }
  return record.status;
}

export function toConnectionSummary(record: ConnectionRecord, now: Date): ConnectionSummary {
  const status = effectiveStatus(record, now);
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
    createdAt: record.createdAt,
    lastCheckedAt: record.lastCheckedAt,
  };
}
