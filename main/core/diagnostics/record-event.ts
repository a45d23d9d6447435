import { appErrorFromInfo, toErrorInfo, type ErrorInfo } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import type { CheckStepRecord, ConnectionEventType, LastCheckRecord } from './diagnostics-model.js';

/** Failures that repeat by themselves (retries, offline recovery): recorded once until something succeeds. */
const REPEATING_FAILURES = new Set<ConnectionEventType>(['call-failed', 'refresh-failed']);
/** How far back a repeat is looked for. */
const REPEAT_WINDOW = 20;

export type EventContext = Pick<ServiceContext, 'journal' | 'redactor' | 'log' | 'now'>;

/**
 * Adds one event to a connection's history. A failure is given as what was thrown (its catalogue
 * code, message and fix are kept, redacted). Never throws: diagnostics must not break a use case.
 */
export function recordConnectionEvent(
  ctx: EventContext,
  connectionId: string,
  type: ConnectionEventType,
  result: { failure?: unknown; detail?: string; attemptId?: string } = {},
): void {
  const { journal } = ctx;
  if (!journal) return;
  try {
    const error = result.failure === undefined ? undefined : redacted(ctx, toErrorInfo(result.failure));
    if (error && REPEATING_FAILURES.has(type) && alreadyFailing(ctx, connectionId, type, error)) return;
    const detail = result.detail === undefined ? undefined : redactedText(ctx, result.detail);
    journal.recordEvent({
      at: (ctx.now?.() ?? new Date()).toISOString(),
      connectionId,
      type,
      outcome: error ? 'failed' : 'ok',
      ...(error ? { error } : {}),
      ...(detail ? { detail } : {}),
      ...(result.attemptId ? { attemptId: result.attemptId } : {}),
    });
  } catch (cause) {
    ctx.log?.warn(`diagnostics: the ${type} event of connection ${connectionId} was not recorded (${cause instanceof Error ? cause.name : 'error'})`);
  }
}

/** The same failure of the same kind since the last success: the history says it once. */
function alreadyFailing(ctx: EventContext, connectionId: string, type: ConnectionEventType, error: ErrorInfo): boolean {
  for (const event of ctx.journal!.events(connectionId, REPEAT_WINDOW).reverse()) {
    if (event.outcome === 'ok') return false;
    if (event.type === type && event.error?.code === error.code && event.error.detail === error.detail) return true;
  }
  return false;
}

function redactedText(ctx: EventContext, text: string): string {
  return ctx.redactor ? ctx.redactor.text(text) : text;
}

function redacted(ctx: EventContext, error: ErrorInfo): ErrorInfo {
  return {
    code: error.code,
    message: redactedText(ctx, error.message),
    remediation: redactedText(ctx, error.remediation),
    ...(error.detail ? { detail: redactedText(ctx, error.detail) } : {}),
  };
}

/** A finished Check connection: a 'checked' event ("3 of 4 steps passed") and the steps as the connection's last check. */
export function recordCheckResult(ctx: EventContext, check: LastCheckRecord): void {
  const ran = check.steps.filter((s) => s.outcome !== 'skipped');
  const passed = ran.filter((s) => s.outcome === 'passed').length;
  const skipped = check.steps.length - ran.length;
  const firstFailure = check.steps.find((s) => s.outcome === 'failed')?.error;
  recordConnectionEvent(ctx, check.connectionId, 'checked', {
    detail: `${passed} of ${ran.length} steps passed${skipped ? ` (${skipped} skipped)` : ''}`,
    ...(check.ok || !firstFailure ? {} : { failure: appErrorFromInfo(firstFailure, 'UNEXPECTED') }),
  });
  try {
    const steps: CheckStepRecord[] = check.steps.map((s) => ({
      name: s.name,
      outcome: s.outcome,
      durationMs: s.durationMs,
      ...(s.detail ? { detail: redactedText(ctx, s.detail) } : {}),
      ...(s.error ? { error: redacted(ctx, s.error) } : {}),
    }));
    ctx.journal?.recordCheck({ connectionId: check.connectionId, checkedAt: check.checkedAt, ok: check.ok, steps, missingScopes: check.missingScopes });
  } catch (cause) {
    ctx.log?.warn(`diagnostics: the check of connection ${check.connectionId} was not recorded (${cause instanceof Error ? cause.name : 'error'})`);
  }
}
