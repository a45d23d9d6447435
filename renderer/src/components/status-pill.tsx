import type { ConnectionStatus } from '../../../preload/contract';

export const statusLabels: Record<ConnectionStatus, string> = {
  connected: 'Connected',
  'expiring-soon': 'Expiring soon',
  'needs-reconnect': 'Needs reconnect',
  offline: 'Offline',
  error: 'Error',
  checking: 'Checking',
};

/** Status as colour AND text, so it never depends on colour alone. */
export function StatusPill({ status, title }: { status: ConnectionStatus; title?: string | undefined }) {
  return (
    <span className={`pill pill-${status}`} title={title}>
      <span className="pill-dot" aria-hidden="true" />
      {statusLabels[status]}
    </span>
  );
}
