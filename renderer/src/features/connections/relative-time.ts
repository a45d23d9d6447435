const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/**
 * "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. Future times
 * (a clock a little ahead) read as "just now".
 */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '—';
  const ago = now - time;
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  if (ago < 2 * DAY) return 'yesterday';
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)} days ago`;
  return dateFormat.format(time);
}

/** The full date and time, for a title next to a relative time. */
export function formatFull(iso: string): string {
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? '' : fullFormat.format(time);
}

/** The later of last used and last checked, and which one it was. */
export function lastActivity(connection: { lastUsedAt: string | null; lastCheckedAt: string | null }): { at: string; kind: 'used' | 'checked' } | null {
  const { lastUsedAt: used, lastCheckedAt: checked } = connection;
  if (used && (!checked || used >= checked)) return { at: used, kind: 'used' };
  if (checked) return { at: checked, kind: 'checked' };
  return null;
}
