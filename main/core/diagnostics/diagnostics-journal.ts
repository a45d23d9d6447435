import type { ConnectionEvent, HttpTraceEntry, LastCheckRecord } from './diagnostics-model.js';

/**
 * Where events, traces and the last check of each connection are kept (already redacted).
 * TODO(issue 5, diagnostics helper): a file-backed implementation under the data dir, bounded,
 * owner-only, safe with the CLI and the app writing at once; and an in-memory one for tests.
 */
export interface DiagnosticsJournal {
  recordEvent(event: ConnectionEvent): void;
  recordTrace(entry: HttpTraceEntry): void;
  recordCheck(check: LastCheckRecord): void;
  /** Newest last. */
  events(connectionId: string, limit?: number): ConnectionEvent[];
  /** Traces of a connection, or of a sign-in attempt before the connection existed. Newest last. */
  traces(filter: { connectionId?: string; attemptId?: string }, limit?: number): HttpTraceEntry[];
  lastCheck(connectionId: string): LastCheckRecord | null;
}
