import type { ConnectionDiagnosticsDto, ConnectionEventDto, HttpTraceDto } from '../../../../preload/contract';

export const eventLabels: Record<ConnectionEventDto['type'], string> = {
  created: 'Created',
  'signed-in': 'Signed in',
  reconnected: 'Reconnected',
  refreshed: 'Token refreshed',
  'refresh-failed': 'Refresh failed',
  checked: 'Checked',
  'call-failed': 'Call failed',
  'status-changed': 'Status changed',
  renamed: 'Renamed',
  moved: 'Moved',
  deleted: 'Deleted',
};

export const operationLabels: Record<HttpTraceDto['operation'], string> = {
  authorize: 'Sign-in',
  'token-exchange': 'Code exchange',
  'token-refresh': 'Token refresh',
  'accessible-resources': 'Sites',
  api: 'Confluence API',
  check: 'Check',
  reachability: 'Reachability',
};

export function secretSourceLabel(app: ConnectionDiagnosticsDto['oauthApp']): string {
  switch (app.clientSecretSource) {
    case 'managed':
      return 'Held by ConnectDesk (managed app)';
    case 'typed':
      return 'Typed at sign-in, stored encrypted';
    case 'asset':
      return app.clientSecretAsset ? `Credential asset “${app.clientSecretAsset.name}”` : 'Credential asset (no longer exists)';
  }
}

/** Response headers worth a second look: why a call failed, or how close it is to a limit. */
export const NOTABLE_HEADERS = new Set([
  'x-failure-category',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-interval-seconds',
  'beta-ratelimit-policy',
  'beta-ratelimit',
  'www-authenticate',
]);

export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

const DAY_MS = 86_400_000;

/** "in 42 min", "in 3 h", "in 12 days", or "… ago": how far a time is from now. */
export function fromNow(iso: string, now: number = Date.now()): string {
  const delta = new Date(iso).getTime() - now;
  if (Number.isNaN(delta)) return '';
  const span = Math.abs(delta);
  const words = span < 60_000 ? 'less than a minute' : span < 3_600_000 ? `${Math.round(span / 60_000)} min` : span < DAY_MS ? `${Math.round(span / 3_600_000)} h` : `${Math.round(span / DAY_MS)} days`;
  return delta >= 0 ? `in ${words}` : `${words} ago`;
}
