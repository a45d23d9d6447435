import { useRef } from 'react';
import type { ConnectionDiagnosticsDto } from '../../../../preload/contract';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { Modal } from '../../components/modal';
import { Spinner } from '../../components/spinner';
import { StatusPill } from '../../components/status-pill';
import { fallbackFocus, rowMenuButton, useConnectionActionsStore } from '../connections/connection-actions-store';
import { formatDateTime } from '../connections/relative-time';
import { ConnectionSection } from './connection-section';
import { useDiagnosticsStore } from './diagnostics-store';
import { EventHistory } from './event-history';
import { HttpTrace } from './http-trace';
import { LastCheckSection } from './last-check-section';
import { ScopesSection } from './scopes-section';
import { TokenTimeline } from './token-timeline';
import { VerdictCard } from './verdict-card';

/** A fix that is a new sign-in gets the Reconnect button right there. */
const fixedByReconnect = (data: ConnectionDiagnosticsDto) =>
  data.verdict.cause !== null && (data.connection.status === 'needs-reconnect' || /\breconnect\b/i.test(data.verdict.cause.remediation));

function DiagnosticsContent({ data, onReconnect }: { data: ConnectionDiagnosticsDto; onReconnect: () => void }) {
  return (
    <div className="diag">
      <VerdictCard verdict={data.verdict} action={fixedByReconnect(data) ? <Button onClick={onReconnect}>Reconnect</Button> : undefined} />
      <ConnectionSection data={data} />
      <ScopesSection scopes={data.scopes} />
      <TokenTimeline tokens={data.tokens} status={data.connection.status} />
      <LastCheckSection lastCheck={data.lastCheck} />
      <EventHistory events={data.events} />
      <HttpTrace traces={data.traces} />
    </div>
  );
}

/**
 * Why a connection works or fails, for support staff: the verdict first, then the connection and
 * OAuth app, scopes, token timeline, last check, event history and HTTP trace. Nothing here is a
 * secret: main redacts everything before it is recorded.
 */
export function DiagnosticsPanel() {
  const { connection, data, error, loading, loadedAt, refresh, close } = useDiagnosticsStore();
  const reconnect = useConnectionActionsStore((s) => s.reconnect);
  // The menu item that opened the view is gone when it closes: return to the row's menu button.
  const lastId = useRef<string | null>(null);
  if (connection) lastId.current = connection.id;

  const onReconnect = () => {
    if (!connection) return;
    close();
    reconnect(connection);
  };

  const description = connection ? (
    <span className="diag-subtitle">
      <StatusPill status={connection.status} />
      <span>
        {connection.connectorName}
        {connection.site ? ` · ${connection.site.name}` : ''}
      </span>
    </span>
  ) : undefined;

  const footer = (
    <>
      <span className="diag-collected" aria-live="polite">
        {loading ? 'Collecting…' : loadedAt ? `Collected ${formatDateTime(loadedAt)}` : ''}
      </span>
      <Button onClick={() => void refresh()} busy={loading && data !== null}>
        Refresh
      </Button>
      <Button variant="primary" onClick={close}>
        Close
      </Button>
    </>
  );

  return (
    <Modal
      open={connection !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      title={connection ? `Diagnostics: ${connection.name}` : 'Diagnostics'}
      description={description}
      size="xl"
      // A long read-only view: focus the dialog itself (its title is announced), not the first Copy button deep in it.
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        if (event.currentTarget instanceof HTMLElement) event.currentTarget.focus();
      }}
      returnFocus={() => (lastId.current ? rowMenuButton(lastId.current) : null) ?? fallbackFocus()}
      footer={footer}
    >
      {data && error ? (
        <div className="diag-refresh-error">
          <ErrorBanner error={error} title="Refresh failed: this shows the diagnostics collected before" />
        </div>
      ) : null}
      {data ? (
        <DiagnosticsContent data={data} onReconnect={onReconnect} />
      ) : error ? (
        <div className="diag">
          <ErrorBanner error={error} title="Diagnostics could not be collected" action={<Button onClick={() => void refresh()}>Try again</Button>} />
        </div>
      ) : (
        <p className="progress-line diag-loading">
          <Spinner /> Collecting diagnostics…
        </p>
      )}
    </Modal>
  );
}
