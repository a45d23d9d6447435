import { randomUUID } from 'node:crypto';
import type { ConnectionEvent, HttpTraceEntry, LastCheckRecord } from './diagnostics-model.js';
import { JournalEntries, NO_LIMIT, type JournalLimits } from './journal-entries.js';

export { FileDiagnosticsJournal } from './file-diagnostics-journal.js';

/**
 * Where events, traces and the last check of each connection are kept (already redacted).
 * FileDiagnosticsJournal in the app, the shell and the CLI; MemoryDiagnosticsJournal in tests.
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

/** The journal of one process, in memory, with the same bounds as the file: for tests and harnesses. */
export class MemoryDiagnosticsJournal implements DiagnosticsJournal {
  private readonly entries: JournalEntries;

  constructor(limits?: JournalLimits) {
    this.entries = new JournalEntries(limits);
  }

  recordEvent(event: ConnectionEvent): void {
    this.entries.add({ id: randomUUID(), kind: 'event', entry: event });
  }

  recordTrace(entry: HttpTraceEntry): void {
    this.entries.add({ id: randomUUID(), kind: 'trace', entry });
  }

  recordCheck(check: LastCheckRecord): void {
    this.entries.add({ id: randomUUID(), kind: 'check', entry: check });
  }

  events(connectionId: string, limit = NO_LIMIT): ConnectionEvent[] {
    return this.entries.eventsOf(connectionId, limit);
  }

  traces(filter: { connectionId?: string; attemptId?: string }, limit = NO_LIMIT): HttpTraceEntry[] {
    return this.entries.tracesOf(filter, limit);
  }

  lastCheck(connectionId: string): LastCheckRecord | null {
    return this.entries.lastCheckOf(connectionId);
  }
}
