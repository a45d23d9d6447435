import { randomUUID } from 'node:crypto';
import type { AuthorizationOutcome } from '../oauth/authorizer.js';
import type { ServiceContext } from '../services/service-context.js';
import type { ConnectionRecord } from '../store/store-schema.js';
import { currentTraceScope } from './trace-scope.js';

/** What the sign-in window ended with, in plain words, when it did not come back to the callback. */
const OUTCOME_WORDS: Record<Exclude<AuthorizationOutcome['kind'], 'callback'>, string> = {
  closed: 'The sign-in window was closed before Atlassian sent it back to the callback URL',
  timeout: 'The sign-in took too long and was stopped',
  cancelled: 'The sign-in was cancelled',
  failed: 'The sign-in could not run',
};

/**
 * The authorization request is a browser navigation, not a fetch, so the tracing fetch never sees
 * it. Call this before opening the sign-in window, and the returned function with its outcome: the
 * trace then shows the authorize URL sent (redirect_uri, scopes, client ID) and where Atlassian sent
 * the browser back to (the callback, its code and state redacted) — or why it never did.
 */
export function startAuthorizeTrace(ctx: Pick<ServiceContext, 'journal' | 'redactor' | 'now'>, authorizeUrl: string): (outcome: AuthorizationOutcome) => void {
  const at = ctx.now?.() ?? new Date();
  const started = performance.now();
  const scope = currentTraceScope();
  return (outcome) => {
    const { journal, redactor } = ctx;
    if (!journal || !redactor) return;
    try {
      if (outcome.kind === 'callback') {
        const code = new URL(outcome.url).searchParams.get('code');
        if (code) redactor.remember(code);
      }
      const failure = outcome.kind === 'callback' ? null : `${OUTCOME_WORDS[outcome.kind]}${outcome.kind === 'failed' ? `: ${outcome.reason}${outcome.detail ? ` (${outcome.detail})` : ''}` : ''}`;
      journal.recordTrace({
        id: randomUUID(),
        at: at.toISOString(),
        connectionId: scope?.connectionId ?? null,
        attemptId: scope?.attemptId ?? null,
        operation: 'authorize',
        method: 'GET',
        url: redactor.url(authorizeUrl),
        // The browser came back to the callback: Atlassian's answer was a redirect there.
        status: outcome.kind === 'callback' ? 302 : null,
        durationMs: Math.round(performance.now() - started),
        requestHeaders: {},
        responseHeaders: outcome.kind === 'callback' ? { location: redactor.url(outcome.url) } : {},
        requestBody: null,
        responseBody: null,
        ...(failure ? { networkError: redactor.text(failure) } : {}),
      });
    } catch {
      // Diagnostics never break a sign-in.
    }
  };
}

/** "as Demo User, site https://acme.atlassian.net, 5 of 6 requested scopes granted" */
export function signInDetail(record: ConnectionRecord): string {
  const granted = record.requestedScopes.filter((s) => record.grantedScopes.includes(s)).length;
  const who = record.account ? `as ${record.account.displayName}, ` : '';
  return `${who}site ${record.site.url}, ${granted} of ${record.requestedScopes.length} requested scopes granted`;
}
