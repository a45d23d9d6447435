import type { TraceOperation } from '../diagnostics/diagnostics-model.js';
import { Redactor } from '../diagnostics/redaction.js';

/** Where a call to Atlassian was made: named in the detail of an error it ended in. */
export interface CallSite {
  operation: TraceOperation;
  method: string;
  url: string;
}

/** Enough of a body to recognise Atlassian's answer, short enough for a status line. */
const BODY_EXCERPT_CHARS = 300;
// Only token-shaped strings and secret-bearing fields are known here (no runtime secrets): enough
// for what Atlassian sends back in an error body, which never echoes a request's secret.
const redactor = new Redactor();

/** The URL without query or fragment: those can carry codes and tokens, and say nothing about where. */
function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}

/** A body redacted first, then cut (a token cut in half would no longer look like one), on one line. */
export function bodyExcerpt(body: string | null, contentType: string | null): string {
  if (!body) return '';
  const redacted = redactor.body(body, contentType, BODY_EXCERPT_CHARS).replace(/\s+/g, ' ').trim();
  return redacted.length > BODY_EXCERPT_CHARS ? `${redacted.slice(0, BODY_EXCERPT_CHARS)}…` : redacted;
}

/**
 * The detail of a failure that support staff need when the cause is not known: the status, where
 * it happened (operation, method, URL without query) and what Atlassian said (redacted excerpt).
 * "HTTP 418 at api GET https://api.atlassian.com/ex/confluence/c1/wiki/rest/api/space; body: {…}"
 */
export function describeFailedCall(site: CallSite, answer: { status: number | null; body?: string | null; contentType?: string | null; note?: string }): string {
  const where = `${site.operation} ${site.method.toUpperCase()} ${withoutQuery(site.url)}`;
  const note = answer.note ? ` (${answer.note})` : '';
  if (answer.status === null) return `No answer${note} at ${where}`;
  const excerpt = bodyExcerpt(answer.body ?? null, answer.contentType ?? null);
  return `HTTP ${answer.status}${note} at ${where}; ${excerpt ? `body: ${excerpt}` : 'empty body'}`;
}
