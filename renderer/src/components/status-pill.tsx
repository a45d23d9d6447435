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
export function StatusPill({
  status,
  title,
  label,
  tone,
}: {
  status: ConnectionStatus;
  title?: string | undefined;
  /** Overrides the status word (e.g. Retrying for an Error main retries by itself). */
  label?: string | undefined;
  /** Overrides the colour, as another status's. */
  tone?: ConnectionStatus | undefined;
}) {
  return (
    <span className={`pill pill-${tone ?? status}`} title={title}>
      <span className="pill-dot" aria-hidden="true" />
      {label ?? statusLabels[status]}
    </span>
  );
}
