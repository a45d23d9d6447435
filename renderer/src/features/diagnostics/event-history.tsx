import type { ConnectionEventDto } from '../../../../preload/contract';
import { formatDateTime, localizeTimestamps } from '../connections/relative-time';
import { DiagnosticsEmpty, DiagnosticsSection } from './diagnostics-section';
import { eventLabels } from './diagnostics-words';

/** What happened to the connection, newest first: time, event, outcome, and the error code of a failure. */
export function EventHistory({ events: newestFirst }: { events: ConnectionEventDto[] }) {
  return (
    <DiagnosticsSection id="diag-events" title="Event history" aside={newestFirst.length ? `${newestFirst.length} ${newestFirst.length === 1 ? 'event' : 'events'}` : undefined}>
      {newestFirst.length === 0 ? (
        <DiagnosticsEmpty>No events recorded yet. Sign-ins, refreshes and checks appear here as they happen.</DiagnosticsEmpty>
      ) : (
        <table className="diag-table diag-event-table">
          <caption className="visually-hidden">Event history, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Outcome</th>
              <th scope="col">Error code</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((event, index) => (
              <tr key={`${event.at}-${index}`} className={event.outcome === 'failed' ? 'is-failed' : undefined}>
                <td className="diag-time">{formatDateTime(event.at)}</td>
                <td>
                  <span className="diag-event-name">{eventLabels[event.type]}</span>
                  {event.detail ? <span className="diag-event-detail">{localizeTimestamps(event.detail)}</span> : null}
                  {event.error ? <span className="diag-event-detail">{event.error.message}</span> : null}
                </td>
                <td>
                  <span className={`diag-outcome is-${event.outcome}`}>{event.outcome === 'ok' ? 'OK' : 'Failed'}</span>
                </td>
                <td>{event.error ? <code className="diag-mono">{event.error.code}</code> : <span className="diag-muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DiagnosticsSection>
  );
}
