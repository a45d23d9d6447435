import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { StatusPill } from '../../components/status-pill';
import { useConnectionActionsStore } from './connection-actions-store';
import { localizeTimestamps } from './relative-time';

/** Error codes main retries by itself: the row says so instead of a bare Error. */
const retriedCodes = new Set(['ATLASSIAN_RATE_LIMITED', 'ATLASSIAN_SERVER_ERROR']);

export const BUSY_LINE = 'Atlassian is busy — retrying automatically';

export function isRetrying(connection: ConnectionSummaryDto): boolean {
  return connection.status === 'error' && retriedCodes.has(connection.statusReason?.code ?? '');
}

/** Needs reconnect, or Expiring soon when only a new sign-in helps (no refresh token, the 365-day consent). */
export function offersReconnect(connection: ConnectionSummaryDto): boolean {
  if (connection.status === 'needs-reconnect') return true;
  return connection.status === 'expiring-soon' && /reconnect|sign in again/i.test(connection.statusReason?.remediation ?? '');
}

/** What the subline says under the pill: why, in a few words, with Atlassian's own words when there are some. */
function subline(connection: ConnectionSummaryDto): string | null {
  const reason = connection.statusReason;
  switch (connection.status) {
    case 'offline':
      return 'Waiting for the network';
    case 'checking':
      return 'Checking now…';
    case 'connected':
      return null;
    case 'error':
      if (isRetrying(connection)) return BUSY_LINE;
      return reason ? withDetail(reason) : null;
    case 'needs-reconnect':
      return reason ? withDetail(reason) : null;
    default:
      return reason?.message ?? null;
  }
}

function withDetail(reason: { message: string; detail?: string | undefined }): string {
  return reason.detail ? `${reason.message} (${reason.detail})` : reason.message;
}

/** Main words exact times in ISO ("stops working at 2026-12-04T10:48:00.000Z"); the row shows them as every other time. */
function localized(text: string | null): string | null {
  return text === null ? null : localizeTimestamps(text);
}

/** The tooltip: what happened, Atlassian's words, what to do, and the code. */
function tooltip(connection: ConnectionSummaryDto): string | undefined {
  const reason = connection.statusReason;
  if (!reason) return undefined;
  return [isRetrying(connection) ? BUSY_LINE : null, reason.message, reason.detail ? `Atlassian said: ${reason.detail}` : null, reason.remediation, `(${reason.code})`]
    .filter(Boolean)
    .join('\n');
}

/**
 * Status as a pill (colour + text) with, under it, the one action that fixes it and the reason:
 * Needs reconnect (and Expiring soon that only a new sign-in fixes) gets an inline Reconnect
 * button. Offline has none, nor does an Error main retries by itself; they recover by themselves.
 * The button sits under the pill, not beside it, so the column stays narrow enough for the names.
 */
export function StatusCell({ connection }: { connection: ConnectionSummaryDto }) {
  const reconnect = useConnectionActionsStore((s) => s.reconnect);
  const line = localized(subline(connection));
  const title = localized(tooltip(connection) ?? null) ?? undefined;
  const retrying = isRetrying(connection);
  const fix = offersReconnect(connection);
  return (
    <>
      <StatusPill status={connection.status} title={title} {...(retrying ? { label: 'Retrying', tone: 'offline' as const } : {})} />
      {fix || line ? (
        <span className="status-fix">
          {fix ? (
            <button
              type="button"
              className="btn btn-secondary btn-xs"
              aria-label={`Reconnect ${connection.name}`}
              data-inline-reconnect={connection.id}
              onClick={() => reconnect(connection)}
            >
              Reconnect
            </button>
          ) : null}
          {line ? (
            <span className={`cell-secondary status-reason status-reason-${retrying ? 'offline' : connection.status}`} title={title}>
              {line}
            </span>
          ) : null}
        </span>
      ) : null}
    </>
  );
}
