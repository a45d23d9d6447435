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

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const ISO_TIMESTAMP = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** A date and time in the user's locale ("12 Mar 2026, 14:05"); the input unchanged when it is no time. */
export function formatDateTime(iso: string): string {
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? iso : dateTimeFormat.format(time);
}

/** Text with ISO timestamps in it ("Valid until 2026-03-12T13:05:00.000Z"), each shown in the user's locale. */
export function localizeTimestamps(text: string): string {
  return text.replace(ISO_TIMESTAMP, (match) => formatDateTime(match));
}

/** The later of last used and last checked, and which one it was. */
export function lastActivity(connection: { lastUsedAt: string | null; lastCheckedAt: string | null }): { at: string; kind: 'used' | 'checked' } | null {
  const { lastUsedAt: used, lastCheckedAt: checked } = connection;
  if (used && (!checked || used >= checked)) return { at: used, kind: 'used' };
  if (checked) return { at: checked, kind: 'checked' };
  return null;
}
