import { AppError, type ErrorInfo } from '../errors/app-error.js';
import { errorCatalogue, type ErrorCode } from '../errors/error-catalogue.js';
import { scopesNotGrantedError } from '../services/connection-check.js';
import { failureReason, STATUS_LABELS } from '../services/connection-status.js';
import type { ConnectionSummary } from '../services/connection-summary.js';
import type { ConnectionEvent, ConnectionEventType, LastCheckRecord } from './diagnostics-model.js';
import type { MissingScope } from './scope-impact.js';

export interface Verdict {
  healthy: boolean;
  /** The answer in plain words: "Needs reconnect: Atlassian no longer accepts this connection's refresh token". */
  headline: string;
  /** What is wrong and the fix, from the error catalogue; null when healthy. */
  cause: ErrorInfo | null;
}

const EVENT_LABELS: Partial<Record<ConnectionEventType, string>> = {
  'signed-in': 'Sign-in failed',
  'refresh-failed': 'Refresh failed',
  'call-failed': 'Last call failed',
  checked: 'Check failed',
};

/** Events that say whether the connection works (renaming or moving it says nothing). */
const HEALTH_EVENTS = new Set<ConnectionEventType>(['created', 'signed-in', 'reconnected', 'refreshed', 'refresh-failed', 'checked', 'call-failed']);

export interface VerdictInput {
  connection: ConnectionSummary;
  authType: 'managed' | 'byo';
  missingScopes: MissingScope[];
  lastCheck: LastCheckRecord | null;
  /** Newest last. */
  events: ConnectionEvent[];
}

/**
 * The cause, in this order: what the connection's status says (stored by the failure that set it,
 * or what time alone tells: expiry windows); else a failed last check with nothing working since;
 * else requested scopes Atlassian did not grant; else the newest failure with nothing working since.
 */
export function verdictOf(input: VerdictInput): Verdict {
  const { connection } = input;
  const label = STATUS_LABELS[connection.status];
  // A missing scope's fix depends on the kind of OAuth app: the same words as Check connection's.
  const failing = (prefix: string, cause: ErrorInfo, missing: MissingScope[]) => failingVerdict(prefix, failureReason(cause, { authType: input.authType }), missing);
  if (connection.status !== 'connected' && connection.statusReason) {
    return failing(label, catalogueInfo(connection.statusReason), input.missingScopes);
  }
  const workedSince = (at: string) =>
    (connection.lastUsedAt !== null && connection.lastUsedAt > at) || input.events.some((e) => e.at > at && e.outcome === 'ok' && HEALTH_EVENTS.has(e.type));
  const check = input.lastCheck;
  const failedStep = check && !check.ok ? check.steps.find((s) => s.outcome === 'failed' && s.error) : undefined;
  if (check && failedStep?.error && !workedSince(check.checkedAt)) {
    return failing(`Check failed at "${failedStep.name}"`, catalogueInfo(failedStep.error), input.missingScopes);
  }
  if (input.missingScopes.length > 0) {
    return failing(label, scopesNotGrantedError(input.missingScopes.map((m) => m.scope), input.authType).toInfo(), input.missingScopes);
  }
  const newest = [...input.events].reverse().find((e) => HEALTH_EVENTS.has(e.type));
  if (newest?.outcome === 'failed' && newest.error && !workedSince(newest.at)) {
    return failing(EVENT_LABELS[newest.type] ?? label, catalogueInfo(newest.error), input.missingScopes);
  }
  const checked = check?.ok ? `; the last check (${check.checkedAt}) passed every step` : '; no failure recorded';
  return { healthy: true, headline: `${label}: Atlassian accepts this connection${checked}`, cause: null };
}

function failingVerdict(prefix: string, cause: ErrorInfo, missing: MissingScope[]): Verdict {
  const what =
    cause.code === 'SCOPE_MISSING' && missing.length > 0
      ? `missing permission ${missing.map((m) => `${m.scope} (${m.breaks})`).join('; ')}`
      : cause.message.replace(/\.$/, '');
  return { healthy: false, headline: `${prefix}: ${what}`, cause };
}

/** Stored reasons keep their words (they may carry a more precise fix); a code the catalogue does not know becomes UNEXPECTED. */
function catalogueInfo(info: { code: string; message: string; remediation: string; detail?: string | undefined }): ErrorInfo {
  if (Object.hasOwn(errorCatalogue, info.code)) {
    return { code: info.code as ErrorCode, message: info.message, remediation: info.remediation, ...(info.detail ? { detail: info.detail } : {}) };
  }
  return new AppError('UNEXPECTED', { detail: `${info.code}: ${info.message}`.slice(0, 300) }).toInfo();
}
