import { AsyncLocalStorage } from 'node:async_hooks';
import type { TraceOperation } from './diagnostics-model.js';

/**
 * What an HTTP call is part of: which connection (or, before it exists, which sign-in attempt) and
 * which operation. Carried across awaits, so the tracing fetch can label a call made deep inside
 * oauth4webapi or the Atlassian client without every function passing it along.
 */
export interface TraceScope {
  connectionId: string | null;
  attemptId: string | null;
  operation: TraceOperation;
}

const storage = new AsyncLocalStorage<TraceScope>();

export function runInTraceScope<T>(scope: TraceScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentTraceScope(): TraceScope | null {
  return storage.getStore() ?? null;
}

/**
 * Runs `fn` as `operation` of a connection — unless it already runs inside a scope of that same
 * connection (a check's API calls stay part of the check).
 */
export function runForConnection<T>(connectionId: string, operation: TraceOperation, fn: () => T): T {
  if (currentTraceScope()?.connectionId === connectionId) return fn();
  return runInTraceScope({ connectionId, attemptId: null, operation }, fn);
}
