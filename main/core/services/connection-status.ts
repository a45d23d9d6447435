import type { ErrorInfo } from '../errors/app-error.js';
import type { ConnectionRecord } from '../store/store-schema.js';

export type ConnectionState = ConnectionRecord['status']['state'];
/** Why a connection is in its state; codes come from the error catalogue. */
export type StatusReason = NonNullable<ConnectionRecord['status']['reason']>;
export interface ConnectionStatus {
  state: ConnectionState;
  reason?: StatusReason;
}

/** The words the app shows for each status (the renderer's status-pill.tsx repeats them: it may not import main/). */
export const STATUS_LABELS: Record<ConnectionState, string> = {
  connected: 'Connected',
  'expiring-soon': 'Expiring soon',
  'needs-reconnect': 'Needs reconnect',
  offline: 'Offline',
  error: 'Error',
  checking: 'Checking',
};

const DAY_MS = 24 * 60 * 60_000;
/** Atlassian: a refresh token dies after 90 days without use (reference §3). */
export const REFRESH_IDLE_LIMIT_MS = 90 * DAY_MS;
/** Atlassian: a grant needs a new consent 365 days after the first (reference §3). */
export const CONSENT_LIMIT_MS = 365 * DAY_MS;
/** Warn this long before either limit. */
export const IDLE_WARNING_MS = 14 * DAY_MS;
export const CONSENT_WARNING_MS = 30 * DAY_MS;
/** A refresh token older than this is renewed by the next use, long before the idle limit. */
export const REFRESH_RENEWAL_AGE_MS = 60 * DAY_MS;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** "2026-12-03 19:06 UTC": readable, and the same in every locale (the text is stored with the status). */
const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * What the user should see: the stored state, plus what time alone tells (no refresh token,
 * the 90-day idle and 365-day absolute windows). Derived on every read, never stored.
 */
export function effectiveStatus(record: ConnectionRecord, now: Date): ConnectionStatus {
  if (record.status.state !== 'connected') return record.status;
  const t = now.getTime();
  const consentEnds = new Date(record.tokens.consentedAt).getTime() + CONSENT_LIMIT_MS;
  if (consentEnds <= t) {
    return reason('needs-reconnect', 'ATLASSIAN_INVALID_GRANT', 'Atlassian requires a new consent 365 days after the first one.', 'Reconnect to sign in again.');
  }
  if (!record.tokens.refresh) {
    const expiresAt = new Date(record.tokens.accessExpiresAt).getTime();
    return expiresAt <= t
      ? reason('needs-reconnect', 'TOKEN_EXPIRED', 'The access token has expired and there is no refresh token.', 'Reconnect with Stay connected (offline_access) selected.')
      : reason(
          'expiring-soon',
          'TOKEN_EXPIRED',
          `Atlassian issued no refresh token, so this connection stops working at ${minute(expiresAt)}.`,
          'Reconnect with Stay connected (offline_access) selected.',
        );
  }
  const idleEnds = new Date(record.tokens.refreshIssuedAt ?? record.tokens.consentedAt).getTime() + REFRESH_IDLE_LIMIT_MS;
  if (idleEnds <= t) {
    return reason('needs-reconnect', 'ATLASSIAN_INVALID_GRANT', 'The refresh token was not used for 90 days, so Atlassian expired it.', 'Reconnect to sign in again.');
  }
  if (idleEnds - t <= IDLE_WARNING_MS) {
    return reason('expiring-soon', 'TOKEN_EXPIRED', `Unused, this connection expires on ${day(idleEnds)} (Atlassian ends refresh tokens after 90 idle days).`, 'Check the connection: using it renews it.');
  }
  if (consentEnds - t <= CONSENT_WARNING_MS) {
    return reason('expiring-soon', 'TOKEN_EXPIRED', `Atlassian requires a new sign-in by ${day(consentEnds)} (365 days after the first consent).`, 'Reconnect before then to keep it working.');
  }
  return record.status;
}

