import type { ConnectionEvent, HttpTraceEntry, LastCheckRecord } from './diagnostics-model.js';

/** How much the journal keeps: enough to explain the last weeks of a connection, bounded whatever happens. */
export interface JournalLimits {
  eventsPerConnection: number;
  /** Traces made outside a sign-in (refreshes, API calls, checks), per connection. */
  tracesPerConnection: number;
  /** Sign-in attempts whose traces are kept (the newest ones), and traces per attempt. */
  attempts: number;
  tracesPerAttempt: number;
  /** Traces of calls that belong to no connection nor attempt. */
  unscopedTraces: number;
}

export const DEFAULT_JOURNAL_LIMITS: JournalLimits = {
  eventsPerConnection: 200,
  tracesPerConnection: 100,
  attempts: 20,
  tracesPerAttempt: 50,
  unscopedTraces: 50,
};

/** No limit asked: everything kept (the journal is bounded anyway). */
export const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** One journal record as it is stored: `id` lets a reader drop a line written twice. */
export type JournalLine =
  | { id: string; kind: 'event'; entry: ConnectionEvent }
  | { id: string; kind: 'trace'; entry: HttpTraceEntry }
  | { id: string; kind: 'check'; entry: LastCheckRecord };

interface Kept {
  seq: number;
  line: JournalLine;
}

/**
 * The journal's content in memory, bounded as it grows: the newest events and traces per
 * connection, the traces of the newest sign-in attempts, one last check per connection. Both
 * journals (file and memory) hold one; the file journal writes `lines()` back when it compacts.
 */
export class JournalEntries {
  private seq = 0;
  private readonly ids = new Set<string>();
  private readonly events = new Map<string, Kept[]>();
  /** Keys: `connection:<id>`, `attempt:<id>` or `unscoped`, in the order they were first seen. */
  private readonly traces = new Map<string, Kept[]>();
  private readonly checks = new Map<string, Kept>();

  constructor(private readonly limits: JournalLimits = DEFAULT_JOURNAL_LIMITS) {}

  add(line: JournalLine): void {
    if (this.ids.has(line.id)) return;
    const kept: Kept = { seq: this.seq++, line };
    this.ids.add(line.id);
    switch (line.kind) {
      case 'event':
        this.push(this.events, line.entry.connectionId, kept, this.limits.eventsPerConnection);
        break;
      case 'trace':
        this.addTrace(kept, line.entry);
        break;
      case 'check': {
        const previous = this.checks.get(line.entry.connectionId);
        if (previous) this.ids.delete(previous.line.id);
        this.checks.set(line.entry.connectionId, kept);
        break;
      }
    }
  }

  /** Newest last. */
  eventsOf(connectionId: string, limit: number): ConnectionEvent[] {
    return (this.events.get(connectionId) ?? []).slice(-limit).map((k) => k.line.entry as ConnectionEvent);
  }

  /** Traces of the connection (any bucket) or of the attempt, newest last. */
  tracesOf(filter: { connectionId?: string; attemptId?: string }, limit: number): HttpTraceEntry[] {
    const matches = (entry: HttpTraceEntry) =>
      (filter.connectionId !== undefined && entry.connectionId === filter.connectionId) || (filter.attemptId !== undefined && entry.attemptId === filter.attemptId);
    const found = [...this.traces.values()].flat().filter((k) => matches(k.line.entry as HttpTraceEntry));
    return found
      .sort((a, b) => a.seq - b.seq)
      .slice(-limit)
      .map((k) => k.line.entry as HttpTraceEntry);
  }

  lastCheckOf(connectionId: string): LastCheckRecord | null {
    return (this.checks.get(connectionId)?.line.entry as LastCheckRecord | undefined) ?? null;
  }

  /** Everything kept, oldest first: what a compacted file holds. */
  lines(): JournalLine[] {
    const all = [...[...this.events.values()].flat(), ...[...this.traces.values()].flat(), ...this.checks.values()];
    return all.sort((a, b) => a.seq - b.seq).map((k) => k.line);
  }

  private addTrace(kept: Kept, entry: HttpTraceEntry): void {
    if (entry.attemptId !== null) {
      const key = `attempt:${entry.attemptId}`;
      this.push(this.traces, key, kept, this.limits.tracesPerAttempt);
      const attempts = [...this.traces.keys()].filter((k) => k.startsWith('attempt:'));
      for (const old of attempts.slice(0, Math.max(0, attempts.length - this.limits.attempts))) this.drop(this.traces, old);
    } else if (entry.connectionId !== null) {
      this.push(this.traces, `connection:${entry.connectionId}`, kept, this.limits.tracesPerConnection);
    } else {
      this.push(this.traces, 'unscoped', kept, this.limits.unscopedTraces);
    }
  }

  private push(buckets: Map<string, Kept[]>, key: string, kept: Kept, limit: number): void {
    const bucket = buckets.get(key) ?? [];
    bucket.push(kept);
    for (const evicted of bucket.splice(0, Math.max(0, bucket.length - limit))) this.ids.delete(evicted.line.id);
    buckets.set(key, bucket);
  }

  private drop(buckets: Map<string, Kept[]>, key: string): void {
    for (const evicted of buckets.get(key) ?? []) this.ids.delete(evicted.line.id);
    buckets.delete(key);
  }
}
