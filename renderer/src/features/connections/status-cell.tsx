import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { StatusPill } from '../../components/status-pill';
import { useConnectionActionsStore } from './connection-actions-store';

/** What the subline says under the pill: why, in a few words. */
function subline(connection: ConnectionSummaryDto): string | null {
  switch (connection.status) {
    case 'offline':
      return 'Waiting for the network';
    case 'checking':
      return 'Checking now…';
    case 'connected':
      return null;
    default:
      return connection.statusReason?.message ?? null;
  }
}

/**
 * Status as a pill (colour + text) with the reason under it, and the one action that fixes it:
 * Needs reconnect gets an inline Reconnect button. Offline has none; it recovers by itself.
 */
export function StatusCell({ connection }: { connection: ConnectionSummaryDto }) {
  const reconnect = useConnectionActionsStore((s) => s.reconnect);
  const reason = connection.statusReason;
  const line = subline(connection);
  const title = reason ? `${reason.message} ${reason.remediation} (${reason.code})` : undefined;
  return (
    <>
      <span className="status-line">
        <StatusPill status={connection.status} title={title} />
        {connection.status === 'needs-reconnect' ? (
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
      </span>
      {line ? (
        <span className={`cell-secondary status-reason status-reason-${connection.status}`} title={title}>
          {line}
        </span>
      ) : null}
    </>
  );
}