function reason(state: ConnectionState, code: string, message: string, remediation: string): ConnectionStatus {
  return { state, reason: { code, message, remediation } };
}

/** Where a connection's client secret comes from, as far as the fix of a failure depends on it. */
export interface ClientSecretSource {
  clientSecretAssetId?: string | null | undefined;
  authType?: 'managed' | 'byo' | undefined;
}

/** Finds a credential asset by ID, to name it in a message (the store's findAsset). */
export interface AssetFinder {
  findAsset(assetId: string): { name: string } | undefined;
}

/** The fix when Atlassian refuses a client secret that comes from a credential asset: correct that asset. */
export function assetClientSecretRemediation(assetName?: string): string {
  const asset = assetName ? `the credential asset “${assetName}”` : 'the credential asset that holds this client secret';
  return `Correct ${asset} in its folder’s Credential assets tab (the app’s secret may have been rotated); the next sign-in or refresh uses the corrected value.`;
}

/** The fix when Atlassian refuses the environment's managed app: only whoever configures ConnectDesk can correct it. */
export const MANAGED_CLIENT_SECRET_REMEDIATION =
  'This connection uses the managed OAuth app of its environment, whose client ID or secret Atlassian no longer accepts (it may have been rotated). ' +
  'Whoever set up ConnectDesk here must set the current ones (CONNECTDESK_MANAGED_CLIENT_ID and CONNECTDESK_MANAGED_CLIENT_SECRET) and restart it; ' +
  'reconnecting does not help until then, but reconnecting with your own OAuth app does.';

/**
 * A client secret refused that signing in again cannot fix: one from a credential asset (correct
 * the asset) or the managed app's (correct its configuration). The grant itself is fine.
 */
function clientSecretFixedElsewhere(error: ErrorInfo, connection: ClientSecretSource | undefined): string | null {
  if (error.code !== 'OAUTH_CLIENT_AUTH_FAILED' || !connection) return null;
  if (connection.clientSecretAssetId) return 'asset';
  return connection.authType === 'managed' ? 'managed' : null;
}

/**
 * A failure as the user should read it, after a sign-in, refresh or check: a client secret refused
 * while it comes from a credential asset is fixed by correcting that asset (named when `assets` finds
 * it), the managed app's by correcting its configuration — not by copying a secret into the
 * connection again. Other failures are returned as they are.
 */
export function failureReason(error: ErrorInfo, connection?: ClientSecretSource, assets?: AssetFinder): ErrorInfo {
  switch (clientSecretFixedElsewhere(error, connection)) {
    case 'asset':
      return { ...error, remediation: assetClientSecretRemediation(assets?.findAsset(connection!.clientSecretAssetId!)?.name) };
    case 'managed':
      return { ...error, remediation: MANAGED_CLIENT_SECRET_REMEDIATION };
    default:
      return error;
  }
}

/**
 * The stored state after a failure: each kind of failure has one state and one fix. Pass the
 * connection when there is one: a client secret refused while it comes from a credential asset or
 * the managed app is an Error fixed where that secret lives (the grant is fine, so not Needs
 * reconnect, which would also stop the next use from trying the corrected value).
 */
export function statusAfterFailure(error: ErrorInfo, connection?: ClientSecretSource, assets?: AssetFinder): ConnectionStatus {
  if (clientSecretFixedElsewhere(error, connection)) return { state: 'error', reason: failureReason(error, connection, assets) };
  switch (error.code) {
    case 'ATLASSIAN_INVALID_GRANT':
    case 'TOKEN_EXPIRED':
    case 'SECRET_UNAVAILABLE':
    case 'OAUTH_CLIENT_AUTH_FAILED':
      return { state: 'needs-reconnect', reason: error };
    case 'ATLASSIAN_UNREACHABLE':
      return { state: 'offline', reason: error };
    default:
      return { state: 'error', reason: error };
  }
}
