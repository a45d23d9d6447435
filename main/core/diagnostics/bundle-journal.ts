import { toErrorInfo, type ErrorInfo } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { buildConnectionDiagnostics, type ConnectionDiagnostics } from './connection-diagnostics.js';
import type { ConnectionEvent, HttpTraceEntry, LastCheckRecord } from './diagnostics-model.js';

/** The journal's raw content about one connection: what a bundle shows when the diagnostics cannot be built. */
export interface ConnectionJournalPart {
  events: ConnectionEvent[];
  /** The connection's own traces and those of its sign-in attempts (made before it existed), oldest first. */
  traces: HttpTraceEntry[];
  lastCheck: LastCheckRecord | null;
}

export type BundleDiagnostics = Omit<ConnectionDiagnostics, 'connection'> | (ConnectionJournalPart & { unavailable: ErrorInfo });

/**
 * A connection's diagnostics exactly as the diagnostics view shows them (verdict, endpoints,
 * scopes, token timeline, events, traces, last check; the summary is in the bundle's connection
 * entry already). When they cannot be built (a damaged record, an environment that does not
 * resolve), the journal's own content and why.
 */
export async function bundleDiagnostics(ctx: ServiceContext, connectionId: string): Promise<BundleDiagnostics> {
  try {
    const { connection: _summary, ...diagnostics } = await buildConnectionDiagnostics(ctx, connectionId);
    return diagnostics;
  } catch (error) {
    return { ...connectionJournal(ctx, connectionId), unavailable: toErrorInfo(error) };
  }
}

export function connectionJournal(ctx: Pick<ServiceContext, 'journal'>, connectionId: string): ConnectionJournalPart {
  const journal = ctx.journal;
  if (!journal) return { events: [], traces: [], lastCheck: null };
  const events = journal.events(connectionId);
  const attempts = [...new Set(events.flatMap((e) => (e.attemptId ? [e.attemptId] : [])))];
  const byId = new Map<string, HttpTraceEntry>();
  for (const trace of [...attempts.flatMap((attemptId) => journal.traces({ attemptId })), ...journal.traces({ connectionId })]) byId.set(trace.id, trace);
  const traces = [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
  return { events, traces, lastCheck: journal.lastCheck(connectionId) };
}
