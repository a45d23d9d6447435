import { randomUUID } from 'node:crypto';
import type { ConnectionEvent, HttpTraceEntry, LastCheckRecord } from '../../main/core/diagnostics/diagnostics-model.js';

export function journalEvent(connectionId: string, detail: string, overrides: Partial<ConnectionEvent> = {}): ConnectionEvent {
  return { at: new Date().toISOString(), connectionId, type: 'refreshed', outcome: 'ok', detail, ...overrides };
}

export function journalTrace(connectionId: string | null, marker: string, overrides: Partial<HttpTraceEntry> = {}): HttpTraceEntry {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    connectionId,
    attemptId: null,
    operation: 'api',
    method: 'GET',
    url: `https://api.atlassian.com/ex/confluence/c1/wiki/rest/api/space?marker=${marker}`,
    status: 200,
    durationMs: 12,
    requestHeaders: {},
    responseHeaders: { 'content-type': 'application/json' },
    requestBody: null,
    // Padding: traces are what makes the file grow.
    responseBody: `{"marker":"${marker}","results":[${'0,'.repeat(200)}0]}`,
    ...overrides,
  };
}

export function journalCheck(connectionId: string, ok: boolean): LastCheckRecord {
  return {
    connectionId,
    checkedAt: new Date().toISOString(),
    ok,
    steps: [{ name: 'Access token usable', outcome: ok ? 'passed' : 'failed', durationMs: 5 }],
    missingScopes: [],
  };
}
