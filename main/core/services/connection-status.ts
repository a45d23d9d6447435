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

/**
 * "Dec 4, 2026": a limit's day, as it reads in the app's (en-US) words. Core text cannot know the
 * user's locale, and a day far ahead needs no time of day.
 */
const dayFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const day = (ms: number) => dayFormat.format(ms);
/**
 * An exact instant as ISO 8601 ("2026-12-04T10:48:00.000Z"): the app shows it in the user's locale
 * and time zone ("Dec 4, 2026, 10:48 AM"), as it does every time in a check or in Diagnostics.
 */
const instant = (ms: number) => new Date(ms).toISOString();

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
          `Atlassian issued no refresh token, so this connection stops working at ${instant(expiresAt)}.`,
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
 * The fix for a scope Atlassian did not grant, by who controls the OAuth app's scopes. The same
 * words wherever it shows (a check's API step, its scope comparison, the status, Diagnostics).
 */
export const SCOPE_MISSING_REMEDIATION = {
  managed:
    'Reconnect to grant the missing scope. If Atlassian still leaves it out, the managed app does not have it enabled: ' +
    'ask whoever set up ConnectDesk, or use your own OAuth app with the scope enabled.',
  byo: 'Enable the scope on your OAuth app in the Atlassian developer console, then Reconnect.',
} as const;

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
 * connection again. A missing scope gets the fix for the connection's kind of OAuth app. Other
 * failures are returned as they are.
 */
export function failureReason(error: ErrorInfo, connection?: ClientSecretSource, assets?: AssetFinder): ErrorInfo {
  if (error.code === 'SCOPE_MISSING' && connection?.authType) return { ...error, remediation: SCOPE_MISSING_REMEDIATION[connection.authType] };
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
  const reason = failureReason(error, connection, assets);
  if (clientSecretFixedElsewhere(error, connection)) return { state: 'error', reason };
  switch (error.code) {
    case 'ATLASSIAN_INVALID_GRANT':
    case 'TOKEN_EXPIRED':
    case 'SECRET_UNAVAILABLE':
    case 'OAUTH_CLIENT_AUTH_FAILED':
      return { state: 'needs-reconnect', reason };
    case 'ATLASSIAN_UNREACHABLE':
      return { state: 'offline', reason };
    default:
      return { state: 'error', reason };
  }
}
